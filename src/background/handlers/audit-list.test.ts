import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../db/database';
import {
  asPanel,
  DIVISION,
  draftRef,
  line,
  ORG,
  type PanelSetup,
  savedRef,
  setupPanel,
} from '../testing/panel-setup';

let setup: PanelSetup;
beforeEach(async () => {
  setup = await setupPanel();
});
afterEach(() => setup.close());

async function cacheMay(handlers: ReturnType<PanelSetup['start']>['handlers']) {
  await handlers['panel.context']({ division: DIVISION });
  await handlers['entries.range']({
    from: '2026-05-01',
    to: '2026-05-31',
    keepingClientId: 123456,
    fresh: true,
  });
}

describe('audit.list', () => {
  it('lists fills and links newest first with the Keeping user, the invoice number and the hours', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    await cacheMay(handlers);
    await asPanel(handlers).recordFill({ ref: draftRef(), lines: [line('a', [101])] });
    setup.advance(1000);
    await asPanel(handlers).link({ ref: savedRef(), invoiceNumber: '20260042', entryIds: [101, 102] });

    const page = await handlers['audit.list']({});
    expect(page.nextBefore).toBeNull();
    expect(page.records.map((record) => [record.action, record.invoiceNumber, record.entryIds])).toEqual([
      ['link', '20260042', [101, 102]],
      ['fill', null, [101]],
    ]);
    // sampleUser() is "me" (55458) in the cache; the connection's name is "y".
    expect(page.records[0]!.keepingUser).toEqual({ userId: 55458, name: 'y' });
    expect(page.records[0]!.minutes).toBeGreaterThan(0);
  });

  it('names the Keeping user on the write-back’s own records too', async () => {
    const { handlers, writeBack } = setup.start({ holdWriteBack: true });
    await cacheMay(handlers);
    await asPanel(handlers).link({ ref: savedRef(), invoiceNumber: '20260042', entryIds: [101] });
    await writeBack.resume();
    const [done] = (await handlers['audit.list']({})).records;
    expect(done).toMatchObject({ action: 'writeback_done', invoiceNumber: '20260042', entryIds: [101] });
    expect(done!.keepingUser).toEqual({ userId: 55458, name: 'y' });
  });

  it('filters by invoice number (also for records without one) and by entry, and pages', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    const db = setup.db;
    await cacheMay(handlers);
    await asPanel(handlers).link({ ref: savedRef(), invoiceNumber: '20260042', entryIds: [101] });
    // The write-back's own records carry no invoice number: found through the invoice record.
    const plain: AuditRecord = {
      at: 5,
      organisationId: ORG,
      invoiceKey: `${DIVISION}:${savedRef().invoiceId}`,
      invoiceNumber: null,
      action: 'writeback_done',
      entryIds: [101],
      detail: 'add',
    };
    await db.add('audit', plain);
    await db.add('audit', {
      ...plain,
      invoiceKey: '7:other',
      entryIds: [104],
      action: 'conflict_override' as AuditRecord['action'],
    });
    await db.add('audit', { ...plain, organisationId: ORG + 1, entryIds: [101] });

    const byInvoice = await handlers['audit.list']({ invoice: ' 0042 ' });
    expect(byInvoice.records.map((record) => [record.action, record.invoiceNumber])).toEqual([
      ['writeback_done', '20260042'],
      ['link', '20260042'],
    ]);
    const byEntry = await handlers['audit.list']({ entryId: 104 });
    // An action this version does not know is listed as it is.
    expect(byEntry.records.map((record) => record.action)).toEqual(['conflict_override']);

    const first = await handlers['audit.list']({ limit: 2 });
    expect(first.records).toHaveLength(2);
    expect(first.nextBefore).not.toBeNull();
    const second = await handlers['audit.list']({ limit: 2, before: first.nextBefore! });
    expect(second.records.map((record) => record.action)).toEqual(['link']);
    expect(second.nextBefore).toBeNull();
  });

  it('refuses a page size over the bound and a bad filter, and content scripts', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    await expect(handlers['audit.list']({ limit: 5000 })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(handlers['audit.list']({ entryId: -1 })).rejects.toMatchObject({ code: 'invalid_request' });
    const { CONTENT_SCRIPT_MESSAGES } = await import('../../shared/messages');
    expect(CONTENT_SCRIPT_MESSAGES.has('audit.list')).toBe(false);
  });

  it('walks back over more than one chunk of the store to fill a filtered page', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    const tx = setup.db.transaction('audit', 'readwrite');
    for (let index = 0; index < 1200; index++) {
      void tx.store.add({
        at: index,
        organisationId: ORG,
        invoiceKey: '7:x',
        invoiceNumber: null,
        action: 'fill',
        entryIds: [index === 3 ? 999 : 1],
        detail: null,
      });
    }
    await tx.done;
    const page = await handlers['audit.list']({ entryId: 999 });
    expect(page.records.map((record) => record.at)).toEqual([3]);
  });
});
