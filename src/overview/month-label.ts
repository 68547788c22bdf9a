/** "sep 2026" / "september 2026" (or English) of "2026-09", in the UI's language. */
import { format } from 'date-fns';
import { dateLocale } from '../core/date-locale';
import { language } from '../shared/i18n';

export function formatMonthLabel(month: string, short: boolean): string {
  const date = new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 15);
  return format(date, short ? 'MMM yy' : 'MMMM yyyy', { locale: dateLocale(language.value) });
}
