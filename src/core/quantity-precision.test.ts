import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantityForExact } from './hours';
import { decimalsUsed, detectPrecision, roundQuantity } from './quantity-precision';
import { isExactStep, ROUNDING_UNITS } from './rounding';

describe('detectPrecision', () => {
  it('learns 2 from a 3-decimal quantity Exact cut, and 3 from one it kept', () => {
    expect(detectPrecision([{ written: 85_830, kept: 85_800 }])).toBe(2);
    expect(detectPrecision([{ written: 85_830, kept: 85_830 }])).toBe(3);
    // Kept in full at 2 decimals proves nothing about a third.
    expect(detectPrecision([{ written: 85_800, kept: 85_800 }])).toBeNull();
    // Another number than a rounding of ours (a person's edit, a refusal) proves nothing either.
    expect(detectPrecision([{ written: 85_830, kept: 20_000 }])).toBeNull();
    expect(detectPrecision([{ written: 85_830, kept: null }])).toBeNull();
    // One cut line outweighs lines that happened to fit.
    expect(
      detectPrecision([
        { written: 2500, kept: 2500 },
        { written: 85_830, kept: 85_830 },
        { written: 3330, kept: 3300 },
      ]),
    ).toBe(2);
  });

  it('recovers the precision a page rounds to from any minutes written at 3 decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1 }), (minutes) => {
        const kept = minutes.map((m) => {
          const written = quantityForExact(m, 3).tenThousandths;
          return { written, kept: roundQuantity(written, 2) };
        });
        const proof = kept.some(({ written }) => decimalsUsed(written) === 3);
        expect(detectPrecision(kept)).toBe(proof ? 2 : null);
      }),
    );
  });
});

describe('rounding steps', () => {
  it('offers only steps Exact stores exactly at 2 and at 3 decimals', () => {
    for (const unit of ROUNDING_UNITS.filter((unit) => unit > 1)) {
      expect(isExactStep(unit, 2)).toBe(true);
      expect(isExactStep(unit, 3)).toBe(true);
    }
    expect(ROUNDING_UNITS.filter((unit) => unit > 1)).toEqual([3, 6, 15, 30, 60]);
    // 5 and 10 minutes are 0,0833… and 0,1666… h: not exact at either precision.
    for (const unit of [1, 5, 10]) {
      expect(isExactStep(unit, 2)).toBe(false);
      expect(isExactStep(unit, 3)).toBe(false);
    }
  });
});
