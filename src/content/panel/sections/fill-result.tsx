import { type MessageKey, t } from '../../../shared/i18n';
import type { ReadBackDifference, ReadBackField } from '../../fill/readback';
import type { FillSummary } from '../../fill/summary';
import { money } from './format';
import { linesSummary } from './preview-section';

/** Past this many, the rest of the differences are counted: a long list helps nobody. */
const READBACK_SHOWN = 20;

const READBACK_MESSAGES: Record<ReadBackField, MessageKey> = {
  quantity: 'panel_readback_quantity',
  price: 'panel_readback_price',
  amount: 'panel_readback_amount',
};

/** Each quantity, price or amount Exact kept differently, named per line. */
function ReadBackList({ differences }: { differences: readonly ReadBackDifference[] }) {
  const hidden = differences.length - READBACK_SHOWN;
  return (
    <div class="notice warning small">
      <p>{t('panel_readback_title')}</p>
      <ul>
        {differences.slice(0, READBACK_SHOWN).map((difference) => (
          <li
            key={`${difference.lineKey}:${difference.field}`}
            data-testid="readback-mismatch"
            data-line-key={difference.lineKey}
            data-field={difference.field}
          >
            {t(
              READBACK_MESSAGES[difference.field],
              difference.position,
              difference.kept,
              difference.expected,
            )}
          </li>
        ))}
      </ul>
      {hidden > 0 && <p>{t('panel_readback_more', hidden)}</p>}
    </div>
  );
}

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
        <p data-testid="fill-match" data-checked={summary.checkedAgainst}>
          {t(
            summary.checkedAgainst === 'lines' ? 'panel_summary_match_lines' : 'panel_summary_match',
            money(summary.pageTotalCents ?? 0),
          )}
        </p>
      )}
      {summary.matches === false && (
        <p class="notice error" data-testid="fill-mismatch" data-checked={summary.checkedAgainst}>
          {t(
            summary.checkedAgainst === 'lines' ? 'panel_summary_mismatch_lines' : 'panel_summary_mismatch',
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
      {summary.readBack.length > 0 && <ReadBackList differences={summary.readBack} />}
    </div>
  );
}
