/**
 * A large cached client range also kept as one packed text (shared/entries-wire.ts), so a year
 * of 48,000 entries comes back in one IndexedDB read instead of 48,000 (1–2 s on a busy machine;
 * docs/architecture.md, Entries in one text). The `entries` store stays the truth: a snapshot is
 * used only when it was made for the same fetch and the same projects, and every transaction that
 * writes entries drops the snapshots whose dates it touches, so a snapshot never outlives a change.
 */
import type { Entry } from '../../core/keeping-types';
import { packEntries, unpackEntries } from '../../shared/entries-wire';

/** Below this many entries the range is read from the entries store, which is quick enough. */
export const SNAPSHOT_FROM_ENTRIES = 2_000;

/** A cached client range as one packed text. */
export interface RangeSnapshot {
  /** The range fetch it belongs to: another fetch time means another list. */
  fetchedAt: number;
  /** The projects the list was read on (the cached answer's own choice, see cache/entries-range.ts). */
  projectIds: number[];
  count: number;
  /** shared/entries-wire.ts */
  packed: string;
}

/** The parts of the `rangeSnapshots` store (in a readwrite transaction) that dropping needs. */
interface SnapshotStore {
  getAllKeys(query: IDBKeyRange): Promise<string[]>;
  delete(key: string): Promise<void>;
}

/** What a snapshot must have been made for to stand in for the entries store. */
export interface SnapshotBasis {
  fetchedAt: number;
  projectIds: readonly number[];
}

const sameIds = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/** The snapshot's entries, when it was made for `basis`; null otherwise. */
export function entriesOfSnapshot(snapshot: RangeSnapshot | undefined, basis: SnapshotBasis): Entry[] | null {
  if (
    !snapshot ||
    snapshot.fetchedAt !== basis.fetchedAt ||
    !sameIds(snapshot.projectIds, basis.projectIds)
  ) {
    return null;
  }
  try {
    const entries = unpackEntries(snapshot.packed);
    return entries.length === snapshot.count ? entries : null;
  } catch {
    // A snapshot that cannot be read is only a lost shortcut: the entries store answers.
    return null;
  }
}

/** The snapshot record for a sorted list, or null when the list is small enough to read as it is. */
export function snapshotOf(entries: readonly Entry[], basis: SnapshotBasis): RangeSnapshot | null {
  if (entries.length < SNAPSHOT_FROM_ENTRIES) return null;
  return {
    fetchedAt: basis.fetchedAt,
    projectIds: [...basis.projectIds],
    count: entries.length,
    packed: packEntries(entries),
  };
}

/** The dates a range key of db/database.ts `fetchKeys` (`range`, `clientRange`) names; null for any other key. */
export function datesOfRangeKey(key: string): { from: string; to: string } | null {
  const match = /^range:.*:(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(key);
  return match ? { from: match[1] as string, to: match[2] as string } : null;
}

/**
 * Inside a transaction that writes entries of `organisationId` from `from` to `to`: drops every
 * snapshot of that organisation whose range overlaps those dates.
 */
export async function dropSnapshotsOverlapping(
  store: SnapshotStore,
  organisationId: number,
  from: string,
  to: string,
): Promise<void> {
  const prefix = `range:${organisationId}:`;
  const keys = await store.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  await Promise.all(
    keys
      .filter((key) => {
        const dates = datesOfRangeKey(key);
        return dates === null || (dates.from <= to && dates.to >= from);
      })
      .map((key) => store.delete(key)),
  );
}
