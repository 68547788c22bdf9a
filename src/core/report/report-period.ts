/**
 * The Overzicht's periods: a calendar month, quarter or year around a day, or a custom range of
 * at most 366 days (Keeping's grouped `/report` limit, docs/keeping-api.md, Reports), and the period
 * before each. Days are Y-m-d strings worked out on UTC dates, so no zone or DST can shift a day;
 * which day an entry belongs to is Keeping's `date` (docs/architecture.md, House rules).
 */
import type { DateRange } from '../period';

export type ReportPeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export const REPORT_PERIOD_KINDS: readonly ReportPeriodKind[] = ['month', 'quarter', 'year', 'custom'];

/** Keeping's `/report` takes at most 366 days. */
export const MAX_REPORT_DAYS = 366;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a strict Y-m-d, or null for anything else (2026-02-30 included). */
export function dayNumber(ymd: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return ms / DAY_MS;
}

/** The Y-m-d of a day number. */
export function dayYmd(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function ymd(year: number, monthIndex: number, day: number): string {
  return dayYmd(Date.UTC(year, monthIndex, day) / DAY_MS);
}

/** Inclusive number of days in a range. */
export function rangeDays(range: DateRange): number {
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  if (from === null || to === null) throw new RangeError(`not a date range: ${range.from}..${range.to}`);
  return to - from + 1;
}

/** Why a custom range is refused, or null when it is fine. */
export function customRangeProblem(range: DateRange): 'invalid' | 'reversed' | 'too_long' | null {
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  if (from === null || to === null) return 'invalid';
  if (from > to) return 'reversed';
  return to - from + 1 > MAX_REPORT_DAYS ? 'too_long' : null;
}

/** The month, quarter or year that holds `anchor` (Y-m-d). */
export function calendarPeriod(kind: Exclude<ReportPeriodKind, 'custom'>, anchor: string): DateRange {
  if (dayNumber(anchor) === null) throw new RangeError(`not a Y-m-d date: "${anchor}"`);
  const year = Number(anchor.slice(0, 4));
  const month = Number(anchor.slice(5, 7)) - 1;
  const first = kind === 'year' ? 0 : kind === 'quarter' ? month - (month % 3) : month;
  const months = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  // Day 0 of the month after is the last day of the period.
  return { from: ymd(year, first, 1), to: ymd(year, first + months, 0) };
}

/**
 * The period just before: the previous calendar month, quarter or year, or for a custom range
 * the same number of days ending the day before it starts.
 */
export function previousPeriod(kind: ReportPeriodKind, range: DateRange): DateRange {
  const from = dayNumber(range.from);
  if (from === null) throw new RangeError(`not a Y-m-d date: "${range.from}"`);
  if (kind !== 'custom') return calendarPeriod(kind, dayYmd(from - 1));
  const days = rangeDays(range);
  return { from: dayYmd(from - days), to: dayYmd(from - 1) };
}

/** "2026-09" of a Y-m-d. */
export function monthOf(ymdText: string): string {
  return ymdText.slice(0, 7);
}

/** Every month ("Y-m") a range touches, in order. */
export function monthsOf(range: DateRange): string[] {
  const months: string[] = [];
  let year = Number(range.from.slice(0, 4));
  let month = Number(range.from.slice(5, 7));
  const last = monthOf(range.to);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** How many calendar months `month` lies before `today`'s month (0: the same month). */
export function monthsBefore(month: string, today: string): number {
  const [y1, m1] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const [y2, m2] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return (y2 - y1) * 12 + (m2 - m1);
}
