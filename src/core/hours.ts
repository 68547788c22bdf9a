/**
 * Minutes as people read them ("2:05", "38,25") and as Exact Online stores them (a decimal
 * quantity of hours). Core keeps integer minutes; the decimal quantity exists only at the edge
 * where a line is written to Exact, and the line amount is derived from that quantity exactly
 * as Exact derives it, so the preview and Exact agree to the cent.
 */
import { DEFAULT_QUANTITY_PRECISION, EXACT_AMOUNT_ROUNDING } from './exact-rules';
import { assertSafeInteger, mulDivRounded } from './integer-math';
import { decimalSeparator, type Locale } from './locale';

/**
 * A quantity of hours in ten-thousandths (0.3333 h = 3333). Integer so that formatting it and
 * multiplying it by a price are exact; the text typed into Exact is `formatQuantity()` of it.
 */
export interface Quantity {
  readonly tenThousandths: number;
}

const QUANTITY_SCALE = 10_000;

/**
 * "h:mm": 125 → "2:05", 1500 → "25:00", -5 → "-0:05". Hours are not wrapped at 24. The one
 * duration format of the popup, the badge and the panel. A negative figure keeps its sign: for
 * a bookkeeper a difference that went the wrong way must show where it occurs, never read as
 * "0:00". Fractional or non-finite minutes are a bug upstream (domain code counts whole
 * minutes), so they throw instead of being shown as something plausible.
 */
export function formatHoursMinutes(minutes: number): string {
  assertSafeInteger(minutes, 'minutes');
  const magnitude = Math.abs(minutes);
  const sign = minutes < 0 ? '-' : '';
  return `${sign}${Math.floor(magnitude / 60)}:${String(magnitude % 60).padStart(2, '0')}`;
}

/**
 * Decimal hours for display with exactly two decimals, rounded half away from zero:
 * 2295 → "38,25" (nl) / "38.25" (en), 20 → "0,33". Not what is written to Exact: that is
 * `formatQuantity(quantityForExact(minutes))`, which keeps more decimals when needed.
 */
export function formatDecimalHours(minutes: number, locale: Locale): string {
  return formatScaled(mulDivRounded(minutes, 100, 60), 2, locale, false);
}

/**
 * The quantity of hours Exact keeps for `minutes`: minutes / 60 rounded half away from zero to
 * `decimals` places (the administration's precision, default 2). Multiples of 3 minutes are
 * exact at 2 and 3 decimals (6 min = 0.1, 15 min = 0.25); 20 minutes becomes 0.33 (0.333).
 */
export function quantityForExact(minutes: number, decimals: number = DEFAULT_QUANTITY_PRECISION): Quantity {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 4) {
    throw new RangeError(`decimals must be 0..4, got ${String(decimals)}`);
  }
  // Round straight from minutes to the wanted precision: rounding to 4 and then to fewer
  // places could round twice.
  const step = 10 ** (4 - decimals);
  return { tenThousandths: mulDivRounded(minutes, 10 ** decimals, 60) * step };
}

/**
 * The quantity as typed into Exact: no grouping, trailing zeros dropped, locale decimal
 * separator: 38.25 → "38,25" (nl), 2 → "2", 0.3333 → "0.3333" (en). `formatQuantity(q, 'en')`
 * is the canonical form for the REST API and fingerprints.
 */
export function formatQuantity(quantity: Quantity, locale: Locale): string {
  assertSafeInteger(quantity.tenThousandths, 'quantity');
  return formatScaled(quantity.tenThousandths, 4, locale, true);
}

/**
 * The line amount Exact computes for `quantity` × `unitPriceCents`: the exact product rounded
 * to whole cents with EXACT_AMOUNT_ROUNDING (INFERRED: half away from zero).
 */
export function exactLineAmountCents(quantity: Quantity, unitPriceCents: number): number {
  return mulDivRounded(quantity.tenThousandths, unitPriceCents, QUANTITY_SCALE, EXACT_AMOUNT_ROUNDING);
}

/**
 * What the stored quantity bills beyond `minutes`, in hundredths of a minute: 8,58 h for 8:35
 * (515 min) is 514,8 min, so −20. Exact at 2 and 3 decimals (a thousandth of an hour is
 * 6 hundredths of a minute); the panel shows it as what it is, apart from any rounding step.
 */
export function quantityShortfallHundredths(quantity: Quantity, minutes: number): number {
  assertSafeInteger(minutes, 'minutes');
  return mulDivRounded(quantity.tenThousandths, 6000, QUANTITY_SCALE) - minutes * 100;
}

/** Hundredths of a minute as a signed decimal with trailing zeros dropped: -20 → "-0,2" (nl), +6 → "+0,06". */
export function formatMinuteHundredths(hundredths: number, locale: Locale): string {
  const text = formatScaled(Math.abs(hundredths), 2, locale, true);
  return hundredths < 0 ? `-${text}` : hundredths > 0 ? `+${text}` : text;
}

/** Minutes that a quantity stands for, rounded to the nearest minute (for display only). */
export function quantityToMinutes(quantity: Quantity): number {
  return mulDivRounded(quantity.tenThousandths, 60, QUANTITY_SCALE);
}

function formatScaled(value: number, decimals: number, locale: Locale, trimZeros: boolean): string {
  const scale = 10 ** decimals;
  const magnitude = Math.abs(value);
  let fraction = String(magnitude % scale).padStart(decimals, '0');
  if (trimZeros) fraction = fraction.replace(/0+$/, '');
  const sign = value < 0 ? '-' : '';
  const whole = `${sign}${Math.floor(magnitude / scale)}`;
  return fraction.length > 0 ? `${whole}${decimalSeparator(locale)}${fraction}` : whole;
}
