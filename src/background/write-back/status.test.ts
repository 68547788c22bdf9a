import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearConnection } from '../account/connection';
import type { WriteBackItem } from '../db/database';
import { createHandlers, type HandlerTable } from '../handlers/table';
import { asPanel, draftRef, ORG, type PanelSetup, savedRef, setupPanel } from '../testing/panel-setup';
import type { WriteBack } from './runner';

let setup: PanelSetup;
let handlers: HandlerTable;
const resume = vi.fn<WriteBack['resume']>(async () => ({
  done: 0,
  skipped: 0,
  conflicts: 0,
  failed: 0,
  pending: 0,
}));

beforeEach(async () => {
  resume.mockClear();
  setup = await setupPanel();
  handlers = createHandlers(setup.services, { resume });
});
afterEach(() => setup.close());

/** Entries 101, 102 and 104 queued to be marked on invoice 20260042. */
async function queueThree(): Promise<WriteBackItem[]> {
  // Cached first, so the queue knows where each entry lives and can read it back.
  await handlers['entries.range']({
    from: '2026-05-01',
    to: '2026-05-31',
    keepingClientId: 123456,
    fresh: true,
  });
  // The colleague's 104 too, as an administrator's fetch caches it.
  await setup.cacheFirm();
  await asPanel(handlers).link({ ref: draftRef(), invoiceNumber: null, entryIds: [101, 102, 104] });
  await asPanel(handlers).saved({
    draft: draftRef(),
    invoiceId: savedRef().invoiceId!,
    invoiceNumber: '20260042',
  });
  const items = await setup.db.getAll('writeback');
  expect(items).toHaveLength(3);
  // invoice.saved resumes the queue itself; only what the retry does counts below.
  resume.mockClear();
  return items;
}

async function fail(item: WriteBackItem, at: number): Promise<void> {
  await setup.db.put('writeback', {
    ...item,
    state: 'failed',
    attempts: 5,
    lastAttemptAt: at,
    lastError: { code: 'server', message: 'Keeping answered 503' },
  });
}

describe('writeback.status', () => {
  it('says all is done when nothing is queued', async () => {
    expect(await handlers['writeback.status']({})).toEqual({
      pending: 0,
      verifying: 0,
      failed: 0,
      conflicts: 0,
      skipped: { integration: 0, locked: 0, forbidden: 0, not_found: 0, full: 0 },
      recentFailures: [],
      invoices: [],
    });
  });

  it('counts pending and failed items and lists the failures, newest first, with the invoice number', async () => {
    const [a, b] = await queueThree();
    await fail(a!, 1000);
    await fail(b!, 2000);
    const status = await handlers['writeback.status']({});
    expect(status).toMatchObject({ pending: 1, failed: 2 });
    expect(status.recentFailures.map((failure) => failure.entryId)).toEqual([b!.entryId, a!.entryId]);
    expect(status.recentFailures[0]).toEqual({
      entryId: b!.entryId,
      invoiceLabel: '20260042',
      error: { code: 'server', message: 'Keeping answered 503' },
      lastAttemptAt: 2000,
    });
  });

  it('leaves out another organisation’s items', async () => {
    const [a] = await queueThree();
    await setup.db.put('writeback', { ...a!, key: 'other', organisationId: ORG + 1, state: 'failed' });
    expect(await handlers['writeback.status']({})).toMatchObject({ pending: 3, failed: 0 });
  });
});

describe('writeback.retry', () => {
  it('puts failed items back to pending with fresh attempts and resumes the queue', async () => {
    const [a, b, c] = await queueThree();
    await fail(a!, 1000);
    await fail(b!, 2000);
    const status = await handlers['writeback.retry']({});
    expect(status).toMatchObject({ pending: 3, failed: 0, conflicts: 0, recentFailures: [] });
    expect(resume).toHaveBeenCalledOnce();
    const items = await setup.db.getAll('writeback');
    for (const item of items) {
      expect(item).toMatchObject({ state: 'pending', attempts: 0, lastAttemptAt: null, lastError: null });
    }
    // The untouched pending item keeps its own revision and wish.
    expect(items.find((item) => item.key === c!.key)).toEqual(c);
  });

  it('lets the real queue mark the retried entries in Keeping', async () => {
    const [a] = await queueThree();
    await fail(a!, 1000);
    const real = setup.start();
    await real.handlers['writeback.retry']({});
    await real.writeBack.resume();
    expect(a!.entryId).toBe(101);
    expect((await setup.db.get('writeback', a!.key))?.state).toBe('verify');
    expect(setup.client.patchTimeEntry).toHaveBeenCalledWith(ORG, 101, expect.anything());
    expect(setup.keeping.get(a!.entryId)?.externalReferences.map((reference) => reference.name)).toContain(
      'Factuur 20260042 (Exact Online)',
    );
  });

  it('refuses without a connection and changes nothing', async () => {
    const [a] = await queueThree();
    await fail(a!, 1000);
    await clearConnection();
    await expect(handlers['writeback.retry']({})).rejects.toMatchObject({ code: 'not_connected' });
    expect((await setup.db.get('writeback', a!.key))?.state).toBe('failed');
    expect(resume).not.toHaveBeenCalled();
  });
});
