/**
 * The words of the popup's header and totals for a view, in the current language: TodayHeader
 * and TodayTotals show these, and the snapshot keeps them so the next opening's first paint
 * (first-paint.ts) shows the same letters before the catalogues have loaded.
 */
import { format, isValid, parseISO } from 'date-fns';
import { dateLocale } from '../core/date-locale';
import { userDisplayName } from '../core/keeping-types';
import { language, t } from '../shared/i18n';
import type { TodayView } from '../shared/messages';
import { dataAgeWords } from '../ui/data-age';
import type { FirstPaintTexts } from '../ui/today-snapshot';

export function dayLabel(date: string): string {
  const day = parseISO(date);
  return isValid(day) ? format(day, 'EEEE d MMMM', { locale: dateLocale(language.value) }) : date;
}

export function whoLine(view: Pick<TodayView, 'me' | 'organisation'>): string {
  return `${userDisplayName(view.me)} · ${view.organisation.name}`;
}

export function firstPaintTexts(view: TodayView): FirstPaintTexts {
  return {
    language: language.value,
    title: t('today_title'),
    day: dayLabel(view.date),
    who: whoLine(view),
    refresh: t('refresh'),
    total: t('today_total_label'),
    direct: t('today_direct_label'),
    indirect: t('today_indirect_label'),
    age: dataAgeWords(),
  };
}
