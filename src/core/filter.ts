/**
 * Which entries go on an invoice. An entry is "in scope" when it is on one of the client's
 * (chosen) projects, by one of the chosen people, inside the period. In-scope entries that are
 * not billable are counted by reason so the panel can say what it left out and why.
 */
import { billedBy } from './billing';
import type { Entry } from './keeping-types';
import { type DateRange, isDateInRange } from './period';

export interface EntrySelection {
  period: DateRange;
  /** The projects of the Keeping client being invoiced. Entries without a project never match. */
  clientProjectIds: ReadonlySet<number>;
  /** A subset of the client's projects; null or absent: all of them. */
  projectIds?: ReadonlySet<number> | null;
  /** The people whose hours count; null or absent: everyone. */
  userIds?: ReadonlySet<number> | null;
  /** `direct` (default): billable hours only; `all`: direct and indirect. */
  hours?: 'direct' | 'all';
  /** Include entries already billed (default false). */
  includeBilled?: boolean;
  /** This install's links, entry id → invoice. */
  localLinks?: ReadonlyMap<number, string>;
}

/** Why an in-scope entry was left out; each entry is counted under its first reason only. */
export type SkipReason = 'not_work' | 'ongoing' | 'empty' | 'indirect' | 'billed';

export interface SelectionResult {
  entries: Entry[];
  skipped: Record<SkipReason, number>;
  /** Selected entries that Keeping has locked although nothing billed them (report, not skip). */
  lockedEntryIds: number[];
}

const NO_LINKS: ReadonlyMap<number, string> = new Map();

/**
 * Selects the entries to invoice. Only `work` entries are billable (breaks and leave never
 * are); running entries are skipped because their minutes are still growing; zero-minute
 * entries are skipped because they would add empty lines.
 */
export function selectEntries(entries: Iterable<Entry>, selection: EntrySelection): SelectionResult {
  const { period, clientProjectIds, projectIds, userIds } = selection;
  const directOnly = (selection.hours ?? 'direct') === 'direct';
  const includeBilled = selection.includeBilled ?? false;
  const links = selection.localLinks ?? NO_LINKS;
  const skipped: Record<SkipReason, number> = { not_work: 0, ongoing: 0, empty: 0, indirect: 0, billed: 0 };
  const selected: Entry[] = [];
  const lockedEntryIds: number[] = [];

  for (const entry of entries) {
    const { projectId } = entry;
    if (projectId === null || !clientProjectIds.has(projectId)) continue;
    if (projectIds && !projectIds.has(projectId)) continue;
    if (userIds && !userIds.has(entry.userId)) continue;
    if (!isDateInRange(entry.date, period)) continue;

    const reason = skipReason(entry, directOnly, includeBilled, links);
    if (reason !== null) {
      skipped[reason] += 1;
      continue;
    }
    selected.push(entry);
    if (entry.locked && billedBy(entry, links) === null) lockedEntryIds.push(entry.id);
  }
  return { entries: selected, skipped, lockedEntryIds };
}

function skipReason(
  entry: Entry,
  directOnly: boolean,
  includeBilled: boolean,
  links: ReadonlyMap<number, string>,
): SkipReason | null {
  if (entry.purpose !== 'work') return 'not_work';
  if (entry.ongoing) return 'ongoing';
  if (entry.minutes <= 0) return 'empty';
  if (directOnly && !entry.isDirect) return 'indirect';
  if (!includeBilled && billedBy(entry, links) !== null) return 'billed';
  return null;
}
