/**
 * The few calendar steps the panel and the invoice labels need, as date-fns computes them (its
 * unit test holds each to date-fns day by day), without date-fns in the content script
 * (docs/architecture.md, Surface). Local time, like date-fns; each returns a new Date.
 */

/** The first day of `date`'s month, at 00:00. */
export function startOfMonth(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), 1);
}

/** The last day of `date`'s month, at 23:59:59.999. */
export function endOfMonth(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth() + 1, 0, 23, 59, 59, 999);
}

/** `months` later (earlier when negative); a day the target month lacks becomes its last day. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const lastDay = new Date(date.getFullYear(), date.getMonth() + months + 1, 0).getDate();
  result.setDate(1);
  result.setMonth(date.getMonth() + months);
  result.setDate(Math.min(date.getDate(), lastDay));
  return result;
}

/** `days` later (earlier when negative), at the same local time. */
export function addDays(date: Date, days: number): Date {
  const result = new Date(date);
  result.setDate(date.getDate() + days);
  return result;
}

/** The Monday of `date`'s ISO week, at 00:00. */
export function startOfISOWeek(date: Date): Date {
  const sinceMonday = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - sinceMonday);
}

/** The Sunday of `date`'s ISO week, at 23:59:59.999. */
export function endOfISOWeek(date: Date): Date {
  const start = startOfISOWeek(date);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6, 23, 59, 59, 999);
}

/** Calendar days from `earlier` to `later` (negative when `later` is before), ignoring time and DST. */
export function differenceInCalendarDays(later: Date, earlier: Date): number {
  const day = (date: Date) => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((day(later) - day(earlier)) / 86_400_000);
}
