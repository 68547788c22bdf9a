/**
 * Rolling back the extension (docs/architecture.md, Rolling back the extension): a database one
 * version newer than the code opens read-only. Reads and the export work; every write is refused
 * with `read_only`, and the stored data is exactly as the newer version left it.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../records/backup';
import type { ParsedBackup } from '../records/backup-schema';
import { openUrenbrugDb } from './database';
import { DB_VERSION, MIGRATIONS, runMigrations } from './migrations';
import { isReadOnly } from './read-only';

let counter = 0;

/** A database as a newer Urenbrug would leave it: every known migration, one more, and a record. */
async function newerDatabase(): Promise<string> {
  const name = `rolled-back-${++counter}`;
  const newer = await openDB<unknown>(name, DB_VERSION + 1, {
    upgrade(db, oldVersion, _newVersion, tx) {
      runMigrations(db, oldVersion, MIGRATIONS.length, tx);
      db.createObjectStore('from-the-future');
    },
  });
  await newer.put('invoices', {
    key: '7|abc',
    organisationId: 40517,
    division: 7,
    invoiceId: 'abc',
    invoiceNumber: '20260042',
    revision: 3,
    keepingClientId: 1,
    lines: [],
    linkedEntryIds: [101],
  });
  newer.close();
  return name;
}

describe('a database newer than the code', () => {
  it('opens read-only: reads and the export work, every write is refused with read_only', async () => {
    const name = await newerDatabase();
    const db = await openUrenbrugDb(name);
    expect(isReadOnly(db)).toBe(true);
    expect(db.version).toBe(DB_VERSION + 1);
    expect((await db.getAll('invoices')).map((record) => record.key)).toEqual(['7|abc']);

    const backup = await exportBackup(db, 40517, Date.parse('2026-06-12T08:00:00Z'));
    expect(backup.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(['20260042']);

    await expect(db.put('fetches', { fetchedAt: 1 }, 'x')).rejects.toMatchObject({ code: 'read_only' });
    expect(() => db.transaction('invoices', 'readwrite')).toThrow(
      expect.objectContaining({ code: 'read_only' }),
    );
    const nothing = { ...backup, mappings: [], lineDefaults: null, invoices: [] } as ParsedBackup;
    await expect(restoreBackup(db, nothing)).rejects.toMatchObject({ code: 'read_only' });
    db.close();

    // Untouched: the newer version finds its own data as it left it.
    const again = await openDB<unknown>(name, DB_VERSION + 1);
    expect(await again.getAll('invoices')).toHaveLength(1);
    expect((await again.get('invoices', '7|abc')) as { revision: number }).toMatchObject({ revision: 3 });
    again.close();
  });

  it("a database at the code's own version is not read-only", async () => {
    const db = await openUrenbrugDb(`current-${++counter}`);
    expect(isReadOnly(db)).toBe(false);
    db.close();
  });
});
