import { useEffect, useState } from 'preact/hooks';
import { writeBackMinutes } from '../../../core/write-back-pace';
import { t } from '../../../shared/i18n';
import { countsText, draftEstimateText, harmlessCount } from '../../../shared/write-back-text';
import { ReasonAction } from '../../../ui/reason-action';
import { ConflictList, SkippedList } from '../../../ui/write-back-lists';
import { WriteBackProgress } from '../../../ui/write-back-progress';
import { writeBackBusy } from '../model/link-model';
import type { PanelModel } from '../model/panel-model';
import { trustedAction } from './trusted-action';

/** How often the panel asks again while marks are on their way (Keeping's pace: minutes for big invoices). */
const POLL_MS = 4000;

/**
 * What became of this invoice's marks in Keeping, on the invoice itself: counts, entries already
 * billed on another invoice (with the override that needs a reason), skipped marks with their
 * reason, and "Ontkoppelen" for an invoice that was credited or deleted.
 */
export function WriteBackBox({ model }: { model: PanelModel }) {
  const { link } = model;
  const invoiceId = model.ref.value?.invoiceId ?? null;
  const status = link.writeBack.value;
  const busy = writeBackBusy(status);
  const [releasing, setReleasing] = useState(false);

  // The record's revision changes on every link, unlink and save: ask again then, and every few
  // seconds while marks are still on their way.
  const updatedAt = model.record.value?.updatedAt ?? 0;
  useEffect(() => {
    if (!invoiceId) return;
    void link.loadWriteBack();
  }, [invoiceId, updatedAt, link]);
  useEffect(() => {
    if (!invoiceId || !busy) return;
    const timer = setInterval(() => void link.loadWriteBack(), POLL_MS);
    return () => clearInterval(timer);
  }, [invoiceId, busy, link]);

  if (!invoiceId) return null;
  const linked = model.record.value?.linkedEntryIds.length ?? 0;
  const conflicts = status?.conflicts ?? [];
  const skipped = status?.skipped ?? [];
  const harmless = harmlessCount(skipped);
  const counts = status ? countsText(status) : '';
  return (
    <div class="writeback-box" data-testid="invoice-writeback">
      {counts && (
        <p class="muted small" data-testid="invoice-writeback-counts">
          {counts}
        </p>
      )}
      {status && <WriteBackProgress status={status} />}
      {conflicts.length > 0 && (
        <div class="notice error" role="alert" data-testid="billed-elsewhere-warning">
          <ConflictList conflicts={conflicts} />
          <ReasonAction
            label={t('writeback_override_reason')}
            confirmLabel={t('writeback_override_confirm')}
            reasonTestId="override-reason"
            confirmTestId="override-confirm"
            busy={link.busy.value}
            guard={trustedAction}
            onConfirm={(reason) =>
              link.override(
                conflicts.map((conflict) => conflict.entryId),
                reason,
              )
            }
          />
        </div>
      )}
      {skipped.length > 0 && (
        <div class={harmless === skipped.length ? 'notice' : 'notice error'} data-testid="writeback-skipped">
          <SkippedList skipped={skipped} />
        </div>
      )}
      {(linked > 0 || (status?.done ?? 0) > 0) &&
        (releasing ? (
          <div class="release-box">
            <p class="muted small">{t('writeback_release_hint')}</p>
            <ReasonAction
              label={t('writeback_release_reason')}
              confirmLabel={t('writeback_release_confirm')}
              reasonTestId="release-reason"
              confirmTestId="release-confirm"
              busy={link.busy.value}
              guard={trustedAction}
              onConfirm={async (reason) => {
                const released = await link.release(reason);
                if (released) setReleasing(false);
                return released;
              }}
            >
              <button type="button" class="link" onClick={trustedAction(() => setReleasing(false))}>
                {t('writeback_cancel')}
              </button>
            </ReasonAction>
          </div>
        ) : (
          <button
            type="button"
            class="link"
            disabled={link.busy.value}
            onClick={trustedAction(() => setReleasing(true))}
            data-testid="unlink-button"
          >
            {t('writeback_release')}
          </button>
        ))}
    </div>
  );
}

/**
 * Before the save: a draft whose hours will take minutes to mark at Keeping's pace says so, while
 * the bookkeeper can still plan for it. Quiet for an invoice that takes a minute or less.
 */
export function DraftWriteBackEstimate({ model }: { model: PanelModel }) {
  if (model.ref.value?.invoiceId) return null;
  const linked = model.record.value?.linkedEntryIds.length ?? 0;
  if (writeBackMinutes(linked) < 2) return null;
  return (
    <p class="muted small" data-testid="writeback-draft-estimate">
      {draftEstimateText(linked)}
    </p>
  );
}
