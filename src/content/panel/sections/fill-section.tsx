import { t } from '../../../shared/i18n';
import { linesAsText } from '../../fill/lines-as-text';
import type { PanelModel } from '../model/panel-model';
import { ConflictList } from './conflict-list';
import { CopyBox } from './copy-box';
import { ErrorNotice } from './error-notice';
import { FillResult } from './fill-result';
import { LinkSection } from './link-section';
import { trustedAction } from './trusted-action';
import { DraftWriteBackEstimate } from './write-back-box';

function copyLabels() {
  return {
    item: t('panel_col_item'),
    description: t('panel_col_description'),
    quantity: t('panel_col_quantity'),
    price: t('panel_col_price'),
    amount: t('panel_col_amount'),
    total: t('panel_col_total'),
  };
}

/** Step 6: write the lines into Exact (or, on a changed screen, copy them), and link hours. */
export function FillSection({ model }: { model: PanelModel }) {
  const { fill } = model;
  const lines = model.lines.value;
  const degraded = model.guard.problem.value !== null;
  const phase = fill.phase.value;
  const progress = fill.progress.value;
  const failure = fill.failure.value;

  return (
    <section class="step" aria-labelledby="urenbrug-step-fill">
      <h2 id="urenbrug-step-fill">{t('panel_step_fill')}</h2>
      {degraded ? (
        <CopyBox text={linesAsText(lines, model.locale.value, copyLabels())} />
      ) : (
        <>
          <div class="row">
            <button
              type="button"
              class="button primary"
              data-testid="fill-button"
              disabled={
                lines.length === 0 || phase === 'filling' || phase === 'confirm' || model.actionsWait.value
              }
              onClick={trustedAction(() => void fill.start())}
            >
              {t('panel_fill')}
            </button>
            {phase === 'filling' && (
              <>
                <progress
                  max={Math.max(progress.total, 1)}
                  value={progress.done}
                  data-testid="fill-progress"
                />
                <span class="small">{t('panel_filling', progress.done, progress.total)}</span>
                <button
                  type="button"
                  class="button small"
                  data-testid="fill-cancel"
                  onClick={trustedAction(fill.cancel)}
                >
                  {t('cancel')}
                </button>
              </>
            )}
          </div>
          {phase === 'confirm' && (
            <ConflictList
              conflicts={fill.conflicts.value}
              onOverwrite={() => void fill.start(true)}
              onLeave={() => void fill.start(false)}
            />
          )}
          {failure && (
            <p class="notice error" role="alert" data-testid="fill-failure">
              {failure.line !== null
                ? t('panel_fill_failed', failure.line, failure.message)
                : t('panel_fill_failed_general', failure.message)}
            </p>
          )}
          {fill.storeError.value && (
            <div class="notice error" role="alert">
              <p>{t('panel_store_failed')}</p>
              <ErrorNotice error={fill.storeError.value} />
            </div>
          )}
          {fill.summary.value && phase === 'finished' && <FillResult summary={fill.summary.value} />}
        </>
      )}
      <LinkSection model={model} />
      <DraftWriteBackEstimate model={model} />
    </section>
  );
}
