import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { DataAge } from '../../../ui/data-age';
import type { PanelModel } from '../model/panel-model';
import { EntryGroup } from './entry-group';
import { ErrorNotice } from './error-notice';
import { decimalHours } from './format';
import { LeftOutNotice } from './left-out-notice';
import { PartialNotice } from './partial-notice';
import { RangeEstimateNotice } from './range-estimate-notice';
import { trustedAction } from './trusted-action';
import { UnbilledSummary } from './unbilled-summary';

/** More rows than this in the list: every group starts folded, showing only its totals (docs/architecture.md, The panel at scale). */
export const FOLD_ABOVE = 200;

/** Step 3: the client's entries in the period, per project, with what is billed elsewhere. */
export function EntriesSection({ model }: { model: PanelModel }) {
  const [confirming, setConfirming] = useState<number | null>(null);
  // Groups the bookkeeper folded or unfolded; the rest follow the list's size.
  const [folds, setFolds] = useState<ReadonlyMap<number, boolean>>(new Map());
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
  const linkedHere = model.linkedHere.value;
  const canUnlink = Boolean(model.ref.value?.invoiceId);

  let body = null;
  if (chosen === null) body = <p class="muted">{t('panel_choose_client_first')}</p>;
  else if (!view && entries.loading.value) body = <p class="muted">{t('loading')}</p>;
  else if (scope) {
    const groups = model.groups.value;
    const billedHidden = includeBilled ? 0 : scope.entries.filter((row) => row.billed).length;
    const indirect = scope.skipped.indirect;
    const other = scope.skipped.not_work + scope.skipped.ongoing + scope.skipped.empty;
    const selected = model.selected.value;
    const selectedIds = model.selectedIds.value;
    let locked = 0;
    for (const id of scope.lockedEntryIds) if (selectedIds.has(id)) locked += 1;
    const visible = groups.reduce((count, group) => count + group.rows.length, 0);
    const foldedByDefault = visible > FOLD_ABOVE;
    let selectedMinutes = 0;
    for (const entry of selected) selectedMinutes += entry.minutes;
    body = (
      <>
        {visible === 0 && !model.partial.value && <p class="muted">{t('panel_entries_none')}</p>}
        {visible > 0 && (
          <p class="small" data-testid="selected-count">
            {t('panel_selected_count', selected.length, visible, decimalHours(selectedMinutes))}
          </p>
        )}
        {groups.map((group) => (
          <EntryGroup
            key={group.projectId}
            group={group}
            ticks={ticks}
            open={folds.get(group.projectId) ?? !foldedByDefault}
            onToggle={(open) => setFolds(new Map(folds).set(group.projectId, open))}
            personName={model.personName}
            confirming={confirming}
            linkedHere={linkedHere}
            onTick={selection.setTicked}
            onAskConfirm={setConfirming}
            onConfirmBilled={selection.confirmBilled}
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
      {chosen !== null && (
        <UnbilledSummary keepingClientId={chosen} ready={view !== null && !entries.loading.value} />
      )}
      {chosen !== null && <RangeEstimateNotice model={model} />}
      {chosen !== null && <PartialNotice model={model} testId="entries-partial" />}
      {chosen !== null && <LeftOutNotice leftOut={view?.leftOut} />}
      {body}
    </section>
  );
}
