import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { urenbrugReferenceId } from '../../core/billing';
import { UrenbrugError } from '../../shared/errors';
import { fakeBrowser } from '../../shared/testing/fake-browser';
import type { HandlerTable } from '../handlers/table';
import { readAudit } from '../records/audit-log';
import { sampleEntry } from '../testing/db-fixtures';
import {
  asPanel,
  DIVISION,
  draftRef,
  INVOICE_ID,
  ORG,
  type PanelSetup,
  savedRef,
  setupPanel,
} from '../testing/panel-setup';
import { createWriteBack, MAX_WRITE_BACK_ATTEMPTS, retryDelayMs, type WriteBack } from './runner';

const OURS = {
  id: urenbrugReferenceId(DIVISION, INVOICE_ID),
  type: 'generic_work_reference',
  name: 'Factuur 20260042 (Exact Online)',
  url: null,
};
const JIRA = { id: 'abc0123456789', type: 'jira_issue', name: 'BAK-12', url: null };
const SAVED_KEY = `7:${INVOICE_ID}`;

let setup: PanelSetup;
let handlers: HandlerTable;
let writeBack: WriteBack;

beforeEach(async () => {
  setup = await setupPanel();
  // Held back, so each test decides when the queue runs.
  ({ handlers, writeBack } = setup.start({ holdWriteBack: true }));
  await handlers['entries.range']({
    from: '2026-05-01',
    to: '2026-05-31',
    keepingClientId: 123456,
    fresh: true,
  });
});
afterEach(() => setup.close());

async function saveWith(entryIds: number[]) {
  await asPanel(handlers).link({ ref: draftRef(), invoiceNumber: null, entryIds });
  return asPanel(handlers).saved({ draft: draftRef(), invoiceId: INVOICE_ID, invoiceNumber: '20260042' });
}
const refsOf = (id: number) => setup.keeping.get(id)?.externalReferences;
const auditOf = async () =>
  (await readAudit(setup.db, SAVED_KEY))
    .filter((record) => record.action.startsWith('writeback'))
    .map((record) => [record.action, record.entryIds[0], record.detail?.replace(/^.*: /, '')]);

describe('write-back after invoice.saved', () => {
  it('adds Urenbrug’s reference and sends the entry’s other references back', async () => {
    await saveWith([101, 102]);
    expect(await setup.db.count('writeback')).toBe(2);
    expect(await writeBack.resume()).toEqual({ done: 2, skipped: 0, conflicts: 0, failed: 0, pending: 0 });

    expect(setup.client.patchTimeEntry).toHaveBeenCalledWith(12345, 102, {
      external_references: [JIRA, OURS],
    });
    expect(refsOf(101)).toEqual([OURS]);
    expect(refsOf(102)).toEqual([JIRA, OURS]);
    // Written marks are checked on the next wake, then leave the queue.
    expect((await setup.db.getAll('writeback')).map((item) => item.state)).toEqual(['verify', 'verify']);
    expect(await writeBack.resume()).toMatchObject({ done: 0, pending: 0 });
    expect(await setup.db.count('writeback')).toBe(0);
    expect(setup.client.patchTimeEntry).toHaveBeenCalledTimes(2);
    expect(await auditOf()).toEqual([
      ['writeback_done', 101, 'added'],
      ['writeback_done', 102, 'added'],
    ]);
  });

  it('reads before writing: an entry that already carries the reference is not patched again', async () => {
    await saveWith([101]);
    await writeBack.resume();
    await asPanel(handlers).saved({ draft: savedRef(), invoiceId: INVOICE_ID, invoiceNumber: '20260042' });
    await writeBack.resume();
    expect(setup.client.patchTimeEntry).toHaveBeenCalledOnce();
    expect((await auditOf()).at(-1)).toEqual(['writeback_done', 101, 'already so']);
  });

  it('renames the reference in place when the invoice number changes', async () => {
    setup.keeping.set(
      sampleEntry({
        id: 101,
        date: '2026-05-04',
        start: null,
        end: null,
        externalReferences: [{ ...OURS, name: 'Factuur (Exact Online)' }, JIRA],
      }),
    );
    await saveWith([101]);
    await writeBack.resume();
    expect(refsOf(101)).toEqual([OURS, JIRA]);
  });

  it('takes only its own reference off again on unlink', async () => {
    await saveWith([102]);
    await writeBack.resume();
    await asPanel(handlers).unlink({ ref: savedRef(), entryIds: [102] });
    await writeBack.resume();
    expect(refsOf(102)).toEqual([JIRA]);
    expect(setup.client.patchTimeEntry).toHaveBeenLastCalledWith(12345, 102, { external_references: [JIRA] });
  });

  it('unmarks entries that are no longer on the invoice when it is saved again', async () => {
    await saveWith([101, 102]);
    await writeBack.resume();
    await asPanel(handlers).recordFill({ ref: savedRef(), lines: [] });
    await asPanel(handlers).unlink({ ref: savedRef(), entryIds: [101] });
    await asPanel(handlers).link({ ref: savedRef(), invoiceNumber: null, entryIds: [102] });
    await writeBack.resume();
    expect(refsOf(101)).toEqual([]);
    expect(refsOf(102)).toEqual([JIRA, OURS]);
  });

  it('a link undone before the queue ran leaves nothing to write', async () => {
    await asPanel(handlers).saved({ draft: draftRef(), invoiceId: INVOICE_ID, invoiceNumber: '20260042' });
    await asPanel(handlers).link({ ref: savedRef(), invoiceNumber: null, entryIds: [101] });
    await asPanel(handlers).unlink({ ref: savedRef(), entryIds: [101] });
    expect(await setup.db.count('writeback')).toBe(1);
    await writeBack.resume();
    expect(setup.client.patchTimeEntry).not.toHaveBeenCalled();
    expect(refsOf(101)).toEqual([]);
  });

  it('does not lose a newer wish enqueued while the older one was being written', async () => {
    await saveWith([101]);
    const patch = setup.client.patchTimeEntry.getMockImplementation()!;
    setup.client.patchTimeEntry.mockImplementationOnce(async (...args) => {
      const result = await patch(...args);
      await asPanel(handlers).unlink({ ref: savedRef(), entryIds: [101] });
      return result;
    });
    await writeBack.resume();
    expect(refsOf(101)).toEqual([]);
    expect(await setup.db.count('writeback')).toBe(0);
  });
});

