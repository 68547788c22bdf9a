/**
 * The words for a write-back outcome, the same in the panel and the options page: which other
 * invoice an entry is already billed on, and why a mark was skipped. Keeping's and Exact's text
 * (invoice names) is returned as text; callers insert it as text, never as HTML.
 */
import { t } from './i18n';
import type {
  InvoiceWriteBack,
  WriteBackConflictView,
  WriteBackSkippedView,
  WriteBackSkipReason,
} from './messages';

/** In the order the options page lists them: the harmless one first. */
export const WRITE_BACK_SKIP_REASONS: readonly WriteBackSkipReason[] = [
  'integration',
  'locked',
  'forbidden',
  'not_found',
  'full',
];

export function conflictText(conflict: WriteBackConflictView): string {
  return conflict.otherKind === 'keeping_invoice'
    ? t('writeback_conflict_item_keeping', conflict.entryId, conflict.otherInvoice)
    : t('writeback_conflict_item', conflict.entryId, conflict.otherInvoice);
}

export function skippedText(skipped: WriteBackSkippedView): string {
  return t('writeback_skipped_item', skipped.entryId, t(`writeback_skip_${skipped.reason}`));
}

/** Skipped marks that are fine as they are (billed by Keeping's own integration). */
export function harmlessCount(skipped: readonly WriteBackSkippedView[]): number {
  return skipped.filter((item) => item.reason === 'integration').length;
}

/** "3 gemarkeerd in Keeping · 2 wachten" — only the parts that are not zero. */
export function countsText(status: InvoiceWriteBack): string {
  const parts: string[] = [];
  if (status.done > 0) parts.push(t('writeback_done_count', status.done));
  if (status.verifying > 0) parts.push(t('writeback_verifying_count', status.verifying));
  if (status.pending > 0) parts.push(t('writeback_pending_count', status.pending));
  if (status.failed > 0) parts.push(t('writeback_failed_count', status.failed));
  return parts.join(' · ');
}
