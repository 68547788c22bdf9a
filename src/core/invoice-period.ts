/**
 * The period an invoice line or header names, read from its text: "oktober 2026", "okt. 2026",
 * "Oct 2026", "October 2026", "10-2026", "1-10-2026 t/m 31-10-2026", "01/10/2026 - 31/10/2026",
 * "2026-10-01 tot 2026-10-31". Used to narrow the hours proposed for an invoice made by hand.
 */
import { endOfMonth } from './calendar';
import { formatDate } from './date-text';
import type { DateRange } from './period';

/** Month names and abbreviations, Dutch and English, to a 1-based month. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['januari', 'january', 'jan'],
    ['februari', 'february', 'feb', 'febr'],
    ['maart', 'march', 'mrt', 'mar', 'mrt'],
    ['april', 'apr'],
    ['mei', 'may'],
    ['juni', 'june', 'jun'],
    ['juli', 'july', 'jul'],
    ['augustus', 'august', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'october', 'okt', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ].flatMap((names, index) => names.map((name): [string, number] => [name, index + 1])),
);

function ymd(year: number, month: number, day: number): string | null {
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return formatDate(date, 'yyyy-MM-dd');
}

function monthRange(year: number, month: number): DateRange | null {
  if (month < 1 || month > 12 || year < 1900 || year > 2999) return null;
  const from = ymd(year, month, 1);
  return from ? { from, to: formatDate(endOfMonth(new Date(year, month - 1, 1)), 'yyyy-MM-dd') } : null;
}

const DAY_FIRST = String.raw`(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})`;
const ISO = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const UNTIL = String.raw`\s*(?:t\/m|tm|tot en met|tot|until|to|through|thru|-|–|—)\s*`;

/** The period the text names, or null when it names none (or an impossible one). */
export function periodFromText(text: string): DateRange | null {
  const lower = text.toLowerCase();
  const dayFirst = new RegExp(`${DAY_FIRST}${UNTIL}${DAY_FIRST}`).exec(lower);
  if (dayFirst) {
    const [, d1, m1, y1, d2, m2, y2] = dayFirst.map(Number);
    return ordered(ymd(y1!, m1!, d1!), ymd(y2!, m2!, d2!));
  }
  const iso = new RegExp(`${ISO}${UNTIL}${ISO}`).exec(lower);
  if (iso) {
    const [, y1, m1, d1, y2, m2, d2] = iso.map(Number);
    return ordered(ymd(y1!, m1!, d1!), ymd(y2!, m2!, d2!));
  }
  for (const match of lower.matchAll(/\b(\p{L}+)\.?\s+(?:'|’)?(\d{4})\b/gu)) {
    const month = MONTHS.get(match[1]!);
    if (month) return monthRange(Number(match[2]), month);
  }
  const numeric = /(?:^|[^\d-])(\d{1,2})[-/](\d{4})(?![\d-])/.exec(lower);
  if (numeric) return monthRange(Number(numeric[2]), Number(numeric[1]));
  return null;
}

function ordered(from: string | null, to: string | null): DateRange | null {
  return from && to && from <= to ? { from, to } : null;
}
