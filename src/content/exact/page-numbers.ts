/**
 * Reading numbers back from Exact's fields. Exact shows them in the user's format (nl "1.234,50",
 * en "1,234.50") and parses like .NET, dropping the group separator wherever it is; reading back
 * does the same, into integers at a fixed scale so nothing passes through floating point.
 */
import { decimalSeparator, groupSeparator, type Locale } from '../../core/locale';

/**
 * Parses `text` to an integer scaled by 10^decimals ("38,25" with 4 → 382500), or null when it
 * is not a number or has more decimals than the scale can hold.
 */
export function parseScaled(text: string, locale: Locale, decimals: number): number | null {
  const cleaned = text.trim().replace(/^€\s*/, '').split(groupSeparator(locale)).join('');
  const match = /^(-)?(\d+)(?:\D(\d+))?$/.exec(cleaned);
  if (!match || (match[3] !== undefined && !cleaned.includes(decimalSeparator(locale)))) return null;
  const [, minus, whole = '', fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > decimals) return null;
  const value =
    Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0').slice(0, decimals) || '0');
  if (!Number.isSafeInteger(value)) return null;
  return minus ? -value : value;
}

/** Exact's amount text ("3.442,50") in cents, or null. */
export function parseAmountCents(text: string, locale: Locale): number | null {
  return parseScaled(text, locale, 2);
}

/**
 * A date field's text as Y-m-d, or null. Exact shows dates day first in both languages
 * ("02-11-2026", "02/11/2026"); an ISO date is taken as it is.
 */
export function parseDayFirstDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : [0, 0, 0];
  if (year === 0) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}