describe('write-back: what Keeping refuses', () => {
  it('skips a locked entry without patching it, and says so in the audit log', async () => {
    setup.keeping.set({ ...setup.keeping.get(101)!, locked: true });
    await saveWith([101, 102]);
    expect(await writeBack.resume()).toMatchObject({ done: 1, skipped: 1, pending: 0 });
    expect(setup.client.patchTimeEntry).not.toHaveBeenCalledWith(12345, 101, expect.anything());
    expect(await auditOf()).toContainEqual(['writeback_skipped', 101, 'locked']);
  });

  it('skips an entry locked between the read and the PATCH (403)', async () => {
    setup.client.patchTimeEntry.mockRejectedValueOnce(
      new UrenbrugError('forbidden', 'Keeping answered 403', 'locked', 403),
    );
    await saveWith([101]);
    expect(await writeBack.resume()).toMatchObject({ skipped: 1, pending: 0 });
    expect(await auditOf()).toEqual([['writeback_skipped', 101, 'locked']]);
  });

  describe('an entry changed between the bulk read and its PATCH', () => {
    /** Keeping's answer to the PATCH, after `change` happened to the entry since our read. */
    function changedBeforePatch(change: () => void, error: UrenbrugError) {
      setup.client.patchTimeEntry.mockImplementationOnce(async () => {
        change();
        throw error;
      });
    }

    it('billed meanwhile by Keeping’s own integration (403): read again, a conflict naming it', async () => {
      await saveWith([101]);
      changedBeforePatch(
        () =>
          setup.keeping.set({
            ...setup.keeping.get(101)!,
            locked: true,
            externalReferences: [
              { id: 'ab20260077cd', type: 'exact_online_invoice', name: '20260077', url: null },
            ],
          }),
        new UrenbrugError('forbidden', 'Keeping answered 403', 'locked', 403),
      );
      const dayReads = setup.client.timeEntries.mock.calls.length;
      expect(await writeBack.resume()).toMatchObject({ done: 0, conflicts: 1, skipped: 0 });
      expect(setup.client.timeEntries.mock.calls.length).toBe(dayReads + 1);
      expect(setup.client.patchTimeEntry).toHaveBeenCalledOnce();
      expect((await setup.db.getAll('writeback'))[0]).toMatchObject({
        state: 'conflict',
        conflict: { kind: 'keeping_invoice', invoice: '20260077' },
      });
    });

    it('deleted meanwhile (404): read again and skipped as gone', async () => {
      await saveWith([101]);
      changedBeforePatch(
        () => setup.keeping.remove(101),
        new UrenbrugError('not_found', 'Keeping answered 404', undefined, 404),
      );
      expect(await writeBack.resume()).toMatchObject({ skipped: 1 });
      expect(await auditOf()).toEqual([
        ['writeback_skipped', 101, 'changed since read; not found in Keeping'],
      ]);
    });

    it('filled meanwhile by a colleague’s references (422): read again and skipped as full, not failed', async () => {
      await saveWith([101]);
      const ten = Array.from({ length: 10 }, (_, i) => ({ ...JIRA, id: `abc012345678${i}` }));
      changedBeforePatch(
        () => setup.keeping.set({ ...setup.keeping.get(101)!, externalReferences: ten }),
        new UrenbrugError('invalid_request', 'Keeping answered 422', undefined, 422),
      );
      expect(await writeBack.resume()).toMatchObject({ skipped: 1, failed: 0 });
      expect((await setup.db.getAll('writeback'))[0]).toMatchObject({
        state: 'skipped',
        skip: { reason: 'full' },
      });
      // The colleague's references are all still there: nothing was written over them.
      expect(refsOf(101)).toEqual(ten);
    });
  });

  it('skips an entry deleted in Keeping', async () => {
    await saveWith([101]);
    setup.keeping.remove(101);
    expect(await writeBack.resume()).toMatchObject({ skipped: 1 });
    expect(await auditOf()).toEqual([['writeback_skipped', 101, 'not found in Keeping']]);
  });

  it('skips an entry that already has ten references', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ ...JIRA, id: `abc012345678${i}` }));
    setup.keeping.set({ ...setup.keeping.get(101)!, externalReferences: ten });
    await saveWith([101]);
    await writeBack.resume();
    expect(setup.client.patchTimeEntry).not.toHaveBeenCalled();
    expect(await auditOf()).toEqual([['writeback_skipped', 101, 'too many references']]);
  });

  it('keeps a failed item queued with its error, stops the run, and retries on the next wake', async () => {
    setup.client.patchTimeEntry.mockRejectedValueOnce(new UrenbrugError('network', 'offline'));
    await saveWith([101, 102]);
    expect(await writeBack.resume()).toMatchObject({ done: 0, failed: 0, pending: 2 });
    const item = (await setup.db.getAll('writeback')).find((queued) => queued.entryId === 101)!;
    expect(item).toMatchObject({ attempts: 1, state: 'pending', lastError: { code: 'network' } });
    // The run stopped: 102 was not tried while Keeping could not be reached.
    expect(setup.client.patchTimeEntry).toHaveBeenCalledOnce();

    // A wake soon after tries the others, but waits a little before trying 101 again.
    expect(await writeBack.resume()).toMatchObject({ done: 1, pending: 1 });
    setup.advance(retryDelayMs(1));
    expect(await writeBack.resume()).toMatchObject({ done: 1, pending: 0 });
    expect(refsOf(101)).toEqual([OURS]);
  });

  it('waits out a 429 on a PATCH without using up an attempt', async () => {
    setup.client.patchTimeEntry.mockRejectedValueOnce(
      new UrenbrugError('rate_limited', 'Keeping answered 429'),
    );
    await saveWith([101]);
    expect(await writeBack.resume()).toMatchObject({ done: 0, pending: 1 });
    expect((await setup.db.getAll('writeback'))[0]).toMatchObject({ attempts: 0, state: 'pending' });
    expect(await writeBack.resume()).toMatchObject({ done: 0, pending: 1 });
    setup.advance(60_000);
    expect(await writeBack.resume()).toMatchObject({ done: 1, pending: 0 });
    expect(setup.client.patchTimeEntry).toHaveBeenCalledTimes(2);
  });

  it('gives up after the maximum number of attempts and reports it', async () => {
    setup.client.patchTimeEntry.mockRejectedValue(new UrenbrugError('server', 'Keeping answered 503'));
    await saveWith([101]);
    for (let run = 0; run < MAX_WRITE_BACK_ATTEMPTS; run++) {
      await writeBack.resume();
      setup.advance(retryDelayMs(MAX_WRITE_BACK_ATTEMPTS));
    }
    const [item] = await setup.db.getAll('writeback');
    expect(item).toMatchObject({ state: 'failed', attempts: MAX_WRITE_BACK_ATTEMPTS });
    expect((await auditOf()).map(([action]) => action)).toEqual(['writeback_failed']);
    await writeBack.resume();
    expect(setup.client.patchTimeEntry).toHaveBeenCalledTimes(MAX_WRITE_BACK_ATTEMPTS);
  });

  it('fails at once, without retrying, when Keeping refuses the body (422)', async () => {
    setup.client.patchTimeEntry.mockRejectedValueOnce(
      new UrenbrugError('invalid_request', 'Keeping answered 422'),
    );
    await saveWith([101]);
    expect(await writeBack.resume()).toMatchObject({ failed: 1, pending: 0 });
    expect((await setup.db.getAll('writeback'))[0]).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('leaves the queue untouched when the token is refused (401), and does not ask again at once', async () => {
    await saveWith([101]);
    setup.client.reportTimeEntries.mockClear();
    setup.client.reportTimeEntries.mockRejectedValueOnce(new UrenbrugError('auth', 'Keeping answered 401'));
    expect(await writeBack.resume()).toMatchObject({ done: 0, failed: 0, pending: 1 });
    expect((await setup.db.getAll('writeback'))[0]).toMatchObject({ attempts: 0, state: 'pending' });
    await writeBack.resume();
    expect(setup.client.reportTimeEntries).toHaveBeenCalledOnce();
    setup.advance(60_000);
    expect(await writeBack.resume()).toMatchObject({ done: 1, pending: 0 });
  });

  it('fails an entry it no longer has in the cache, since it cannot read it back', async () => {
    await asPanel(handlers).link({ ref: draftRef(), invoiceNumber: null, entryIds: [101] });
    // Gone from the cache before the save (a cache wipe), so the queue cannot tell where it lives.
    await setup.db.delete('entries', [12345, 101]);
    await asPanel(handlers).saved({ draft: draftRef(), invoiceId: INVOICE_ID, invoiceNumber: '20260042' });
    setup.client.timeEntries.mockClear();
    expect(await writeBack.resume()).toMatchObject({ failed: 1 });
    expect(setup.client.timeEntries).not.toHaveBeenCalled();
    expect((await auditOf())[0]?.[0]).toBe('writeback_failed');
  });
});

