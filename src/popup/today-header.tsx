import { t } from '../shared/i18n';
import type { TodayView } from '../shared/messages';
import { DataAge } from '../ui/data-age';
import { dayLabel, whoLine } from './first-paint-texts';

interface Props {
  view: TodayView | null;
  refreshing: boolean;
  onRefresh: () => void;
}

export function TodayHeader({ view, refreshing, onRefresh }: Props) {
  return (
    <header class="header">
      <div class="header-title">
        <h1>{t('today_title')}</h1>
        {view && <span class="muted">{dayLabel(view.date)}</span>}
      </div>
      {view && <div class="muted small">{whoLine(view)}</div>}
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
