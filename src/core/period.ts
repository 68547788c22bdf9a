/**
 * The invoicing period: presets relative to "today" (Keeping's today, in the organisation's
 * zone, as Y-m-d) and a custom range. Ranges are inclusive Y-m-d pairs, compared as strings,
 * which is correct for zero-padded ISO dates.
 */
import { addDays, addMonths, endOfISOWeek, endOfMonth, startOfISOWeek, startOfMonth } from './calendar';
import { formatDate } from './date-text';

export interface DateRange {
  /** First day, Y-m-d, inclusive. */
  from: string;
  /** Last day, Y-m-d, inclusive. */
  to: string;
}

export type PeriodPreset = 'last_month' | 'this_month' | 'last_week' | 'this_week' | 'custom';

export type PeriodChoice =
  | { preset: Exclude<PeriodPreset, 'custom'> }
  | { preset: 'custom'; from: string; to: string };

/** Bookkeepers invoice the month that just ended. */
export const DEFAULT_PERIOD: PeriodChoice = { preset: 'last_month' };

/** The presets in menu order with their i18n message keys (Dutch first in _locales). */
export const PERIOD_PRESETS: ReadonlyArray<{ preset: PeriodPreset; labelKey: string }> = [
  { preset: 'last_month', labelKey: 'period_last_month' },
  { preset: 'this_month', labelKey: 'period_this_month' },
  { preset: 'last_week', labelKey: 'period_last_week' },
  { preset: 'this_week', labelKey: 'period_this_week' },
  { preset: 'custom', labelKey: 'period_custom' },
];

/**
 * The inclusive range for a choice, given today's Y-m-d. Weeks are ISO weeks (Monday to
 * Sunday). Returns null for a custom range that is not two valid dates with from ≤ to; throws
 * a RangeError when `today` itself is not a valid date (a programming error, not user input).
 */
export function resolvePeriod(choice: PeriodChoice, today: string): DateRange | null {
  const day = parseYmd(today);
  if (day === null) throw new RangeError(`today must be a valid Y-m-d date, got "${today}"`);
  switch (choice.preset) {
    case 'last_month': {
      const month = addMonths(startOfMonth(day), -1);
      return toRange(month, endOfMonth(month));
    }
    case 'this_month':
      return toRange(startOfMonth(day), endOfMonth(day));
    case 'last_week': {
      const week = addDays(startOfISOWeek(day), -7);
      return toRange(week, endOfISOWeek(week));
    }
    case 'this_week':
      return toRange(startOfISOWeek(day), endOfISOWeek(day));
    case 'custom': {
      if (parseYmd(choice.from) === null || parseYmd(choice.to) === null) return null;
      return choice.from <= choice.to ? { from: choice.from, to: choice.to } : null;
    }
  }
}

/** True when `date` (Y-m-d) lies within the inclusive range. */
export function isDateInRange(date: string, range: DateRange): boolean {
  return date >= range.from && date <= range.to;
}

/**
 * Parses a strict Y-m-d to a local Date at noon (noon, so no time-zone or DST shift can move
 * it to another day), or null for anything else, including impossible dates like 2026-02-30.
 */
export function parseYmd(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day, 12);
  const valid = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return valid ? date : null;
}

/** Formats a Date as Y-m-d in local time. */
export function formatYmd(date: Date): string {
  return formatDate(date, 'yyyy-MM-dd');
}

function toRange(from: Date, to: Date): DateRange {
  return { from: formatYmd(from), to: formatYmd(to) };
}
