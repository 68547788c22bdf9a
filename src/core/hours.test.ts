import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactLineAmountCents,
  formatDecimalHours,
  formatHoursMinutes,
  formatMinuteHundredths,
  formatQuantity,
  quantityForExact,
  quantityShortfallHundredths,
  quantityToMinutes,
} from './hours';

/**
 * What Exact does with the text we type, computed independently: parse the decimal quantity,
 * multiply by the price in cents exactly (BigInt), round half away from zero to whole cents.
 */
function exactAmountFromText(quantityText: string, unitPriceCents: number): number {
  const match = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(quantityText);
  if (match === null) throw new Error(`not a quantity: ${quantityText}`);
  const decimals = match[3] ?? '';
  const scaled = BigInt(`${match[2]}${decimals}`) * (match[1] === '-' ? -1n : 1n);
  const scale = 10n ** BigInt(decimals.length);
  const product = scaled * BigInt(unitPriceCents); // cents × scale
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  let cents = magnitude / scale;
  if ((magnitude % scale) * 2n >= scale) cents += 1n;
  return Number(negative ? -cents : cents) + 0;
}

describe('formatHoursMinutes', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [60, '1:00'],
    [125, '2:05'],
    [1500, '25:00'],
    [6000, '100:00'],
    [-5, '-0:05'],
    [-125, '-2:05'],
    [307, '5:07'],
    [59, '0:59'],
    [26 * 60 + 15, '26:15'],
  ])('%i → %s', (minutes, text) => {
    expect(formatHoursMinutes(minutes)).toBe(text);
  });

  it('refuses fractional and non-finite minutes rather than showing a made-up figure', () => {
    for (const broken of [1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => formatHoursMinutes(broken)).toThrow(RangeError);
    }
  });

  it('reads back as the same number of minutes, sign included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (minutes) => {
        const text = formatHoursMinutes(minutes);
        const match = /^(-?)(\d+):([0-5]\d)$/.exec(text);
        expect(match).not.toBeNull();
        const [, sign, hours, mins] = match!;
        expect(sign === '-').toBe(minutes < 0);
        const magnitude = Number(hours) * 60 + Number(mins);
        expect(sign === '-' ? -magnitude : magnitude).toBe(minutes);
      }),
    );
  });

  it('shows a difference and its opposite with the same digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (minutes) => {
        expect(formatHoursMinutes(-minutes)).toBe(`-${formatHoursMinutes(minutes)}`);
      }),
    );
  });
});

describe('formatDecimalHours', () => {
  it('shows two decimals in the locale style', () => {
    expect(formatDecimalHours(2295, 'nl')).toBe('38,25');
    expect(formatDecimalHours(2295, 'en')).toBe('38.25');
    expect(formatDecimalHours(120, 'nl')).toBe('2,00');
    expect(formatDecimalHours(20, 'nl')).toBe('0,33');
    expect(formatDecimalHours(1, 'en')).toBe('0.02');
    expect(formatDecimalHours(-30, 'nl')).toBe('-0,50');
  });
});

