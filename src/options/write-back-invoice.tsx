import { t } from '../shared/i18n';
import type { WriteBackInvoiceView } from '../shared/messages';
import { countsText, harmlessCount } from '../shared/write-back-text';
import { ReasonAction } from '../ui/reason-action';
import { ConflictList, SkippedList } from '../ui/write-back-lists';
import { WriteBackProgress } from '../ui/write-back-progress';
import type { DataModel } from './data-model';

/**
 * One invoice in the options page's write-back list: its counts, the entries already billed on
 * another invoice (override with a reason), skipped marks with their reason, and "Ontkoppelen"
 * with a required reason.
 */
export function WriteBackInvoice({ model, view }: { model: DataModel; view: WriteBackInvoiceView }) {
  const busy = model.busy.value !== null;
  const harmless = harmlessCount(view.skipped);
  const counts = countsText(view);
  return (
    <li class="writeback-invoice" data-testid="writeback-invoice" data-invoice={view.invoiceLabel}>
      <strong>
        {view.invoiceLabel ? t('writeback_invoice', view.invoiceLabel) : t('writeback_invoice_draft')}
      </strong>
      {counts && <p class="muted">{counts}</p>}
      <WriteBackProgress status={view} />
      {view.conflicts.length > 0 && (
        <div class="message error">
          <ConflictList conflicts={view.conflicts} />
          <ReasonAction
            label={t('writeback_override_reason')}
            confirmLabel={t('writeback_override_confirm')}
            reasonTestId="override-reason"
            confirmTestId="override-confirm"
            busy={busy}
            onConfirm={(reason) =>
              model.override(
                view.invoiceKey,
                view.conflicts.map((conflict) => conflict.entryId),
                reason,
              )
            }
          />
        </div>
      )}
      {view.skipped.length > 0 && (
        <div class={harmless === view.skipped.length ? 'message' : 'message error'}>
          <SkippedList skipped={view.skipped} />
        </div>
      )}
      <p class="muted">{t('writeback_release_hint')}</p>
      <div class="row">
        <ReasonAction
          label={t('writeback_release_reason')}
          confirmLabel={t('writeback_release')}
          reasonTestId="release-reason"
          confirmTestId="unlink-button"
          busy={busy}
          onConfirm={(reason) => model.release(view.invoiceKey, reason)}
        />
      </div>
    </li>
  );
}
