import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertSafeInteger, mulDivRounded } from './integer-math';

/** Reference implementation on BigInt, written independently of the code under test. */
function reference(a: number, b: number, d: number, mode: 'half_away_from_zero' | 'half_even'): number {
  const product = BigInt(a) * BigInt(b);
  const sign = product < 0n ? -1n : 1n;
  const magnitude = product * sign;
  const floor = magnitude / BigInt(d);
  const rest = magnitude - floor * BigInt(d);
  const doubled = rest * 2n;
  let result = floor;
  if (doubled > BigInt(d)) result += 1n;
  else if (doubled === BigInt(d)) result += mode === 'half_away_from_zero' ? 1n : floor % 2n;
  return Number(result * sign) + 0;
}

describe('mulDivRounded', () => {
  it('rounds halves away from zero by default', () => {
    expect(mulDivRounded(1, 30, 60)).toBe(1); // 0.5
    expect(mulDivRounded(-1, 30, 60)).toBe(-1);
    expect(mulDivRounded(1, 29, 60)).toBe(0);
    expect(mulDivRounded(0, 5, 3)).toBe(0);
    expect(Object.is(mulDivRounded(-1, 1, 3), 0)).toBe(true); // no -0
  });

  it('rounds halves to even on request', () => {
    expect(mulDivRounded(5, 1, 2, 'half_even')).toBe(2);
    expect(mulDivRounded(7, 1, 2, 'half_even')).toBe(4);
    expect(mulDivRounded(-5, 1, 2, 'half_even')).toBe(-2);
  });

  it('stays exact past 2^53 and refuses results that do not fit', () => {
    expect(mulDivRounded(2 ** 40, 2 ** 20, 2 ** 10)).toBe(2 ** 50);
    expect(mulDivRounded(9_007_199_254_740_991, 3, 3)).toBe(9_007_199_254_740_991);
    expect(() => mulDivRounded(2 ** 40, 2 ** 20, 1)).toThrow(RangeError);
  });

  it('rejects fractions, non-finite values and non-positive divisors', () => {
    expect(() => mulDivRounded(1.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRounded(1, Number.NaN, 1)).toThrow(RangeError);
    expect(() => mulDivRounded(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDivRounded(1, 1, -60)).toThrow(RangeError);
    expect(() => assertSafeInteger(Number.POSITIVE_INFINITY, 'x')).toThrow(/x must be a safe integer/);
  });

  it('matches a BigInt reference (or refuses an unsafe result), both modes', () => {
    const big = fc.integer({ min: -(2 ** 45), max: 2 ** 45 });
    fc.assert(
      fc.property(
        big,
        fc.integer({ min: -(2 ** 20), max: 2 ** 20 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom('half_away_from_zero', 'half_even' as const),
        (a, b, d, mode) => {
          const expected = reference(a, b, d, mode);
          if (Number.isSafeInteger(expected)) expect(mulDivRounded(a, b, d, mode)).toBe(expected);
          else expect(() => mulDivRounded(a, b, d, mode)).toThrow(RangeError);
        },
      ),
    );
  });
});
