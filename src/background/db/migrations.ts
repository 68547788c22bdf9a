/**
 * The IndexedDB schema history (docs/architecture.md, Storage and migrations). Each entry of MIGRATIONS turns
 * version N into N + 1; the database version is the length of the list. Never edit a migration that has
 * shipped: append a new one. Migrations work on the untyped database because each one sees the schema as it
 * was at its own version, not the latest DBSchema in db.ts.
 */
import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';

export type Migration = (
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
) => void;

/** Ordered: index 0 creates version 1, index 1 upgrades 1 → 2, and so on. */
export const MIGRATIONS: readonly Migration[] = [
  // v1: Keeping reference data, time entries and what was fetched when.
  (db) => {
    const reference = db.createObjectStore('reference', { keyPath: ['organisationId', 'kind', 'id'] });
    reference.createIndex('by-org-kind', ['organisationId', 'kind']);
    const entries = db.createObjectStore('entries', { keyPath: ['organisationId', 'id'] });
    entries.createIndex('by-org-date', ['organisationId', 'date']);
    entries.createIndex('by-org-user-date', ['organisationId', 'userId', 'date']);
    // Out-of-line string keys: `today:<org>:<user>:<date>`, `reference:<org>`, `range:<org>:<from>:<to>`.
    db.createObjectStore('fetches');
  },
  // v2: the bookkeeper's work (mappings, invoice records), the write-back queue, the audit log.
  (db) => {
    // Client mappings (by organisation and division) and line defaults (no division: not indexed).
    const mappings = db.createObjectStore('mappings', { keyPath: 'key' });
    mappings.createIndex('by-org-division', ['organisationId', 'division']);
    const invoices = db.createObjectStore('invoices', { keyPath: 'key' });
    invoices.createIndex('by-division', 'division');
    // "Which invoice bills entry X" is an index lookup; no separate link store to keep in step.
    invoices.createIndex('by-entry', 'linkedEntryIds', { multiEntry: true });
    db.createObjectStore('writeback', { keyPath: 'key' });
    const audit = db.createObjectStore('audit', { keyPath: 'seq', autoIncrement: true });
    audit.createIndex('by-invoice', 'invoiceKey');
  },
  // v3: invoice records carry a revision (stale changes are refused) and the Keeping client
  // whose hours they bill (from the stored selection, when there was one).
  (_db, tx) => {
    const invoices = tx.objectStore('invoices');
    void invoices.openCursor().then(async function step(cursor): Promise<void> {
      if (!cursor) return;
      const record = cursor.value as {
        revision?: number;
        keepingClientId?: number | null;
        selection?: { keepingClientId?: number | null } | null;
      };
      await cursor.update({
        ...record,
        revision: record.revision ?? 0,
        keepingClientId: record.keepingClientId ?? record.selection?.keepingClientId ?? null,
      });
      await step(await cursor.continue());
    });
  },
  // v4: the write-back queue is read by organisation and state (issue 10: one pass reads only what
  // is due, linear in the queue), so a 2,000-entry invoice does not read every other wish per item.
  (_db, tx) => {
    const queue = tx.objectStore('writeback');
    queue.createIndex('by-org-state', ['organisationId', 'state']);
    // The panel asks after one invoice's marks every few seconds while they are on their way.
    queue.createIndex('by-invoice', 'invoiceKey');
    // A record without a state would be in no index entry and never run again: it is pending.
    void queue.openCursor().then(async function step(cursor): Promise<void> {
      if (!cursor) return;
      const record = cursor.value as { state?: unknown };
      if (typeof record.state !== 'string') await cursor.update({ ...record, state: 'pending' });
      await step(await cursor.continue());
    });
  },
  // v5: a large cached range also kept as one packed text (db/range-snapshot.ts), so a year of
  // 48,000 entries is one read, not 48,000. Out-of-line keys: the range's fetch key.
  (db) => {
    db.createObjectStore('rangeSnapshots');
  },
];

/** The version the code expects: one per migration. */
export const DB_VERSION = MIGRATIONS.length;

/**
 * Runs the migrations from `oldVersion` up to `newVersion` inside the upgrade transaction.
 * Throws on a version the code does not know, which aborts the upgrade and leaves the old data.
 */
export function runMigrations(
  db: IDBPDatabase<unknown>,
  oldVersion: number,
  newVersion: number,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
): void {
  for (let version = oldVersion; version < newVersion; version++) {
    const migration = MIGRATIONS[version];
    if (!migration) throw new Error(`No migration to database version ${version + 1}`);
    migration(db, tx);
  }
}

/**
 * Opens the database at a given (possibly historical) version, untyped. For the upgrade tests
 * that fill an old version with data; production code uses openUrenbrugDb in db.ts.
 */
export function openAtVersion(name: string, version: number): Promise<IDBPDatabase<unknown>> {
  return openDB<unknown>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      runMigrations(db, oldVersion, newVersion ?? version, tx);
    },
  });
}
