/** How the panel shows dates, hours and money in the UI language (the invoice's own format is the page's). */
import { formatDate } from '../../../core/date-text';
import { formatDecimalHours, formatHoursMinutes } from '../../../core/hours';
import { formatMoney, parseMoney } from '../../../core/money';
import { parseYmd } from '../../../core/period';
import { language } from '../../../shared/i18n';

/** "ma 4 mei" / "Mo 4 May" for an entry's day. */
export function shortDate(ymd: string): string {
  const date = parseYmd(ymd);
  return date === null ? ymd : formatDate(date, 'EEEEEE d MMM', language.value);
}

export function money(cents: number): string {
  return formatMoney(cents, language.value);
}

/** Decimal hours as on the invoice summary ("38,25"). */
export function decimalHours(minutes: number): string {
  return formatDecimalHours(minutes, language.value);
}

export function clock(minutes: number): string {
  return formatHoursMinutes(minutes);
}

/**
 * A rate typed by the bookkeeper, in the UI's number style first and the other one second
 * ("95,50" or "95.50"); parseMoney rejects anything ambiguous, so the second try never misreads.
 */
export function parseRate(text: string): number | null {
  const first = language.value;
  const cents = parseMoney(text, first) ?? parseMoney(text, first === 'nl' ? 'en' : 'nl');
  return cents !== null && cents >= 0 ? cents : null;
}