describe('quantityForExact', () => {
  it.each([
    [60, 10_000],
    [15, 2500],
    [6, 1000],
    [3, 500],
    [20, 3300],
    [40, 6700],
    [1, 200],
    [515, 85_800],
    [2295, 382_500],
  ])('%i minutes → %i ten-thousandths at Exact’s default of 2 decimals', (minutes, tenThousandths) => {
    expect(quantityForExact(minutes).tenThousandths).toBe(tenThousandths);
  });

  it('rounds straight from minutes at other precisions', () => {
    expect(quantityForExact(20, 3).tenThousandths).toBe(3330);
    expect(quantityForExact(515, 3).tenThousandths).toBe(85_830);
    expect(quantityForExact(20, 4).tenThousandths).toBe(3333);
    expect(quantityForExact(50, 1).tenThousandths).toBe(8000); // 0.8333 → 0.8
    expect(quantityForExact(45, 0).tenThousandths).toBe(10_000); // 0.75 → 1
  });

  it('rejects unsupported precisions and fractional minutes', () => {
    expect(() => quantityForExact(60, 5)).toThrow(RangeError);
    expect(() => quantityForExact(60, -1)).toThrow(RangeError);
    expect(() => quantityForExact(60, 1.5)).toThrow(RangeError);
    expect(() => quantityForExact(0.5)).toThrow(RangeError);
  });

  it('is exact for multiples of 3 minutes and within half the last decimal otherwise, at 2 and 3', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(2, 3), (minutes, decimals) => {
        const { tenThousandths } = quantityForExact(minutes, decimals);
        expect(tenThousandths % 10 ** (4 - decimals)).toBe(0);
        // |q − m/60| ≤ half a unit of the last decimal  ⇔  |60·q − 10000·m| ≤ 30 · 10^(4−d)
        expect(Math.abs(60 * tenThousandths - 10_000 * minutes)).toBeLessThanOrEqual(
          30 * 10 ** (4 - decimals),
        );
        if (minutes % 3 === 0) expect(tenThousandths * 60).toBe(minutes * 10_000);
        // The shortfall is what the stored quantity bills beyond the minutes, exactly.
        const shortfall = quantityShortfallHundredths({ tenThousandths }, minutes);
        expect(shortfall * 10_000).toBe(tenThousandths * 6000 - minutes * 1_000_000);
        expect(Math.abs(shortfall)).toBeLessThanOrEqual(decimals === 2 ? 30 : 3);
        if (decimals === 3) expect(quantityToMinutes({ tenThousandths })).toBe(minutes);
      }),
    );
  });

  it('states the shortfall of 8:35 at 2 decimals as -0,2 min', () => {
    const quantity = quantityForExact(515);
    expect(quantityShortfallHundredths(quantity, 515)).toBe(-20);
    expect(formatMinuteHundredths(-20, 'nl')).toBe('-0,2');
    expect(formatMinuteHundredths(2, 'en')).toBe('+0.02');
    expect(formatMinuteHundredths(0, 'nl')).toBe('0');
  });
});

describe('formatQuantity', () => {
  it('drops trailing zeros and uses the locale separator, no grouping', () => {
    expect(formatQuantity({ tenThousandths: 3333 }, 'nl')).toBe('0,3333');
    expect(formatQuantity({ tenThousandths: 3333 }, 'en')).toBe('0.3333');
    expect(formatQuantity({ tenThousandths: 20_000 }, 'nl')).toBe('2');
    expect(formatQuantity({ tenThousandths: 382_500 }, 'nl')).toBe('38,25');
    expect(formatQuantity({ tenThousandths: 12_345_000_000 }, 'nl')).toBe('1234500');
    expect(formatQuantity({ tenThousandths: 0 }, 'nl')).toBe('0');
    expect(formatQuantity({ tenThousandths: 5 }, 'en')).toBe('0.0005');
  });

  it('refuses a non-integer quantity', () => {
    expect(() => formatQuantity({ tenThousandths: 0.5 }, 'nl')).toThrow(RangeError);
  });
});

describe('exactLineAmountCents', () => {
  it('mirrors Exact: round(quantity × price, 2)', () => {
    expect(exactLineAmountCents({ tenThousandths: 3333 }, 9000)).toBe(3000); // 29.997
    expect(exactLineAmountCents({ tenThousandths: 10_000 }, 9550)).toBe(9550);
    expect(exactLineAmountCents({ tenThousandths: 5 }, 10_000)).toBe(5); // 0.0005 h × €100
    expect(exactLineAmountCents({ tenThousandths: 1 }, 5000)).toBe(1); // exactly half a cent
  });

  it('quantity × price as typed reproduces the amount to the cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom('nl', 'en' as const),
        (minutes, priceCents, locale) => {
          const quantity = quantityForExact(minutes);
          const amount = exactLineAmountCents(quantity, priceCents);
          expect(exactAmountFromText(formatQuantity(quantity, locale), priceCents)).toBe(amount);
        },
      ),
    );
  });
});
