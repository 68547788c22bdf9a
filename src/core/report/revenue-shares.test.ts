import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revenueShares, spreadByWeight } from './revenue-shares';

describe('spreadByWeight', () => {
  it('sums to the total exactly, in integers, for any weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          const shares = spreadByWeight(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          for (const share of shares) expect(Number.isInteger(share)).toBe(true);
        },
      ),
    );
  });

  it('splits by minutes', () => {
    expect(spreadByWeight(1000, [60, 30, 30])).toEqual([500, 250, 250]);
    expect(spreadByWeight(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
});

describe('revenueShares', () => {
  it("gives each entry its share of its line's amount and quantity", () => {
    const minutes = new Map([
      [1, 90],
      [2, 30],
    ]);
    const shares = revenueShares(
      [
        {
          referenceId: 'r',
          division: 7,
          entryIds: [1, 2],
          amountCents: 20_000,
          minutes: 120,
          billedMinutes: 120,
        },
      ],
      (id) => minutes.get(id),
    );
    expect(shares.get(1)).toEqual({ referenceId: 'r', division: 7, revenueCents: 15_000, billedMinutes: 90 });
    expect(shares.get(2)).toEqual({ referenceId: 'r', division: 7, revenueCents: 5000, billedMinutes: 30 });
  });

  it('leaves the share of entries outside the period to them, not to the entries at hand', () => {
    const shares = revenueShares(
      [
        {
          referenceId: 'r',
          division: 7,
          entryIds: [1, 2, 3],
          amountCents: 30_000,
          minutes: 180,
          billedMinutes: 180,
        },
      ],
      (id) => (id === 1 ? 60 : undefined),
    );
    expect(shares.get(1)?.revenueCents).toBe(10_000);
    expect((shares.get(2)?.revenueCents ?? 0) + (shares.get(3)?.revenueCents ?? 0)).toBe(20_000);
  });
});
