/**
 * Dates and date ranges as words on an invoice line: "3 mei 2026", "mei 2026",
 * "1 t/m 15 mei 2026" (en: "3 May 2026", "May 2026", "1–15 May 2026"). date-fns with the nl
 * locale's words (docs/architecture.md, House rules), written by date-text.ts.
 */
import { endOfMonth } from './calendar';
import { formatDate } from './date-text';
import type { Locale } from './locale';
import { type DateRange, formatYmd, parseYmd } from './period';

/** "3 mei 2026" / "3 May 2026" for a Y-m-d; throws a RangeError on an invalid date. */
export function formatDateLabel(ymd: string, locale: Locale): string {
  return formatDate(requireDate(ymd), 'd MMMM yyyy', locale);
}

/**
 * The shortest clear label for an inclusive range: one day, a whole calendar month
 * ("mei 2026"), or a from–to range that repeats month and year only where they differ.
 */
export function formatRangeLabel(range: DateRange, locale: Locale): string {
  const from = requireDate(range.from);
  const to = requireDate(range.to);
  if (range.from === range.to) return formatDateLabel(range.from, locale);
  const sameYear = from.getFullYear() === to.getFullYear();
  const sameMonth = sameYear && from.getMonth() === to.getMonth();
  if (sameMonth && from.getDate() === 1 && range.to === formatYmd(endOfMonth(to))) {
    return formatDate(from, 'MMMM yyyy', locale);
  }
  const fromPattern = sameMonth ? 'd' : sameYear ? 'd MMMM' : 'd MMMM yyyy';
  const start = formatDate(from, fromPattern, locale);
  const end = formatDate(to, 'd MMMM yyyy', locale);
  if (locale === 'nl') return `${start} t/m ${end}`;
  return sameMonth ? `${start}–${end}` : `${start} – ${end}`;
}

function requireDate(ymd: string): Date {
  const date = parseYmd(ymd);
  if (date === null) throw new RangeError(`not a valid Y-m-d date: "${ymd}"`);
  return date;
}
