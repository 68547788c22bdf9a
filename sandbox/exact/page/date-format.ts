/**
 * Invoice date input. Dutch users type dd-mm-yyyy (docs/exact-online.md, Number and date input); the English
 * screen shows dd/mm/yyyy (day first, as Exact's UK/NL English does — an assumption). Either separator, or
 * none ("31012026"), is accepted on input, as date fields usually are. Values are ISO dates.
 */

import type { NumberLanguage } from './number-format';

const SEPARATOR: Record<NumberLanguage, string> = { nl: '-', en: '/' };

/** Parses a typed day-first date to `yyyy-mm-dd`, or null when it is not a real date. */
export function parseDisplayDate(text: string): string | null {
  const trimmed = text.trim();
  const match =
    /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Formats `yyyy-mm-dd` for the screen's language. */
export function formatDisplayDate(iso: string, language: NumberLanguage): string {
  const [year, month, day] = iso.split('-');
  const sep = SEPARATOR[language];
  return `${day}${sep}${month}${sep}${year}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
