/** Period rows of /report: ids as "Y-m-d" (day) or "Y-m-d..Y-m-d", descriptions localised. */

import { addDays, dayToUtcMs, isoWeekday } from '../../model/time-zone';
import type { Lang } from '../http/messages';

export type PeriodType = 'day' | 'week' | 'month' | 'quarter' | 'year';

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

function lastOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function isoWeek(monday: string): { week: number; year: number } {
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (dayToUtcMs(thursday) - Date.UTC(year, 0, 1)) / 86_400_000;
  return { week: Math.floor(dayOfYear / 7) + 1, year };
}

function formatDay(day: string, lang: Lang, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { ...options, timeZone: 'UTC' }).format(
    new Date(dayToUtcMs(day)),
  );
}

export function periodRow(type: PeriodType, day: string, lang: Lang): { id: string; description: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  switch (type) {
    case 'day':
      return {
        id: day,
        description: formatDay(day, lang, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        }),
      };
    case 'week': {
      const monday = addDays(day, 1 - isoWeekday(day));
      const { week, year: weekYear } = isoWeek(monday);
      return { id: `${monday}..${addDays(monday, 6)}`, description: `Week ${week}, ${weekYear}` };
    }
    case 'month': {
      const first = `${day.slice(0, 7)}-01`;
      return {
        id: `${first}..${lastOfMonth(year, month)}`,
        description: formatDay(first, lang, { month: 'long', year: 'numeric' }),
      };
    }
    case 'quarter': {
      const quarter = Math.ceil(month / 3);
      const firstMonth = String(quarter * 3 - 2).padStart(2, '0');
      return {
        id: `${year}-${firstMonth}-01..${lastOfMonth(year, quarter * 3)}`,
        description: `${lang === 'nl' ? 'K' : 'Q'}${quarter} ${year}`,
      };
    }
    case 'year':
      return { id: `${year}-01-01..${year}-12-31`, description: String(year) };
  }
}
