import type { LeftOutEntry } from '../../../core/keeping-types';
import { t } from '../../../shared/i18n';

/** Ids named in the line; the rest are counted, so a broken page stays one readable line. */
const NAMED = 5;

const REASON_KEY = {
  date: 'left_out_reason_date',
  hours: 'left_out_reason_hours',
  shape: 'left_out_reason_shape',
} as const;

/** "#123 (ongeldige datum)", or "zonder id (…)" when even the id was broken. */
function named(entry: LeftOutEntry): string {
  const who = entry.id === null ? t('left_out_no_id') : `#${entry.id}`;
  return `${who} (${t(REASON_KEY[entry.reason])})`;
}

/** The text of the line (docs/architecture.md, Keeping's data is bounded). */
export function leftOutText(leftOut: readonly LeftOutEntry[]): string {
  const list = leftOut.slice(0, NAMED).map(named);
  if (leftOut.length > NAMED) list.push(t('left_out_more', leftOut.length - NAMED));
  const key = leftOut.length === 1 ? 'panel_left_out_one' : 'panel_left_out_many';
  return t(key, leftOut.length, list.join(', '));
}

/** One line: the entries Keeping sent that failed their check, by id; the rest of the period stands. */
export function LeftOutNotice({ leftOut }: { leftOut: readonly LeftOutEntry[] | undefined }) {
  if (!leftOut || leftOut.length === 0) return null;
  return (
    <p class="muted small" role="status" data-testid="entries-left-out">
      {leftOutText(leftOut)}
    </p>
  );
}
