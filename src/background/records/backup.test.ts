import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupProblemOf, MAX_BACKUP_BYTES, MAX_EXPORT_BYTES } from '../../shared/backup-problem';
import { UrenbrugError } from '../../shared/errors';
import type { BackupDocument } from '../../shared/messages';
import { clearConnection } from '../account/connection';
import type { UrenbrugDatabase } from '../db/database';
import type { HandlerTable } from '../handlers/table';
import {
  asPanel,
  DIVISION,
  draftRef,
  line,
  ORG,
  type PanelSetup,
  savedRef,
  selection,
  setupPanel,
} from '../testing/panel-setup';
import { exportBackup } from './backup';
import { readClientMappings, readLineDefaults, readQuantityPrecision } from './mappings-store';

let source: PanelSetup;
let target: PanelSetup;
let handlers: HandlerTable;
let empty: HandlerTable;

beforeEach(async () => {
  source = await setupPanel();
  target = await setupPanel();
  handlers = source.start({ holdWriteBack: true }).handlers;
  empty = target.start({ holdWriteBack: true }).handlers;
});
afterEach(() => {
  source.close();
  target.close();
});

/** A bookkeeper's month: two mappings, custom defaults, a saved invoice and a draft. */
async function fillSource(): Promise<void> {
  await handlers['mapping.saveClient']({
    division: DIVISION,
    exactCustomerCode: '1001',
    exactCustomerName: 'Bakkerij Jansen B.V.',
    keepingClientId: 123456,
  });
  await handlers['mapping.saveClient']({
    division: 9,
    exactCustomerCode: 'K-7',
    exactCustomerName: 'Loon & Zo',
    keepingClientId: 222,
  });
  await handlers['lineDefaults.save']({
    defaultRateCents: 11000,
    defaultItemCode: 'ADVIES',
    rules: { 'p:573243': { rateCents: 12500, itemCode: null } },
  });
  await handlers['precision.save']({ division: DIVISION, decimals: 3, source: 'detected' });
  await handlers['invoice.saveSelection']({ ref: draftRef(), selection });
  await source.cacheFirm();
  await asPanel(handlers).recordFill({ ref: draftRef(), lines: [line('a', [101]), line('b', [102])] });
  await asPanel(handlers).saved({
    draft: draftRef(),
    invoiceId: savedRef().invoiceId!,
    invoiceNumber: '20260042',
  });
  await asPanel(handlers).link({ ref: draftRef('draft-2'), invoiceNumber: null, entryIds: [104] });
}

async function storesOf(db: UrenbrugDatabase) {
  return { mappings: await db.getAll('mappings'), invoices: await db.getAll('invoices') };
}

async function exported(): Promise<BackupDocument> {
  await fillSource();
  // Through JSON, as the file on disk would be.
  return JSON.parse(JSON.stringify(await handlers['backup.export']({})));
}

async function refusal(text: string): Promise<UrenbrugError> {
  const error = await empty['backup.import']({ text }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UrenbrugError);
  return error as UrenbrugError;
}

describe('backup.export', () => {
  it('holds the organisation’s mappings, line defaults and invoices, and no token or cache', async () => {
    const backup = await exported();
    expect(backup).toMatchObject({ format: 'urenbrug-backup', version: 1, organisationId: ORG });
    expect(backup.exportedAt).toBe('2026-06-12T08:00:00.000Z');
    expect(backup.mappings.map((mapping) => mapping.exactCustomerCode).sort()).toEqual(['1001', 'K-7']);
    expect(backup.lineDefaults?.defaultItemCode).toBe('ADVIES');
    expect(backup.precisions).toEqual([{ division: DIVISION, decimals: 3, source: 'detected' }]);
    expect(backup.invoices.map((invoice) => invoice.invoiceNumber).sort()).toEqual(['20260042', null]);
    const text = JSON.stringify(backup);
    expect(text).not.toContain('pat-');
    expect(Object.keys(backup).sort()).toEqual(
      [
        'exportedAt',
        'format',
        'invoices',
        'lineDefaults',
        'mappings',
        'organisationId',
        'precisions',
        'version',
      ].sort(),
    );
  });

  it('refuses without a connection', async () => {
    await clearConnection();
    await expect(handlers['backup.export']({})).rejects.toMatchObject({ code: 'not_connected' });
  });
});

