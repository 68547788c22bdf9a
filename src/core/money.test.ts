import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountCents, formatMoney, formatPrice, parseMoney, sumCents } from './money';

const MAX_CENTS = 999_999_999_999_999; // 13 digits of euros: what parseMoney accepts

describe('formatMoney', () => {
  it('formats Dutch and English amounts', () => {
    expect(formatMoney(344_250, 'nl')).toBe('€ 3.442,50');
    expect(formatMoney(344_250, 'en')).toBe('€3,442.50');
    expect(formatMoney(0, 'nl')).toBe('€ 0,00');
    expect(formatMoney(5, 'en')).toBe('€0.05');
    expect(formatMoney(100_000_000, 'nl')).toBe('€ 1.000.000,00');
    expect(formatMoney(99_999, 'nl')).toBe('€ 999,99');
  });

  it('places the minus like Intl does for nl-NL and en-GB', () => {
    expect(formatMoney(-344_250, 'nl')).toBe('€ -3.442,50');
    expect(formatMoney(-344_250, 'en')).toBe('-€3,442.50');
  });

  it('refuses fractional cents', () => {
    expect(() => formatMoney(1.5, 'nl')).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, 'en')).toThrow(RangeError);
  });
});

describe('formatPrice', () => {
  it('writes a plain decimal as typed into Exact', () => {
    expect(formatPrice(9550, 'nl')).toBe('95,50');
    expect(formatPrice(123_456, 'en')).toBe('1234.56');
    expect(formatPrice(-5, 'nl')).toBe('-0,05');
  });
});

describe('parseMoney', () => {
  it.each([
    ['95', 9500],
    ['95,5', 9550],
    ['95,50', 9550],
    ['1.234,56', 123_456],
    ['1234,56', 123_456],
    ['€ 95,00', 9500],
    ['€95', 9500],
    ['€\u00a095,00', 9500],
    ['95,00 €', 9500],
    ['  12,3  ', 1230],
    ['-12,30', -1230],
    ['€ -12,30', -1230],
    ['-€ 12,30', -1230],
    ['1.000.000', 100_000_000],
    ['0', 0],
    ['-0', 0],
  ])('nl %j → %i', (text, cents) => {
    expect(parseMoney(text, 'nl')).toBe(cents);
  });

  it.each([
    ['1,234.56', 123_456],
    ['95.5', 9550],
    ['€3,442.50', 344_250],
    ['-€3,442.50', -344_250],
  ])('en %j → %i', (text, cents) => {
    expect(parseMoney(text, 'en')).toBe(cents);
  });

  it.each([
    '',
    '   ',
    'abc',
    '€',
    '12a',
    '95.50', // English style in Dutch: ambiguous, refused
    '95,555', // sub-cent
    '1.23,45', // bad grouping
    '1.2345',
    '12.34.567',
    '9,5,5',
    ',5',
    '95,',
    '€€95',
    '€ 95 €',
    '--5',
    '- € - 5',
    '1 234,56',
    '+5',
    '99999999999999', // beyond the safe range in cents
    'NaN',
    'Infinity',
    '1e3',
  ])('nl rejects %j', (text) => {
    expect(parseMoney(text, 'nl')).toBeNull();
  });

  it('rejects Dutch style in English', () => {
    expect(parseMoney('95,50', 'en')).toBeNull();
    expect(parseMoney('1.234,56', 'en')).toBeNull();
  });

  it('round-trips formatMoney and formatPrice in both locales', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }),
        fc.constantFrom('nl', 'en' as const),
        (cents, locale) => {
          expect(parseMoney(formatMoney(cents, locale), locale)).toBe(cents);
          expect(parseMoney(formatPrice(cents, locale), locale)).toBe(cents);
        },
      ),
    );
  });

  it('never returns anything but null or a safe integer, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,€- \u00a0ab'.split('')) }), (text) => {
        const cents = parseMoney(text, 'nl');
        if (cents !== null) expect(Number.isSafeInteger(cents)).toBe(true);
      }),
    );
  });
});

describe('amountCents', () => {
  it('computes minutes × rate / 60 rounded half away from zero', () => {
    expect(amountCents(60, 9500)).toBe(9500);
    expect(amountCents(20, 9500)).toBe(3167); // 3166.67
    expect(amountCents(1, 30)).toBe(1); // exactly 0.5 cent
    expect(amountCents(1, 29)).toBe(0);
    expect(amountCents(1, 90)).toBe(2); // 1.5
    expect(amountCents(-1, 90)).toBe(-2);
    expect(amountCents(0, 12_345)).toBe(0);
  });

  it('is within half a cent of the exact value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (minutes, rate) => {
          const cents = amountCents(minutes, rate);
          expect(Number.isSafeInteger(cents)).toBe(true);
          // |cents − minutes·rate/60| ≤ 1/2  ⇔  |60·cents − minutes·rate| ≤ 30
          expect(Math.abs(60 * cents - minutes * rate)).toBeLessThanOrEqual(30);
        },
      ),
    );
  });

  it('rejects fractional minutes or rates', () => {
    expect(() => amountCents(1.5, 100)).toThrow(RangeError);
    expect(() => amountCents(1, 99.5)).toThrow(RangeError);
  });
});

describe('sumCents', () => {
  it('sums and rejects bad input', () => {
    expect(sumCents([])).toBe(0);
    expect(sumCents([1, 2, -3, 100])).toBe(100);
    expect(() => sumCents([1, 0.5])).toThrow(RangeError);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
