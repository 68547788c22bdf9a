/**
 * How far marking an invoice's hours in Keeping has come and how long the rest takes at Keeping's
 * pace (issue 10: a 2,000-entry invoice takes about 17 minutes), the same in the panel's box and
 * the options page. Shown only while marks wait.
 */
import type { InvoiceWriteBack } from '../shared/messages';
import { estimateText, progressOf, progressText } from '../shared/write-back-text';

export function WriteBackProgress({ status }: { status: InvoiceWriteBack }) {
  if (status.pending === 0) return null;
  const { handled, total } = progressOf(status);
  return (
    <div class="writeback-progress" data-testid="writeback-progress">
      <progress max={total} value={handled} data-handled={handled} data-total={total} />
      <p class="muted small">
        {progressText(status)} · <span data-testid="writeback-estimate">{estimateText(status.pending)}</span>
      </p>
    </div>
  );
}
