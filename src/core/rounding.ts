/**
 * Rounding of billed minutes: per entry (each entry rounded, then summed) or per line (the
 * line's raw sum rounded once). Rounding never changes which entries are billed, only how
 * many minutes a line charges.
 */
import { assertSafeInteger } from './integer-math';

/**
 * Rounding unit in minutes; 0 and 1 both mean "no rounding". 1, 5 and 10 are no longer offered
 * (see ROUNDING_UNITS) but still computed, so a selection stored with them bills as it did.
 */
export type RoundingUnit = 0 | 1 | 3 | 5 | 6 | 10 | 15 | 30 | 60;

/** Every unit a stored selection may carry. */
export const KNOWN_ROUNDING_UNITS: readonly RoundingUnit[] = [0, 1, 3, 5, 6, 10, 15, 30, 60];

/**
 * The units offered in the UI, in order: only steps Exact stores exactly. A step of m minutes is
 * m/60 hours, exact at d decimals when m × 10^d is a multiple of 60; at 2 and 3 decimals alike
 * that is every multiple of 3 minutes (5 min = 0,0833… h would be stored as 0,08).
 */
export const ROUNDING_UNITS: readonly RoundingUnit[] = [0, 3, 6, 15, 30, 60];

/** Whether a rounded line of `unit` minutes is a quantity Exact keeps exactly at `decimals`. */
export function isExactStep(unit: number, decimals: number): boolean {
  return unit > 1 && (unit * 10 ** decimals) % 60 === 0;
}

export interface MinuteRounding {
  unit: RoundingUnit;
  /** `up`: to the next multiple; `nearest`: halves go away from zero (7:30 at 15 → 15). */
  mode: 'up' | 'nearest';
}

export interface RoundingOptions extends MinuteRounding {
  scope: 'entry' | 'line';
}

/** No rounding: what the panel starts with until the user picks a unit. */
export const NO_ROUNDING: RoundingOptions = { unit: 0, mode: 'up', scope: 'line' };

/**
 * Rounds `minutes` to a multiple of `unit`. Invariants (tested): the result is a multiple of
 * the unit, `up` never goes below the input, `nearest` moves at most unit / 2.
 */
export function roundMinutes(minutes: number, rounding: MinuteRounding): number {
  assertSafeInteger(minutes, 'minutes');
  const { unit, mode } = rounding;
  if (!(KNOWN_ROUNDING_UNITS as readonly number[]).includes(unit)) {
    throw new RangeError(`unsupported rounding unit ${String(unit)}`);
  }
  if (unit <= 1) return minutes;
  const magnitude = Math.abs(minutes);
  const remainder = magnitude % unit;
  if (remainder === 0) return minutes;
  const down = magnitude - remainder;
  if (mode === 'up') {
    // "Up" means more minutes billed, i.e. towards +∞ also for (unusual) negative corrections.
    return minutes > 0 ? down + unit : -down + 0;
  }
  const rounded = remainder * 2 >= unit ? down + unit : down;
  return minutes < 0 ? -rounded : rounded;
}

/**
 * Raw and rounded minutes of one line from its entries, honouring the scope: `entry` rounds
 * each entry and sums, `line` sums and rounds once.
 */
export function roundLine(
  entries: readonly { minutes: number }[],
  rounding: RoundingOptions,
): { rawMinutes: number; roundedMinutes: number } {
  let rawMinutes = 0;
  let perEntry = 0;
  for (const { minutes } of entries) {
    rawMinutes += minutes;
    if (rounding.scope === 'entry') perEntry += roundMinutes(minutes, rounding);
  }
  const roundedMinutes = rounding.scope === 'entry' ? perEntry : roundMinutes(rawMinutes, rounding);
  return { rawMinutes, roundedMinutes };
}
