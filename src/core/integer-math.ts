/**
 * Exact integer arithmetic for money and hours. Everything that divides (minutes → hours,
 * rate × minutes / 60, quantity × price) goes through `mulDivRounded`, so rounding is decided
 * in one place and never depends on binary floating point.
 */

/** How a value exactly halfway between two integers is rounded. */
export type RoundingMode = 'half_away_from_zero' | 'half_even';

/** Throws a RangeError unless `value` is a safe integer; core/ never works on fractional units. */
export function assertSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer, got ${String(value)}`);
  }
}

/**
 * Returns round(a × b / d) computed exactly. Products beyond 2^53 switch to BigInt so the
 * answer stays exact; a result that does not fit a safe integer throws a RangeError.
 */
export function mulDivRounded(
  a: number,
  b: number,
  d: number,
  mode: RoundingMode = 'half_away_from_zero',
): number {
  assertSafeInteger(a, 'a');
  assertSafeInteger(b, 'b');
  assertSafeInteger(d, 'd');
  if (d <= 0) throw new RangeError(`divisor must be positive, got ${d}`);
  const product = a * b;
  if (Number.isSafeInteger(product)) return divideRounded(product, d, mode);
  const result = divideRoundedBig(BigInt(a) * BigInt(b), BigInt(d), mode);
  const asNumber = Number(result);
  if (!Number.isSafeInteger(asNumber)) throw new RangeError('result exceeds the safe integer range');
  return asNumber;
}

function divideRounded(numerator: number, d: number, mode: RoundingMode): number {
  const magnitude = Math.abs(numerator);
  const remainder = magnitude % d;
  // (magnitude - remainder) is an exact multiple of d, so this division is exact in doubles.
  let quotient = (magnitude - remainder) / d;
  const twice = remainder * 2;
  if (twice > d || (twice === d && (mode === 'half_away_from_zero' || quotient % 2 === 1))) quotient += 1;
  // `+ 0` turns -0 into 0 so callers can compare with Object.is / toBe.
  return numerator < 0 ? -quotient + 0 : quotient;
}

function divideRoundedBig(numerator: bigint, d: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / d;
  const twice = (magnitude % d) * 2n;
  if (twice > d || (twice === d && (mode === 'half_away_from_zero' || quotient % 2n === 1n))) quotient += 1n;
  return negative ? -quotient : quotient;
}
