import { t } from '../../../shared/i18n';
import type { PanelModel } from '../model/panel-model';
import { decimalHours } from './format';
import { trustedAction } from './trusted-action';

/**
 * A long range before (and while) its entries are read: Keeping's own totals per project from
 * the grouped report, at once, and how long reading every entry takes at 120 requests a minute,
 * said before it starts.
 */
export function RangeEstimateNotice({ model }: { model: PanelModel }) {
  const { entries } = model;
  const estimate = entries.estimate.value;
  if (!estimate) return null;
  const minutes = Math.max(1, Math.round(estimate.seconds / 60));
  const direct = estimate.totalDirectMinutes ?? estimate.totalMinutes;
  const projects = [...estimate.projects].sort((a, b) => b.minutes - a.minutes);
  return (
    <div class="notice" role="status" data-testid="range-estimate">
      <p>
        {estimate.seconds < 60
          ? t('panel_range_estimate_seconds', estimate.entries, estimate.pages, Math.max(1, estimate.seconds))
          : t('panel_range_estimate', estimate.entries, estimate.pages, minutes)}
      </p>
      <p class="small" data-testid="range-totals">
        {t('panel_range_totals', decimalHours(estimate.totalMinutes), decimalHours(direct))}
      </p>
      <ul class="estimate-totals small">
        {projects.map((row) => (
          <li key={row.projectId}>
            {model.projectName(row.projectId)}: {decimalHours(row.minutes)}
          </li>
        ))}
      </ul>
      {entries.awaitingStart.value && (
        <button
          type="button"
          class="button primary small"
          data-testid="range-start"
          onClick={trustedAction(() => void entries.start())}
        >
          {t('panel_range_start')}
        </button>
      )}
    </div>
  );
}
