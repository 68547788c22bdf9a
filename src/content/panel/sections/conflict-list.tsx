import { t } from '../../../shared/i18n';
import type { FillConflict } from '../../fill/plan';
import { trustedAction } from './trusted-action';

interface Props {
  conflicts: readonly FillConflict[];
  onOverwrite: () => void;
  onLeave: () => void;
}

/** Rows a person changed after Urenbrug wrote them: shown as text, overwritten only when asked. */
export function ConflictList({ conflicts, onOverwrite, onLeave }: Props) {
  return (
    <div class="notice warning" role="alertdialog" data-testid="fill-conflicts">
      <p>{t('panel_conflicts_title')}</p>
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.row.rowId} data-testid="fill-conflict">
            {t('panel_conflict_row', conflict.row.description, conflict.stored.description)}
            {!conflict.inPlan && <span class="muted small"> · {t('panel_conflict_not_planned')}</span>}
          </li>
        ))}
      </ul>
      <div class="row">
        <button
          type="button"
          class="button danger small"
          data-testid="conflicts-overwrite"
          onClick={trustedAction(onOverwrite)}
        >
          {t('panel_conflicts_overwrite')}
        </button>
        <button
          type="button"
          class="button small"
          data-testid="conflicts-leave"
          onClick={trustedAction(onLeave)}
        >
          {t('panel_conflicts_leave')}
        </button>
      </div>
    </div>
  );
}
