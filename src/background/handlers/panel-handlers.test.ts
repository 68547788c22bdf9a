import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../shared/browser';
import { UrenbrugError } from '../../shared/errors';
import type { ClientMapping, InvoiceSelection } from '../../shared/invoice-types';
import { REFERENCE_MAX_AGE_MS } from '../cache/today';
import { readAudit } from '../records/audit-log';
import { sampleOrganisation, sampleUser } from '../testing/db-fixtures';
import type { FakeBrowser } from '../testing/fake-browser';
import {
  DIVISION,
  draftRef,
  INVOICE_ID,
  line,
  ORG,
  type PanelSetup,
  savedRef,
  selection,
  setupPanel,
  TOKEN,
} from '../testing/panel-setup';

vi.mock('../../shared/browser', async () => {
  const { createFakeBrowser } = await import('../testing/fake-browser');
  return { browser: createFakeBrowser() };
});
const fake = browser as unknown as FakeBrowser;

let setup: PanelSetup;
beforeEach(async () => {
  fake.testing.reset();
  setup = await setupPanel();
});
afterEach(() => setup.close());

describe('panel.context', () => {
  it('without a connection: says so, with the default line settings and Amsterdam’s today', async () => {
    fake.testing.reset();
    const { handlers } = setup.start();
    const context = await handlers['panel.context']({ division: DIVISION });
    expect(context).toMatchObject({
      connection: { connected: false },
      organisation: null,
      clientMappings: [],
      lineDefaults: { defaultRateCents: 9500, defaultItemCode: 'UREN', rules: {} },
      today: '2026-06-12',
    });
    expect(setup.services.createClient).not.toHaveBeenCalled();
  });

  it('fetches reference data and users when missing, then serves them from the cache until stale', async () => {
    const { handlers } = setup.start();
    const context = await handlers['panel.context']({ division: DIVISION });
    expect(context.organisation).toEqual(sampleOrganisation());
    expect(context.projects.map((project) => project.id)).toEqual([600, 573243]);
    expect(context.users.map((user) => user.id)).toEqual([7, 55458]);
    expect(context.today).toBe('2026-06-12');
    expect(setup.client.users).toHaveBeenCalledOnce();

    setup.advance(REFERENCE_MAX_AGE_MS - 1);
    expect(await handlers['panel.context']({ division: DIVISION })).toEqual(context);
    expect(setup.client.projects).toHaveBeenCalledOnce();

    setup.advance(1);
    await handlers['panel.context']({ division: DIVISION });
    expect(setup.client.projects).toHaveBeenCalledTimes(2);
    expect(setup.client.users).toHaveBeenCalledTimes(2);
  });

  it('uses just "me" when the token has no team scope', async () => {
    setup.client.users.mockRejectedValue(new UrenbrugError('forbidden', 'no team scope', undefined, 403));
    const { handlers } = setup.start();
    expect((await handlers['panel.context']({ division: DIVISION })).users).toEqual([sampleUser()]);
  });

  it('serves stale reference data when the refresh fails, and fails when there is none', async () => {
    const { handlers } = setup.start();
    setup.client.organisations.mockRejectedValueOnce(new UrenbrugError('network', 'offline'));
    await expect(handlers['panel.context']({ division: DIVISION })).rejects.toMatchObject({
      code: 'network',
    });

    const context = await handlers['panel.context']({ division: DIVISION });
    setup.advance(REFERENCE_MAX_AGE_MS);
    setup.client.organisations.mockRejectedValueOnce(new UrenbrugError('network', 'offline'));
    expect(await handlers['panel.context']({ division: DIVISION })).toEqual(context);
  });

  it('includes this division’s mappings and the saved line defaults', async () => {
    const { handlers } = setup.start();
    const mapping: ClientMapping = {
      division: DIVISION,
      exactCustomerCode: '  1001 ',
      exactCustomerName: 'Bakkerij Jansen B.V.',
      keepingClientId: 123456,
    };
    expect(await handlers['mapping.saveClient'](mapping)).toEqual([
      { ...mapping, exactCustomerCode: '1001' },
    ]);
    await handlers['mapping.saveClient']({ ...mapping, exactCustomerCode: '1001', keepingClientId: 222 });
    await handlers['mapping.saveClient']({ ...mapping, division: 8 });
    const defaults = {
      defaultRateCents: 11000,
      defaultItemCode: 'ADVIES',
      rules: { 'p:573243': { rateCents: 12500 } },
    };
    expect(await handlers['lineDefaults.save'](defaults)).toEqual(defaults);

    const context = await handlers['panel.context']({ division: DIVISION });
    expect(context.clientMappings).toEqual([{ ...mapping, exactCustomerCode: '1001', keepingClientId: 222 }]);
    expect(context.lineDefaults).toEqual(defaults);
  });

  it.each([
    ['a division of 0', { division: 0 }],
    ['a division as text', { division: '7' }],
  ])('refuses %s', async (_label, request) => {
    const { handlers } = setup.start();
    await expect(handlers['panel.context'](request as { division: number })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });
});

describe('mappings and line defaults: bad input', () => {
  it.each([
    [
      'an empty customer code',
      { division: 7, exactCustomerCode: '  ', exactCustomerName: 'x', keepingClientId: 1 },
    ],
    ['a missing client id', { division: 7, exactCustomerCode: '1', exactCustomerName: 'x' }],
    [
      'a negative client id',
      { division: 7, exactCustomerCode: '1', exactCustomerName: 'x', keepingClientId: -1 },
    ],
  ])('refuses a mapping with %s', async (_label, request) => {
    const { handlers } = setup.start();
    await expect(handlers['mapping.saveClient'](request as ClientMapping)).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(await setup.db.count('mappings')).toBe(0);
  });

  it.each([
    ['a negative rate', { defaultRateCents: -1, defaultItemCode: 'UREN', rules: {} }],
    ['a fractional rate', { defaultRateCents: 95.5, defaultItemCode: 'UREN', rules: {} }],
    ['an empty item code', { defaultRateCents: 9500, defaultItemCode: '', rules: {} }],
    ['a rule with a bad key', { defaultRateCents: 9500, defaultItemCode: 'UREN', rules: { project: {} } }],
    [
      'a rule with a bad rate',
      { defaultRateCents: 9500, defaultItemCode: 'UREN', rules: { 'p:1': { rateCents: 'x' } } },
    ],
  ])('refuses line defaults with %s', async (_label, request) => {
    const { handlers } = setup.start();
    await expect(
      handlers['lineDefaults.save'](request as Parameters<(typeof handlers)['lineDefaults.save']>[0]),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await setup.db.count('mappings')).toBe(0);
  });

  it('needs a connection to remember anything', async () => {
    fake.testing.reset();
    const { handlers } = setup.start();
    await expect(
      handlers['lineDefaults.save']({ defaultRateCents: 1, defaultItemCode: 'X', rules: {} }),
    ).rejects.toMatchObject({ code: 'not_connected' });
  });
});

describe('invoice records', () => {
  it('keeps the selection across a worker restart', async () => {
    const first = setup.start().handlers;
    expect(await first['invoice.load'](draftRef())).toBeNull();
    const saved = await first['invoice.saveSelection']({ ref: draftRef(), selection });
    expect(saved).toMatchObject({ key: '7:draft:draft-1', selection, lines: [], linkedEntryIds: [] });
    // Only the contract's fields leave the background.
    expect(Object.keys(saved).sort()).toEqual(
      [
        'division',
        'draftKey',
        'invoiceId',
        'invoiceNumber',
        'key',
        'lines',
        'linkedEntryIds',
        'selection',
        'updatedAt',
      ].sort(),
    );

    const restarted = setup.start().handlers;
    expect(await restarted['invoice.load'](draftRef())).toEqual(saved);
  });

  it('recording the same fill twice neither duplicates lines nor links; a smaller fill unlinks', async () => {
    const { handlers } = setup.start();
    const lines = [line('a', [101, 102]), line('b', [104])];
    await handlers['invoice.recordFill']({ ref: draftRef(), lines });
    const again = await handlers['invoice.recordFill']({ ref: draftRef(), lines });
    expect(again.lines).toHaveLength(2);
    expect(again.linkedEntryIds).toEqual([101, 102, 104]);

    const smaller = await handlers['invoice.recordFill']({ ref: draftRef(), lines: [line('a', [101, 102])] });
    expect(smaller.linkedEntryIds).toEqual([101, 102]);
    const audit = await readAudit(setup.db, '7:draft:draft-1');
    expect(audit.map((record) => [record.action, record.entryIds])).toEqual([
      ['fill', [101, 102, 104]],
      ['fill', [101, 102, 104]],
      ['fill', [101, 102]],
      ['unlink', [104]],
    ]);
  });

  it('keeps one-click links when the lines are filled again, and unlinks from lines and links alike', async () => {
    const { handlers } = setup.start();
    await handlers['invoice.link']({ ref: draftRef(), invoiceNumber: null, entryIds: [105] });
    const filled = await handlers['invoice.recordFill']({ ref: draftRef(), lines: [line('a', [101, 102])] });
    expect(filled.linkedEntryIds).toEqual([101, 102, 105]);

    const unlinked = await handlers['invoice.unlink']({ ref: draftRef(), entryIds: [102, 105] });
    expect(unlinked.linkedEntryIds).toEqual([101]);
    expect(unlinked.lines[0]?.entryIds).toEqual([101]);
    // A draft is never written to Keeping.
    expect(await setup.db.count('writeback')).toBe(0);
  });

  it('moves a draft to the saved invoice’s key, merging a record already there', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    await handlers['invoice.saveSelection']({ ref: draftRef(), selection });
    await handlers['invoice.recordFill']({ ref: draftRef(), lines: [line('a', [101])] });
    // Something already knew the real invoice (a link made from another screen).
    await handlers['invoice.link']({ ref: savedRef(), invoiceNumber: null, entryIds: [105] });
    setup.advance(1000);

    const saved = await handlers['invoice.saved']({
      draft: draftRef(),
      invoiceId: `{${INVOICE_ID.toUpperCase()}}`,
      invoiceNumber: ' 20260042 ',
    });
    expect(saved).toMatchObject({
      key: `7:${INVOICE_ID}`,
      invoiceId: INVOICE_ID,
      draftKey: null,
      invoiceNumber: '20260042',
      selection,
      linkedEntryIds: [101, 105],
    });
    expect(saved.lines.map((filled) => filled.lineKey)).toEqual(['a']);
    expect(await handlers['invoice.load'](draftRef())).toBeNull();
    expect(await handlers['invoice.load'](savedRef())).toEqual(saved);
    expect(await setup.db.count('invoices')).toBe(1);
  });

  it('indexes which invoice bills an entry, preferring a saved invoice', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    await handlers['entries.range']({
      from: '2026-05-01',
      to: '2026-05-31',
      keepingClientId: 123456,
      fresh: true,
    });
    await handlers['invoice.link']({ ref: savedRef(), invoiceNumber: '20260042', entryIds: [101] });
    await handlers['invoice.link']({ ref: draftRef(), invoiceNumber: null, entryIds: [101, 102] });
    const view = await handlers['entries.range']({
      from: '2026-05-01',
      to: '2026-05-31',
      keepingClientId: 123456,
      fresh: false,
    });
    expect(view.localLinks).toEqual({
      101: { invoiceKey: `7:${INVOICE_ID}`, invoiceLabel: '20260042' },
      102: { invoiceKey: '7:draft:draft-1', invoiceLabel: '' },
    });
    await handlers['invoice.unlink']({ ref: savedRef(), entryIds: [101] });
    await handlers['invoice.unlink']({ ref: draftRef(), entryIds: [102] });
    const after = await handlers['entries.range']({
      from: '2026-05-01',
      to: '2026-05-31',
      keepingClientId: 123456,
      fresh: false,
    });
    expect(after.localLinks).toEqual({ 101: { invoiceKey: '7:draft:draft-1', invoiceLabel: '' } });
  });

  it.each([
    ['neither id nor draft key', { division: 7, invoiceId: null, draftKey: null }],
    ['a malformed invoice id', { division: 7, invoiceId: 'not-a-guid', draftKey: null }],
    ['a draft key with markup', { division: 7, invoiceId: null, draftKey: '<img>' }],
    ['no division', { invoiceId: null, draftKey: 'x' }],
  ])('refuses an invoice reference with %s', async (_label, ref) => {
    const { handlers } = setup.start();
    await expect(handlers['invoice.load'](ref as ReturnType<typeof draftRef>)).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(
      handlers['invoice.saveSelection']({ ref: ref as ReturnType<typeof draftRef>, selection }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it.each([
    ['an unknown grouping', { ...selection, grouping: 'client' }],
    ['a rounding unit not offered', { ...selection, rounding: { unit: 7, mode: 'up', scope: 'line' } }],
    ['a custom period without dates', { ...selection, period: { preset: 'custom' } }],
    ['excluded ids as text', { ...selection, excludedEntryIds: ['104'] }],
  ])('refuses a selection with %s and stores nothing', async (_label, bad) => {
    const { handlers } = setup.start();
    await expect(
      handlers['invoice.saveSelection']({ ref: draftRef(), selection: bad as InvoiceSelection }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await setup.db.count('invoices')).toBe(0);
  });

  it('refuses lines with repeated keys or bad numbers, and an unlink of an unknown invoice', async () => {
    const { handlers } = setup.start();
    await expect(
      handlers['invoice.recordFill']({ ref: draftRef(), lines: [line('a', [1]), line('a', [2])] }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      handlers['invoice.recordFill']({ ref: draftRef(), lines: [{ ...line('a', [1]), minutes: -1 }] }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(handlers['invoice.unlink']({ ref: draftRef(), entryIds: [1] })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      handlers['invoice.saved']({ draft: draftRef(), invoiceId: INVOICE_ID, invoiceNumber: '' }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await setup.db.count('invoices')).toBe(0);
  });
});

describe('the bookkeeper’s work and the connection', () => {
  it('survives a disconnect and a reconnect to the same organisation, not a move to another', async () => {
    const { handlers } = setup.start();
    await handlers['invoice.saveSelection']({ ref: draftRef(), selection });
    await handlers['lineDefaults.save']({ defaultRateCents: 1, defaultItemCode: 'X', rules: {} });
    await handlers['connection.disconnect']({});
    expect(await setup.db.count('invoices')).toBe(1);

    await handlers['connection.save']({ token: TOKEN, organisationId: ORG });
    expect((await handlers['invoice.load'](draftRef()))?.selection).toEqual(selection);

    setup.client.organisations.mockResolvedValue([sampleOrganisation({ id: 999, name: 'Ander kantoor' })]);
    setup.client.me.mockResolvedValue(sampleUser({ organisationId: 999 }));
    await handlers['connection.save']({ token: TOKEN, organisationId: 999 });
    expect(await handlers['invoice.load'](draftRef())).toBeNull();
    expect(await setup.db.count('invoices')).toBe(0);
    expect(await setup.db.count('mappings')).toBe(0);
  });
});