describe('backup.import', () => {
  it('round trip: restoring into an empty database gives the same records', async () => {
    const backup = await exported();
    const result = await empty['backup.import']({ text: JSON.stringify(backup) });
    expect(result).toEqual({ mappings: 2, lineDefaults: true, invoices: 2, keptNewer: 0 });
    expect(await storesOf(target.db)).toEqual(await storesOf(source.db));
    // Read back through the stores the panel uses: the keys are the ones they write.
    expect((await readClientMappings(target.db, ORG, DIVISION)).map((m) => m.keepingClientId)).toEqual([
      123456,
    ]);
    expect((await readLineDefaults(target.db, ORG)).defaultRateCents).toBe(11000);
    expect(await readQuantityPrecision(target.db, ORG, DIVISION)).toMatchObject({
      decimals: 3,
      source: 'detected',
    });
    expect((await empty['invoice.load'](savedRef()))?.linkedEntryIds).toEqual([101, 102]);
  });

  it('merges: same keys are replaced, other records stay', async () => {
    const backup = await exported();
    await empty['mapping.saveClient']({
      division: DIVISION,
      exactCustomerCode: '1001',
      exactCustomerName: 'Old name',
      keepingClientId: 999,
    });
    await empty['mapping.saveClient']({
      division: DIVISION,
      exactCustomerCode: '2002',
      exactCustomerName: 'Only here',
      keepingClientId: 333,
    });
    await empty['backup.import']({ text: JSON.stringify(backup) });
    const mappings = await readClientMappings(target.db, ORG, DIVISION);
    expect(mappings.map((m) => [m.exactCustomerCode, m.keepingClientId])).toEqual([
      ['1001', 123456],
      ['2002', 333],
    ]);
  });

  async function expectRefused(text: string, problem: string): Promise<UrenbrugError> {
    await empty['mapping.saveClient']({
      division: DIVISION,
      exactCustomerCode: '2002',
      exactCustomerName: 'Only here',
      keepingClientId: 333,
    });
    const before = await storesOf(target.db);
    const error = await refusal(text);
    expect(error.code).toBe('invalid_request');
    expect(backupProblemOf(error)).toBe(problem);
    expect(await storesOf(target.db)).toEqual(before);
    return error;
  }

  it('refuses a file that is not JSON, and writes nothing', async () => {
    const backup = await exported();
    await expectRefused(JSON.stringify(backup).slice(0, -10), 'not_json');
  });

  it('refuses JSON of another kind, and another version', async () => {
    await expectRefused(JSON.stringify({ hello: 'world' }), 'format');
    await expectRefused('[1,2,3]', 'format');
    await expectRefused('null', 'format');
    const backup = await exported();
    await expectRefused(JSON.stringify({ ...backup, version: 2 }), 'version');
  });

  it('refuses a backup of another organisation, also when only one invoice is a stranger', async () => {
    const backup = await exported();
    await expectRefused(JSON.stringify({ ...backup, organisationId: ORG + 1 }), 'organisation');
    const [first, ...rest] = backup.invoices;
    const stranger = { ...backup, invoices: [{ ...first!, organisationId: ORG + 1 }, ...rest] };
    await expectRefused(JSON.stringify(stranger), 'organisation');
  });

  it('refuses bad record shapes (one bad record among good ones) and names the place', async () => {
    const backup = await exported();
    const [first, ...rest] = backup.invoices;
    const badLine = { ...backup, invoices: [{ ...first!, lines: [{ lineKey: 'a' }] }, ...rest] };
    const error = await expectRefused(JSON.stringify(badLine), 'shape');
    expect(error.detail).toContain('invoices.0.lines.0');

    const badKey = { ...backup, invoices: [{ ...first!, key: '7:somebody-else' }, ...rest] };
    await expectRefused(JSON.stringify(badKey), 'shape');
    const badMapping = { ...backup, mappings: [...backup.mappings, { division: -1 }] };
    await expectRefused(JSON.stringify(badMapping), 'shape');
    const twice = { ...backup, mappings: [...backup.mappings, backup.mappings[0]] };
    await expectRefused(JSON.stringify(twice), 'shape');
    await expectRefused(JSON.stringify({ ...backup, invoices: 'none' }), 'shape');
  });

  it('restoring an older file keeps the invoices that are newer here, and says how many', async () => {
    const older = await exported();
    // Work goes on after the back-up: the saved invoice gets another line.
    source.advance(60_000);
    const current = await handlers['invoice.load'](savedRef());
    await asPanel(handlers).recordFill({
      ref: savedRef(),
      lines: [line('a', [101]), line('b', [102]), line('c', [104])],
      revision: current!.revision,
    });
    const newer = await source.db.get('invoices', current!.key);
    const result = await handlers['backup.import']({ text: JSON.stringify(older) });
    expect(result.keptNewer).toBe(1);
    expect(result.invoices).toBe(1);
    expect(await source.db.get('invoices', current!.key)).toEqual(newer);
  });

  it("the install's own export imports again at any size it can write: a large generated back-up", async () => {
    const backup = await exported();
    const template = backup.invoices.find((invoice) => invoice.draftKey !== null)!;
    const invoices = Array.from({ length: 12_000 }, (_, index) => ({
      ...template,
      draftKey: `bulk-${index}`,
      key: `${template.division}:draft:bulk-${index}`,
      lines: Array.from({ length: 3 }, (__, n) => ({
        ...line(`l${n}`, [100 + n]),
        description: 'x'.repeat(200),
      })),
    }));
    const text = JSON.stringify({ ...backup, invoices });
    // Past the old 5 MB limit, inside what an export may be.
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    const result = await empty['backup.import']({ text });
    expect(result.invoices).toBe(12_000);
    expect(await target.db.count('invoices')).toBe(12_000);
    const again = JSON.stringify(await empty['backup.export']({}));
    expect(again.length).toBeLessThan(MAX_EXPORT_BYTES);
    expect(JSON.parse(again).invoices).toHaveLength(12_000);
  }, 60_000);

  it('a back-up of the first build (no revisions, no Keeping client, no precisions) still imports', async () => {
    const backup = await exported();
    const { precisions: _p, ...withoutPrecisions } = backup;
    const firstBuild = {
      ...withoutPrecisions,
      invoices: backup.invoices.map(({ revision: _r, keepingClientId: _k, ...rest }) => rest),
    };
    const result = await empty['backup.import']({ text: JSON.stringify(firstBuild) });
    expect(result.invoices).toBe(2);
    const restored = await empty['invoice.load'](savedRef());
    expect(restored?.revision).toBe(0);
    expect(restored?.linkedEntryIds).toEqual([101, 102]);
  });

  it('refuses a file over the import limit before parsing it', async () => {
    const backup = await exported();
    const padded = JSON.stringify({ ...backup, padding: 'x'.repeat(MAX_BACKUP_BYTES) });
    await expectRefused(padded, 'too_large');
  });

  it('refuses without a connection, and a request without text', async () => {
    const backup = await exported();
    await expect(empty['backup.import']({ text: 42 as unknown as string })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await clearConnection();
    await expect(empty['backup.import']({ text: JSON.stringify(backup) })).rejects.toMatchObject({
      code: 'not_connected',
    });
    expect(await target.db.count('invoices')).toBe(0);
  });
});

describe('backup.export at its limit', () => {
  it('refuses a back-up larger than a restore reads, with a clear reason, instead of writing it', async () => {
    const huge = { key: '7:draft:x', organisationId: ORG, note: 'x'.repeat(MAX_EXPORT_BYTES) };
    const store = (records: unknown[]) => ({ getAll: async () => records });
    const db = {
      transaction: () => ({
        objectStore: (name: string) => store(name === 'invoices' ? [huge] : []),
        done: Promise.resolve(),
      }),
    } as unknown as UrenbrugDatabase;
    const error = await exportBackup(db, ORG, 0).then(
      () => null,
      (caught: unknown) => caught as UrenbrugError,
    );
    expect(error).toBeInstanceOf(UrenbrugError);
    expect(backupProblemOf(error!)).toBe('export_too_large');
    expect(MAX_EXPORT_BYTES).toBeLessThan(MAX_BACKUP_BYTES);
  });
});
