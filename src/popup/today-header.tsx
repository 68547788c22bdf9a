import { format, isValid, parseISO } from 'date-fns';
import { userDisplayName } from '../core/entry';
import { language, t } from '../shared/i18n';
import type { TodayView } from '../shared/messages';
import { DataAge } from './data-age';
import { dateLocale } from './date-locale';

interface Props {
  view: TodayView | null;
  now: number;
  refreshing: boolean;
  onRefresh: () => void;
}

function dayLabel(date: string): string {
  const day = parseISO(date);
  return isValid(day) ? format(day, 'EEEE d MMMM', { locale: dateLocale(language.value) }) : date;
}

export function TodayHeader({ view, now, refreshing, onRefresh }: Props) {
  return (
    <header class="header">
      <div class="header-title">
        <h1>{t('today_title')}</h1>
        {view && <span class="muted">{dayLabel(view.date)}</span>}
      </div>
      {view && (
        <div class="muted small">
          {userDisplayName(view.me)} · {view.organisation.name}
        </div>
      )}
      <div class="header-bar">
        <DataAge fetchedAt={view?.fetchedAt ?? null} now={now} />
        <button
          type="button"
          class="button small"
          onClick={onRefresh}
          disabled={refreshing}
          data-testid="refresh-button"
        >
          {refreshing ? t('refreshing') : t('refresh')}
        </button>
      </div>
    </header>
  );
}
