import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { DataAge } from '../../../ui/data-age';
import type { PanelModel } from '../model/panel-model';
import { listGroups } from '../model/scope';
import { EntryGroup } from './entry-group';
import { ErrorNotice } from './error-notice';
import { decimalHours } from './format';
import { trustedAction } from './trusted-action';

/** Step 3: the client's entries in the period, per project, with what is billed elsewhere. */
export function EntriesSection({ model }: { model: PanelModel }) {
  const [confirming, setConfirming] = useState<number | null>(null);
  const { entries, selection } = model;
  const chosen = model.client.chosen.value;
  const view = entries.view.value;
  const scope = model.scope.value;
  const includeBilled = selection.includeBilled.value;
  const ticks = {
    includeBilled,
    excluded: selection.excluded.value,
    confirmedBilled: selection.confirmedBilled.value,
  };
  const linkedHere = new Set(model.record.value?.linkedEntryIds ?? []);
  const canUnlink = Boolean(model.ref.value?.invoiceId);

  let body = null;
  if (chosen === null) body = <p class="muted">{t('panel_choose_client_first')}</p>;
  else if (!view && entries.loading.value) body = <p class="muted">{t('loading')}</p>;
  else if (scope) {
    const groups = listGroups(scope, includeBilled, model.projectName);
    const billedHidden = includeBilled ? 0 : scope.entries.filter((row) => row.billed).length;
    const indirect = scope.skipped.indirect;
    const other = scope.skipped.not_work + scope.skipped.ongoing + scope.skipped.empty;
    const selected = model.selected.value;
    const selectedIds = new Set(selected.map((entry) => entry.id));
    const locked = scope.lockedEntryIds.filter((id) => selectedIds.has(id)).length;
    const visible = groups.reduce((count, group) => count + group.rows.length, 0);
    body = (
      <>
        {visible === 0 && <p class="muted">{t('panel_entries_none')}</p>}
        {visible > 0 && (
          <p class="small" data-testid="selected-count">
            {t(
              'panel_selected_count',
              selected.length,
              visible,
              decimalHours(selected.reduce((sum, entry) => sum + entry.minutes, 0)),
            )}
          </p>
        )}
        {groups.map((group) => (
          <EntryGroup
            key={group.projectId}
            group={group}
            ticks={ticks}
            personName={model.personName}
            confirming={confirming}
            linkedHere={linkedHere}
            onTick={selection.setTicked}
            onAskConfirm={setConfirming}
            onConfirmBilled={(id, on) => selection.confirmBilled([id], on)}
            onUnlink={canUnlink ? (id) => void model.link.unlink([id]) : null}
          />
        ))}
        {billedHidden > 0 && (
          <p class="muted small" data-testid="billed-hidden">
            {t('panel_billed_hidden', billedHidden)}
          </p>
        )}
        {indirect > 0 && <p class="muted small">{t('panel_skipped_indirect', indirect)}</p>}
        {other > 0 && <p class="muted small">{t('panel_skipped_other', other)}</p>}
        {locked > 0 && <p class="muted small">{t('panel_locked', locked)}</p>}
      </>
    );
  }

  return (
    <section class="step" aria-labelledby="urenbrug-step-entries">
      <div class="step-head">
        <h2 id="urenbrug-step-entries">{t('panel_step_entries')}</h2>
        {chosen !== null && (
          <span class="row">
            {view && <DataAge fetchedAt={view.fetchedAt} class="muted small" />}
            <button
              type="button"
              class="link"
              data-testid="entries-refresh"
              disabled={entries.refreshing.value}
              onClick={trustedAction(() => void entries.refresh())}
            >
              {entries.refreshing.value ? t('refreshing') : t('refresh')}
            </button>
          </span>
        )}
      </div>
      {entries.error.value && <ErrorNotice error={entries.error.value} testId="entries-error" />}
      {body}
    </section>
  );
}
