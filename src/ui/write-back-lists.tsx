/**
 * The write-back's two lists that need the bookkeeper, as the panel (on the invoice) and the
 * options page (per invoice) both show them: entries already billed on another invoice, and
 * marks Keeping skipped, each with its reason. The boxes around them are each page's own.
 */
import { t } from '../shared/i18n';
import type { WriteBackConflictView, WriteBackSkippedView } from '../shared/messages';
import { conflictText, harmlessCount, skippedText } from '../shared/write-back-text';

export function ConflictList({ conflicts }: { conflicts: readonly WriteBackConflictView[] }) {
  return (
    <>
      <p>{t('writeback_conflicts_title', conflicts.length)}</p>
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.entryId}>{conflictText(conflict)}</li>
        ))}
      </ul>
    </>
  );
}

export function SkippedList({ skipped }: { skipped: readonly WriteBackSkippedView[] }) {
  const harmless = harmlessCount(skipped);
  return (
    <>
      <p>{t('writeback_skipped_title', skipped.length, harmless, skipped.length - harmless)}</p>
      <ul>
        {skipped.map((item) => (
          <li key={item.entryId} data-reason={item.reason}>
            {skippedText(item)}
          </li>
        ))}
      </ul>
    </>
  );
}
