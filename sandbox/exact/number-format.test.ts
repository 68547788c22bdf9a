import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceTotals, lineAmountCents, lineVatCents } from './page/amounts';
import { formatDisplayDate, parseDisplayDate } from './page/date-format';
import { formatCents, formatQuantity, formatScaled, parseScaled } from './page/number-format';

describe('parseScaled', () => {
  it('reads Dutch input with a decimal comma and dotted thousands', () => {
    expect(parseScaled('38,25', 'nl', 2)).toBe(3825);
    expect(parseScaled('1.234,50', 'nl', 2)).toBe(123450);
    expect(parseScaled(' 95 ', 'nl', 2)).toBe(9500);
    expect(parseScaled('0,5', 'nl', 4)).toBe(5000);
    expect(parseScaled(',5', 'nl', 2)).toBe(50);
  });

  it('drops a dot in Dutch as a thousands separator, as .NET does: "38.25" is 3825', () => {
    expect(parseScaled('38.25', 'nl', 2)).toBe(382500);
    expect(parseScaled('1.2.3', 'nl', 0)).toBe(123);
  });

  it('swaps the roles in English', () => {
    expect(parseScaled('1,234.56', 'en', 2)).toBe(123456);
    expect(parseScaled('38.25', 'en', 2)).toBe(3825);
    expect(parseScaled('38,25', 'en', 2)).toBe(382500);
  });

  it('rounds extra decimals half away from zero', () => {
    expect(parseScaled('0,995', 'nl', 2)).toBe(100);
    expect(parseScaled('0,994', 'nl', 2)).toBe(99);
    expect(parseScaled('-0,005', 'nl', 2)).toBe(-1);
    expect(parseScaled('1,23456', 'nl', 4)).toBe(12346);
  });

  it('accepts one leading or trailing sign', () => {
    expect(parseScaled('-2,5', 'nl', 2)).toBe(-250);
    expect(parseScaled('2,5-', 'nl', 2)).toBe(-250);
    expect(parseScaled('+2,5', 'nl', 2)).toBe(250);
  });

  it('rejects what is not a number', () => {
    for (const bad of [
      '',
      '   ',
      '-',
      'abc',
      '1,2,3',
      '12a',
      '€ 95',
      '1e3',
      '--1',
      '1 000',
      '9999999999999999',
    ]) {
      expect(parseScaled(bad, 'nl', 2), bad).toBeNull();
    }
    expect(parseScaled('1.2.3', 'en', 2)).toBeNull();
  });
});

describe('formatScaled', () => {
  it('formats with the language separators', () => {
    expect(formatCents(123450, 'nl')).toBe('1.234,50');
    expect(formatCents(123450, 'en')).toBe('1,234.50');
    expect(formatCents(5, 'nl')).toBe('0,05');
    expect(formatCents(-123456789, 'nl')).toBe('-1.234.567,89');
    expect(formatCents(0, 'en')).toBe('0.00');
  });

  it('shows quantities with two to four decimals', () => {
    expect(formatQuantity(15000, 'nl')).toBe('1,50');
    expect(formatQuantity(11250, 'nl')).toBe('1,125');
    expect(formatQuantity(10000, 'en')).toBe('1.00');
    expect(formatScaled(1234, 'nl', 0)).toBe('1.234');
  });

  it('round-trips every value in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('nl' as const, 'en' as const),
        fc.integer({ min: 0, max: 4 }),
        (value, language, decimals) => {
          expect(parseScaled(formatScaled(value, language, decimals), language, decimals)).toBe(value);
        },
      ),
    );
  });
});

describe('amounts', () => {
  it('rounds each line to cents and sums lines for the totals', () => {
    expect(lineAmountCents(382500, 9500)).toBe(363375); // 38,25 × 95,00
    expect(lineAmountCents(1370000, 23)).toBe(3151); // 137 km × 0,23
    expect(lineAmountCents(3333, 100)).toBe(33); // 0,3333 × 1,00 = 0,3333
    expect(lineAmountCents(-5000, 1)).toBe(-1); // -0,5 × 0,01 rounds away from zero
    expect(lineVatCents(363375, 21)).toBe(76309);
    expect(
      invoiceTotals([
        { amountCents: 100, vatCents: 21 },
        { amountCents: 50, vatCents: 5 },
      ]),
    ).toEqual({
      exclVatCents: 150,
      vatCents: 26,
      inclVatCents: 176,
    });
  });
});

describe('dates', () => {
  it('reads day-first dates and rejects impossible ones', () => {
    expect(parseDisplayDate('31-01-2026')).toBe('2026-01-31');
    expect(parseDisplayDate('1/2/2026')).toBe('2026-02-01');
    expect(parseDisplayDate('29022024')).toBe('2024-02-29');
    expect(parseDisplayDate('29-02-2026')).toBeNull();
    expect(parseDisplayDate('2026-01-31')).toBeNull();
    expect(parseDisplayDate('')).toBeNull();
    expect(formatDisplayDate('2026-01-31', 'nl')).toBe('31-01-2026');
    expect(formatDisplayDate('2026-01-31', 'en')).toBe('31/01/2026');
  });
});