describe('write-back queue lifetime', () => {
  it('survives a worker restart and runs when the new worker resumes it', async () => {
    await saveWith([101, 102]);
    setup.close();
    setup.db = await reopen(setup);
    const restarted = createWriteBack(setup.services);
    expect(await restarted.resume()).toMatchObject({ done: 2, pending: 0 });
    expect(refsOf(102)).toEqual([JIRA, OURS]);
  });

  it('waits while disconnected, and one bulk read serves several entries', async () => {
    setup.keeping.set(sampleEntry({ id: 107, date: '2026-05-04', start: null, end: null }));
    // Inside the freshness window only a forced read asks Keeping again.
    await handlers['entries.range']({
      from: '2026-05-01',
      to: '2026-05-31',
      keepingClientId: 123456,
      fresh: true,
      force: true,
    });
    await saveWith([101, 107]);
    await fakeBrowser.storage.local.remove('connection');
    expect(await writeBack.resume()).toEqual({ done: 0, skipped: 0, conflicts: 0, failed: 0, pending: 0 });
    expect(await setup.db.count('writeback')).toBe(2);

    await fakeBrowser.storage.local.set({
      connection: { token: 't', organisationId: 12345, organisationName: 'x', userName: 'y' },
    });
    setup.client.timeEntries.mockClear();
    setup.client.reportTimeEntries.mockClear();
    expect(await writeBack.resume()).toMatchObject({ done: 2 });
    expect(setup.client.reportTimeEntries).toHaveBeenCalledOnce();
    expect(setup.client.reportTimeEntries).toHaveBeenCalledWith(ORG, {
      from: '2026-05-04',
      to: '2026-05-04',
      userIds: [55458],
      projectIds: [573243],
    });
    expect(setup.client.timeEntries).not.toHaveBeenCalled();
  });

  it('never runs two passes at once', async () => {
    await saveWith([101]);
    const [first, second] = [writeBack.resume(), writeBack.resume()];
    expect(first).toBe(second);
    await first;
    expect(setup.client.patchTimeEntry).toHaveBeenCalledOnce();
  });
});

/** The same database, opened again as a new worker would. */
async function reopen(current: PanelSetup) {
  const { openUrenbrugDb } = await import('../db/database');
  const db = await openUrenbrugDb(current.db.name);
  current.services.db = async () => db;
  return db;
}
