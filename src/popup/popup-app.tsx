import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { useNow } from '../ui/use-now';
import { MonthRatio } from './month-ratio';
import { NotConnected } from './not-connected';
import { StatusMessage } from './status-message';
import { TodayBody } from './today-body';
import { TodayHeader } from './today-header';
import { createTodayModel, type TodayModel } from './today-model';

export function PopupApp({ model: given }: { model?: TodayModel }) {
  const [model] = useState(() => given ?? createTodayModel());
  const now = useNow();
  useEffect(() => {
    void model.start();
  }, [model]);

  const phase = model.phase.value;
  if (phase === 'not_connected') return <NotConnected />;

  const view = model.view.value;
  const error = model.error.value;
  return (
    <div class="popup" data-source={model.source.value ?? undefined}>
      <TodayHeader view={view} refreshing={model.refreshing.value} onRefresh={() => void model.refresh()} />
      {error && <StatusMessage error={error} offline={model.offline.value} />}
      {view ? (
        <TodayBody view={view} now={now} />
      ) : (
        <p class="empty-line" data-testid="no-data">
          {phase === 'loading' || model.refreshing.value ? t('loading') : t('empty_no_data')}
        </p>
      )}
      {view && <MonthRatio today={view.date} />}
    </div>
  );
}
