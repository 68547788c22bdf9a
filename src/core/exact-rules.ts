/**
 * Exact Online's arithmetic and field limits that the preview must mirror so it reconciles
 * with Exact to the cent. The rounding and the length are INFERRED (docs/exact-online.md does not state them); they live here,
 * together, so they can be corrected after checking a live tenant.
 */
import type { RoundingMode } from './integer-math';

/**
 * Decimals Exact keeps of a sales-invoice line's quantity (hours): 2 by default, raised to 3 in
 * some editions (docs/exact-online.md, Quantity precision). An administration's own precision is
 * detected from what Exact kept after a write, or set per division; every quantity and amount of
 * the preview follows it.
 */
export type QuantityPrecision = 2 | 3;
export const QUANTITY_PRECISIONS: readonly QuantityPrecision[] = [2, 3];
export const DEFAULT_QUANTITY_PRECISION: QuantityPrecision = 2;

/**
 * How Exact rounds a line amount (quantity × unit price) to cents. INFERRED: half away from
 * zero (commercial rounding), not .NET's default banker's rounding.
 */
export const EXACT_AMOUNT_ROUNDING: RoundingMode = 'half_away_from_zero';

/** Maximum length (UTF-16 code units) of a sales-invoice line's Description. INFERRED. */
export const EXACT_DESCRIPTION_MAX_LENGTH = 255;
