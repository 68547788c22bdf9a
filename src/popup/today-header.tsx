import { format, isValid, parseISO } from 'date-fns';
import { dateLocale } from '../core/date-locale';
import { userDisplayName } from '../core/keeping-types';
import { language, t } from '../shared/i18n';
import type { TodayView } from '../shared/messages';
import { DataAge } from '../ui/data-age';

interface Props {
  view: TodayView | null;
  refreshing: boolean;
  onRefresh: () => void;
}

function dayLabel(date: string): string {
  const day = parseISO(date);
  return isValid(day) ? format(day, 'EEEE d MMMM', { locale: dateLocale(language.value) }) : date;
}

export function TodayHeader({ view, refreshing, onRefresh }: Props) {
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
        <DataAge fetchedAt={view?.fetchedAt ?? null} />
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
