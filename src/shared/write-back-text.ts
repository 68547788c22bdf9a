/**
 * The words for a write-back outcome, the same in the panel and the options page: which other
 * invoice an entry is already billed on, and why a mark was skipped. Keeping's and Exact's text
 * (invoice names) is returned as text; callers insert it as text, never as HTML.
 */
import { writeBackMinutes } from '../core/write-back-pace';
import { language, t } from './i18n';
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

/** A count as the language writes it ("2.000" in Dutch, "2,000" in English). */
function count(value: number): string {
  return value.toLocaleString(language.value === 'nl' ? 'nl-NL' : 'en-GB');
}

/** Every mark of an invoice this install knows of, and how many of them are past waiting. */
export function progressOf(status: InvoiceWriteBack): { handled: number; total: number } {
  const total =
    status.done +
    status.verifying +
    status.pending +
    status.failed +
    status.conflicts.length +
    status.skipped.length;
  return { handled: total - status.pending, total };
}

/** "1.240 van 2.000 verwerkt in Keeping" */
export function progressText(status: InvoiceWriteBack): string {
  const { handled, total } = progressOf(status);
  return t('writeback_progress', count(handled), count(total));
}

/** "nog ongeveer 7 min in het tempo van Keeping", or '' when nothing waits. */
export function estimateText(pending: number): string {
  const minutes = writeBackMinutes(pending);
  return minutes > 0 ? t('writeback_estimate_left', count(minutes)) : '';
}

/** Before a save: how long marking `marks` hours will take. */
export function draftEstimateText(marks: number): string {
  return t('writeback_estimate_draft', count(marks), count(writeBackMinutes(marks)));
}

/** The options page's general word on Keeping's pace, for a usual and a large invoice. */
export function paceHintText(): string {
  return t(
    'writeback_pace_hint',
    count(300),
    count(writeBackMinutes(300)),
    count(2_000),
    count(writeBackMinutes(2_000)),
  );
}
