/**
 * Money as integer cents (euros only: Keeping has no rates and Exact invoices in the
 * division's currency, which for Urenbrug's users is EUR). Formatting and parsing follow the
 * number style a person types in Exact: Dutch "€ 1.234,56", English "€1,234.56".
 */
import { assertSafeInteger, mulDivRounded } from './integer-math';
import { decimalSeparator, groupSeparator, type Locale } from './locale';

/**
 * Formats cents as euros: nl "€ 3.442,50" / "€ -3.442,50", en "€3,442.50" / "-€3,442.50"
 * (the same placement Intl uses for nl-NL and en-GB, written out so it never depends on the
 * browser's ICU data).
 */
export function formatMoney(cents: number, locale: Locale): string {
  assertSafeInteger(cents, 'cents');
  const magnitude = Math.abs(cents);
  const whole = groupThousands(String(Math.floor(magnitude / 100)), groupSeparator(locale));
  const number = `${whole}${decimalSeparator(locale)}${String(magnitude % 100).padStart(2, '0')}`;
  const sign = cents < 0 ? '-' : '';
  return locale === 'nl' ? `€ ${sign}${number}` : `${sign}€${number}`;
}

/** Formats cents as a plain decimal without symbol or grouping ("95,50"), as typed into Exact. */
export function formatPrice(cents: number, locale: Locale): string {
  assertSafeInteger(cents, 'cents');
  const magnitude = Math.abs(cents);
  const sign = cents < 0 ? '-' : '';
  return `${sign}${Math.floor(magnitude / 100)}${decimalSeparator(locale)}${String(magnitude % 100).padStart(2, '0')}`;
}

/**
 * Parses a euro amount to cents, or null when the text is not one unambiguous amount.
 * Accepts an optional "€" (before or after), an optional minus, grouped or ungrouped whole
 * euros and up to two decimals: nl "95", "95,5", "1.234,56", "€ 95,00"; en "1,234.56".
 * Rejects the other locale's style ("95.50" in nl), badly placed group separators, more than
 * two decimals (sub-cent amounts cannot be kept) and anything else.
 */
export function parseMoney(text: string, locale: Locale): number | null {
  const match = MONEY_PATTERN.exec(text.trim());
  if (match === null) return null;
  const [, minusBefore, euroBefore, minusInside, body, euroAfter] = match;
  if (euroBefore !== undefined && euroAfter !== undefined) return null;
  if (minusBefore !== undefined && minusInside !== undefined) return null;
  const numberMatch = NUMBER_PATTERNS[locale].exec(body ?? '');
  if (numberMatch === null) return null;
  const wholeDigits = (numberMatch[1] ?? '').split(groupSeparator(locale)).join('');
  const fraction = (numberMatch[2] ?? '').padEnd(2, '0');
  // 13 digits of whole euros keeps cents below 2^53.
  if (wholeDigits.length > 13) return null;
  const cents = Number(wholeDigits) * 100 + Number(fraction);
  const negative = minusBefore !== undefined || minusInside !== undefined;
  return negative && cents !== 0 ? -cents : cents;
}

/**
 * The amount for `minutes` at `rateCentsPerHour`: minutes × rate / 60, rounded to a whole cent
 * half away from zero (commercial rounding), computed exactly in integers.
 */
export function amountCents(minutes: number, rateCentsPerHour: number): number {
  return mulDivRounded(minutes, rateCentsPerHour, 60, 'half_away_from_zero');
}

/** Sums cents, throwing a RangeError on a non-integer input or an unsafe total. */
export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) {
    assertSafeInteger(value, 'cents');
    total += value;
  }
  assertSafeInteger(total, 'total');
  return total;
}

function groupThousands(digits: string, separator: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let index = head; index < digits.length; index += 3) groups.push(digits.slice(index, index + 3));
  return groups.join(separator);
}

// Sign and euro sign may surround the number with optional spaces (JS `\s` includes the
// no-break spaces Intl and Exact put after "€"): "-€ 95", "€ -95", "95 €".
const SPACE = '\\s*';
const MONEY_PATTERN = new RegExp(`^(-)?${SPACE}(€)?${SPACE}(-)?${SPACE}([0-9.,]+)${SPACE}(€)?$`);

const NUMBER_PATTERNS: Record<Locale, RegExp> = {
  nl: /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/,
  en: /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/,
};
