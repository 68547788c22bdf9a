/**
 * Keeping's time entries one by one (docs/architecture.md, Keeping's data is bounded): a page is
 * checked as a whole (its envelope, and never more items than the `per_page` it was asked for),
 * then each entry alone, so one entry with an impossible date or hours is named by its id and
 * left out instead of failing its whole period. Notes longer than Keeping's own maximum are cut
 * here, at the edge, and the cut is counted so the panel and popup can say so.
 */
import * as v from 'valibot';
import type { Entry, LeftOutEntry, LeftOutReason } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import { toEntry } from './normalize';
import { timeEntrySchema } from './schemas';

/** Keeping's own maximum note length (docs/keeping-api.md, Time entries); more is shown folded. */
export const NOTE_SHOWN_CHARS = 10_000;

export interface ScreenedEntries {
  entries: Entry[];
  leftOut: LeftOutEntry[];
}

const REASON_BY_FIELD: Record<string, LeftOutReason> = { date: 'date', hours: 'hours' };

function reasonOf(issues: readonly v.BaseIssue<unknown>[]): LeftOutReason {
  const field = issues[0] ? v.getDotPath(issues[0])?.split('.')[0] : undefined;
  return (field && REASON_BY_FIELD[field]) || 'shape';
}

function idOf(raw: unknown): number | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The note as far as it is shown; what is beyond Keeping's maximum is counted, not kept. */
function cappedNote(entry: Entry): Entry {
  if (entry.note.length <= NOTE_SHOWN_CHARS) return entry;
  return {
    ...entry,
    note: entry.note.slice(0, NOTE_SHOWN_CHARS),
    noteFoldedChars: entry.note.length - NOTE_SHOWN_CHARS,
  };
}

/**
 * Validates each raw entry on its own; `perPage` (what was asked for) refuses a page that holds
 * more than that, which no honest answer does.
 */
export function screenEntries(
  raw: readonly unknown[],
  organisationId: number,
  what: string,
  perPage?: number,
): ScreenedEntries {
  if (perPage !== undefined && raw.length > perPage) {
    throw new UrenbrugError(
      'unexpected_response',
      `Keeping sent more entries than a page holds to ${what}`,
      `${raw.length} entries on a page of ${perPage}`,
    );
  }
  const entries: Entry[] = [];
  const leftOut: LeftOutEntry[] = [];
  for (const item of raw) {
    const result = v.safeParse(timeEntrySchema, item);
    if (result.success) entries.push(cappedNote(toEntry(result.output, organisationId)));
    else leftOut.push({ id: idOf(item), reason: reasonOf(result.issues) });
  }
  return { entries, leftOut };
}

/** Left-out entries of many pages, each id once (a walk can see an entry on two pages). */
export function mergeLeftOut(into: LeftOutEntry[], more: readonly LeftOutEntry[]): void {
  for (const entry of more) {
    if (entry.id !== null && into.some((known) => known.id === entry.id)) continue;
    into.push(entry);
  }
}
