/**
 * Exact Online's arithmetic and field limits that the preview must mirror so it reconciles
 * with Exact to the cent. All three are INFERRED (docs/exact-online.md does not state them); they live here,
 * together, so they can be corrected after checking a live tenant.
 */
import type { RoundingMode } from './integer-math';

/**
 * Decimals of the quantity (hours) written to a sales-invoice line. INFERRED: Exact accepts
 * 4 decimals for quantities; if a division is set to fewer, lower this and every quantity
 * and amount follows. Must be 0..4.
 */
export const EXACT_QUANTITY_DECIMALS = 4;

/**
 * How Exact rounds a line amount (quantity × unit price) to cents. INFERRED: half away from
 * zero (commercial rounding), not .NET's default banker's rounding.
 */
export const EXACT_AMOUNT_ROUNDING: RoundingMode = 'half_away_from_zero';

/** Maximum length (UTF-16 code units) of a sales-invoice line's Description. INFERRED. */
export const EXACT_DESCRIPTION_MAX_LENGTH = 255;
