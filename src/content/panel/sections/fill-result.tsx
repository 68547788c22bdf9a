import { t } from '../../../shared/i18n';
import type { FillSummary } from '../../fill/summary';
import { money } from './format';
import { linesSummary } from './preview-section';

/** The result of a fill, and whether Exact's own total agrees to the cent, said plainly. */
export function FillResult({ summary }: { summary: FillSummary }) {
  const difference =
    summary.pageTotalCents === null ? 0 : summary.pageTotalCents - summary.expectedTotalCents;
  return (
    <div
      class={summary.matches === false ? 'summary mismatch' : 'summary'}
      data-testid="fill-summary"
      role="status"
    >
      <p>
        <strong>{linesSummary(summary.lineCount, summary.minutes, summary.amountCents)}</strong>
      </p>
      {summary.status === 'cancelled' && <p>{t('panel_summary_cancelled')}</p>}
      {summary.matches === true && (
        <p data-testid="fill-match">{t('panel_summary_match', money(summary.pageTotalCents ?? 0))}</p>
      )}
      {summary.matches === false && (
        <p class="notice error" data-testid="fill-mismatch">
          {t(
            'panel_summary_mismatch',
            money(summary.pageTotalCents ?? 0),
            money(summary.expectedTotalCents),
            money(difference),
          )}
        </p>
      )}
      {summary.matches === null && <p class="notice warning">{t('panel_summary_totals_unknown')}</p>}
      {summary.otherRows > 0 && <p class="muted small">{t('panel_summary_others', summary.otherRows)}</p>}
      {summary.left > 0 && <p class="notice warning small">{t('panel_summary_left', summary.left)}</p>}
      {summary.cleared > 0 && <p class="muted small">{t('panel_summary_cleared', summary.cleared)}</p>}
      {summary.readBackDiffers.length > 0 && (
        <p class="notice warning small">{t('panel_summary_readback', summary.readBackDiffers.length)}</p>
      )}
    </div>
  );
}
