/**
 * Dates as text for the few patterns the panel and invoice labels use, in Dutch and British
 * English. A small own formatter instead of date-fns `format`, whose token engine and locales
 * would be most of the content script's date code (docs/architecture.md, Surface); the unit test
 * holds every pattern here to date-fns's output for the same locale, day by day.
 */
import type { Locale } from './locale';

/** The patterns in use: each token is one of yyyy, MM, dd, d, MMMM, MMM, EEEEEE, HH, mm. */
export type DatePattern =
  | 'yyyy-MM-dd'
  | 'HH:mm'
  | 'd'
  | 'd MMMM'
  | 'd MMMM yyyy'
  | 'MMMM yyyy'
  | 'EEEEEE d MMM';

const MONTHS: Record<Locale, readonly string[]> = {
  nl: 'januari februari maart april mei juni juli augustus september oktober november december'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};
const SHORT_MONTHS: Record<Locale, readonly string[]> = {
  nl: 'jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.'.split(' '),
  en: 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' '),
};
/** Sunday first, as Date#getDay counts. */
const SHORT_DAYS: Record<Locale, readonly string[]> = {
  nl: 'zo ma di wo do vr za'.split(' '),
  en: 'Su Mo Tu We Th Fr Sa'.split(' '),
};

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function token(date: Date, name: string, locale: Locale): string {
  switch (name) {
    case 'yyyy':
      return pad(date.getFullYear(), 4);
    case 'MMMM':
      return MONTHS[locale][date.getMonth()] ?? '';
    case 'MMM':
      return SHORT_MONTHS[locale][date.getMonth()] ?? '';
    case 'MM':
      return pad(date.getMonth() + 1, 2);
    case 'dd':
      return pad(date.getDate(), 2);
    case 'd':
      return String(date.getDate());
    case 'EEEEEE':
      return SHORT_DAYS[locale][date.getDay()] ?? '';
    case 'HH':
      return pad(date.getHours(), 2);
    default:
      return pad(date.getMinutes(), 2);
  }
}

/** `date` (local time) in `pattern`; throws on an invalid date, as date-fns does. */
export function formatDate(date: Date | number, pattern: DatePattern, locale: Locale = 'nl'): string {
  const value = new Date(date);
  if (Number.isNaN(value.getTime())) throw new RangeError('Invalid time value');
  return pattern.replace(/yyyy|MMMM|MMM|MM|dd|d|EEEEEE|HH|mm/g, (name) => token(value, name, locale));
}

const MINUTES_IN_DAY = 1440;
const MINUTES_IN_MONTH = 43_200;
const MINUTES_IN_YEAR = 525_600;

type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year';
const UNIT_WORDS: Record<Locale, Record<Unit, [one: string, other: string]>> = {
  nl: {
    minute: ['een minuut', 'minuten'],
    hour: ['1 uur', 'uur'],
    day: ['1 dag', 'dagen'],
    month: ['1 maand', 'maanden'],
    year: ['1 jaar', 'jaar'],
  },
  en: {
    minute: ['1 minute', 'minutes'],
    hour: ['1 hour', 'hours'],
    day: ['1 day', 'days'],
    month: ['1 month', 'months'],
    year: ['1 year', 'years'],
  },
};

function timezoneOffsetMs(date: Date): number {
  return date.getTimezoneOffset() * 60_000;
}

/**
 * How long ago `past` was at `now`, at least a minute ("3 minuten geleden", "2 hours ago"), in
 * the units and rounding of date-fns `formatDistanceStrict` with `addSuffix`; days and longer
 * are counted in calendar time (a daylight-saving change does not shift them).
 */
export function formatAgo(past: number, now: number, locale: Locale): string {
  const milliseconds = Math.abs(now - past);
  const [earlier, later] = past <= now ? [past, now] : [now, past];
  const minutes = milliseconds / 60_000;
  const calendarMinutes =
    (milliseconds - (timezoneOffsetMs(new Date(later)) - timezoneOffsetMs(new Date(earlier)))) / 60_000;
  let unit: Unit;
  let count: number;
  if (minutes < 60) [unit, count] = ['minute', Math.max(1, Math.round(minutes))];
  else if (minutes < MINUTES_IN_DAY) [unit, count] = ['hour', Math.round(minutes / 60)];
  else if (calendarMinutes < MINUTES_IN_DAY * 30)
    [unit, count] = ['day', Math.round(calendarMinutes / MINUTES_IN_DAY)];
  else if (calendarMinutes < MINUTES_IN_YEAR) {
    const months = Math.round(calendarMinutes / MINUTES_IN_MONTH);
    [unit, count] = months === 12 ? ['year', 1] : ['month', months];
  } else [unit, count] = ['year', Math.round(calendarMinutes / MINUTES_IN_YEAR)];
  const [one, other] = UNIT_WORDS[locale][unit];
  const amount = count === 1 ? one : `${count} ${other}`;
  if (past > now) return locale === 'nl' ? `over ${amount}` : `in ${amount}`;
  return locale === 'nl' ? `${amount} geleden` : `${amount} ago`;
}
