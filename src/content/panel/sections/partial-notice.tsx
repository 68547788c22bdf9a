import { t } from '../../../shared/i18n';
import type { PanelModel } from '../model/panel-model';

/**
 * Said wherever filling or linking would otherwise be offered: only part of the period's
 * entries is here, so nothing is filled or linked until the rest has arrived.
 */
export function PartialNotice({ model, testId }: { model: PanelModel; testId: string }) {
  if (!model.partial.value) return null;
  const progress = model.entries.progress.value;
  const reading = model.entries.refreshing.value;
  return (
    <div class="notice warning" role="status" data-testid={testId}>
      {reading ? (
        <>
          <p>
            {t(
              'panel_entries_partial',
              progress?.pages ?? 0,
              progress && progress.totalPages > 0 ? progress.totalPages : '…',
              progress?.entries ?? 0,
            )}
          </p>
          <progress max={Math.max(progress?.totalPages ?? 0, 1)} value={progress?.pages ?? 0} />
        </>
      ) : (
        <p>{t('panel_entries_incomplete')}</p>
      )}
    </div>
  );
}
