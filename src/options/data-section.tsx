import { useEffect, useState } from 'preact/hooks';
import { backupProblemOf } from '../shared/backup-problem';
import type { UrenbrugError } from '../shared/errors';
import { errorText, t } from '../shared/i18n';
import type { WriteBackFailure, WriteBackStatus } from '../shared/messages';
import { conflictText, estimateText, paceHintText, WRITE_BACK_SKIP_REASONS } from '../shared/write-back-text';
import { createDataModel, type DataModel } from './data-model';
import { WriteBackInvoice } from './write-back-invoice';

/** A refused backup in the bookkeeper's words; other errors as everywhere else. */
export function backupProblemText(error: UrenbrugError): string {
  const problem = backupProblemOf(error);
  if (!problem) return errorText(error);
  // The path of a bad record helps support; the other reasons say all there is to say.
  const detail = problem === 'shape' && error.detail ? ` ${t('error_detail', error.detail)}` : '';
  return `${t(`options_data_import_${problem}`)}${detail} ${t('options_data_import_unchanged')}`;
}

function failureText(failure: WriteBackFailure): string {
  const what = failure.invoiceLabel
    ? t('options_data_writeback_failure', failure.entryId, failure.invoiceLabel)
    : t('options_data_writeback_failure_draft', failure.entryId);
  return failure.error ? `${what}: ${errorText(failure.error)}` : what;
}

function skippedTotals(status: WriteBackStatus): { all: number; harmless: number } {
  const all = Object.values(status.skipped).reduce((sum, count) => sum + count, 0);
  return { all, harmless: status.skipped.integration };
}

/** How often the page asks again while marks are on their way. */
const STATUS_POLL_MS = 4000;

function WriteBackView({ model, status }: { model: DataModel; status: WriteBackStatus }) {
  const skipped = skippedTotals(status);
  const nothingOpen =
    status.pending === 0 && status.failed === 0 && status.conflicts === 0 && skipped.all === 0;
  const retryable = status.failed + skipped.all - skipped.harmless;
  // While marks are on their way (minutes for a large invoice), ask again every few seconds.
  const moving = status.pending + status.verifying > 0;
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => void model.loadStatus(), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [moving, model]);
  return (
    <>
      <div data-testid="writeback-status">
        {nothingOpen && status.verifying === 0 && (
          <p class="message ok">{t('options_data_writeback_done')}</p>
        )}
        {status.pending > 0 && (
          <p data-testid="writeback-pending">
            {t('options_data_writeback_pending', status.pending)} · {estimateText(status.pending)}
          </p>
        )}
        {status.verifying > 0 && <p class="muted">{t('writeback_verifying_count', status.verifying)}</p>}
        {status.conflicts > 0 && (
          <p class="message error" data-testid="writeback-conflicts">
            {t('writeback_conflicts_title', status.conflicts)}{' '}
            {status.invoices
              .flatMap((view) => view.conflicts)
              .map(
                (conflict) =>
                  `${conflict.invoiceLabel ? `${t('writeback_invoice', conflict.invoiceLabel)} — ` : ''}${conflictText(conflict)}`,
              )
              .join('; ')}
          </p>
        )}
        {skipped.all > 0 && (
          <p
            class={skipped.all === skipped.harmless ? 'message' : 'message error'}
            data-testid="writeback-skipped"
          >
            {t('writeback_skipped_title', skipped.all, skipped.harmless, skipped.all - skipped.harmless)}{' '}
            {WRITE_BACK_SKIP_REASONS.filter((reason) => status.skipped[reason] > 0)
              .map((reason) => `${status.skipped[reason]}× ${t(`writeback_skip_${reason}`)}`)
              .join('; ')}
          </p>
        )}
        {status.failed > 0 && (
          <>
            <p class="message error">{t('options_data_writeback_failed', status.failed)}</p>
            <ul data-testid="writeback-failures">
              {status.recentFailures.map((failure) => (
                <li key={failure.entryId}>{failureText(failure)}</li>
              ))}
            </ul>
          </>
        )}
        {retryable > 0 && (
          <button
            type="button"
            class="button"
            disabled={model.busy.value !== null}
            onClick={() => void model.retry()}
            data-testid="writeback-retry"
          >
            {model.busy.value === 'retry' ? t('options_data_busy') : t('options_data_writeback_retry')}
          </button>
        )}
        {status.invoices.length > 0 && (
          <ul class="plain" data-testid="writeback-invoices">
            {status.invoices.map((view) => (
              <WriteBackInvoice key={view.invoiceKey} model={model} view={view} />
            ))}
          </ul>
        )}
      </div>
      <p class="muted" data-testid="writeback-pace">
        {paceHintText()}
      </p>
    </>
  );
}

export function DataSection({ model: given }: { model?: DataModel }) {
  const [model] = useState(() => given ?? createDataModel());
  useEffect(() => {
    void model.loadStatus();
  }, [model]);

  const busy = model.busy.value;
  const problem = model.backupProblem.value;
  const restored = model.restored.value;
  const status = model.status.value;
  const statusError = model.statusError.value;
  return (
    <section class="card" data-testid="data-section">
      <h2>{t('options_data_title')}</h2>
      <p class="muted">{t('options_data_intro')}</p>
      <div class="row">
        <button
          type="button"
          class="button"
          disabled={busy !== null}
          onClick={() => void model.exportBackup()}
          data-testid="backup-export"
        >
          {busy === 'export' ? t('options_data_busy') : t('options_data_export')}
        </button>
        <label class="button" for="backup-file">
          {busy === 'import' ? t('options_data_busy') : t('options_data_import')}
        </label>
        <input
          id="backup-file"
          type="file"
          accept="application/json,.json"
          hidden
          disabled={busy !== null}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Cleared, so picking the same file again (after fixing it) fires again.
            input.value = '';
            if (file) void model.importFile(file);
          }}
          data-testid="backup-file"
        />
      </div>
      {problem && (
        <p class="message error" role="alert" data-testid="backup-error">
          {backupProblemText(problem)}
        </p>
      )}
      {restored && (
        <p class="message ok" role="status" data-testid="backup-restored">
          {t('options_data_import_done', restored.mappings, restored.invoices)}
          {restored.keptNewer > 0 && ` ${t('options_data_import_kept_newer', restored.keptNewer)}`}
        </p>
      )}
      <h3>{t('options_data_writeback_title')}</h3>
      {status && <WriteBackView model={model} status={status} />}
      {statusError && (
        <p class="message error" role="alert" data-testid="writeback-error">
          {errorText(statusError)}
        </p>
      )}
    </section>
  );
}
