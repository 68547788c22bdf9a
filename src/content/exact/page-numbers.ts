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
