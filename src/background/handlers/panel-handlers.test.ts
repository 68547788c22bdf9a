import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UrenbrugError } from '../../shared/errors';
import type { ClientMapping, InvoiceRecord, InvoiceSelection } from '../../shared/invoice-types';
import { clearConnection } from '../account/connection';
import { REFERENCE_MAX_AGE_MS } from '../cache/reference-fetch';
import { readAudit } from '../records/audit-log';
import { sampleOrganisation, sampleUser } from '../testing/db-fixtures';
import {
  asPanel,
  BAKKERIJ,
  DIVISION,
  draftRef,
  hexOf,
  INVOICE_ID,
  line,
  ORG,
  OTHER_CLIENT,
  type PanelSetup,
  savedRef,
  selection,
  setupPanel,
  TOKEN,
} from '../testing/panel-setup';
import type { HandlerTable } from './table';

let setup: PanelSetup;
beforeEach(async () => {
  setup = await setupPanel();
});
afterEach(() => setup.close());

describe('panel.context', () => {
  it('without a connection: says so, with the default line settings and Amsterdam’s today', async () => {
    await clearConnection();
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

  it('remembers a division’s quantity precision, and answers 2 decimals before that', async () => {
    const { handlers } = setup.start();
    expect((await handlers['panel.context']({ division: DIVISION })).quantityPrecision).toEqual({
      division: DIVISION,
      decimals: 2,
      source: 'default',
    });
    const detected = { division: DIVISION, decimals: 3, source: 'detected' } as const;
    expect(await handlers['precision.save'](detected)).toEqual(detected);
    expect((await setup.start().handlers['panel.context']({ division: DIVISION })).quantityPrecision).toEqual(
      detected,
    );
    // Another division keeps Exact's default.
    expect((await handlers['panel.context']({ division: DIVISION + 1 })).quantityPrecision.decimals).toBe(2);
  });

  it.each([
    ['4 decimals', { division: 7, decimals: 4, source: 'setting' }],
    ['a made-up source', { division: 7, decimals: 2, source: 'default' }],
    ['no division', { division: 0, decimals: 2, source: 'setting' }],
  ])('refuses a precision with %s', async (_label, request) => {
    const { handlers } = setup.start();
    await expect(
      handlers['precision.save'](request as Parameters<(typeof handlers)['precision.save']>[0]),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await setup.db.count('mappings')).toBe(0);
  });

  it('needs a connection to remember anything', async () => {
    await clearConnection();
    const { handlers } = setup.start();
    await expect(
      handlers['lineDefaults.save']({ defaultRateCents: 1, defaultItemCode: 'X', rules: {} }),
    ).rejects.toMatchObject({ code: 'not_connected' });
  });
});

describe('invoice records', () => {
  beforeEach(() => setup.cacheFirm());

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
        'keepingClientId',
        'key',
        'lines',
        'linkedEntryIds',
        'revision',
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
    await asPanel(handlers).recordFill({ ref: draftRef(), lines });
    const again = await asPanel(handlers).recordFill({ ref: draftRef(), lines });
    expect(again.lines).toHaveLength(2);
    expect(again.linkedEntryIds).toEqual([101, 102, 104]);

    const smaller = await asPanel(handlers).recordFill({ ref: draftRef(), lines: [line('a', [101, 102])] });
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
    await asPanel(handlers).link({ ref: draftRef(), invoiceNumber: null, entryIds: [105] });
    const filled = await asPanel(handlers).recordFill({ ref: draftRef(), lines: [line('a', [101, 102])] });
    expect(filled.linkedEntryIds).toEqual([101, 102, 105]);

    const unlinked = await asPanel(handlers).unlink({ ref: draftRef(), entryIds: [102, 105] });
    expect(unlinked.linkedEntryIds).toEqual([101]);
    expect(unlinked.lines[0]?.entryIds).toEqual([101]);
    // A draft is never written to Keeping.
    expect(await setup.db.count('writeback')).toBe(0);
  });

  it('moves a draft to the saved invoice’s key when the saved grid shows its lines', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    await handlers['invoice.saveSelection']({ ref: draftRef(), selection });
    await asPanel(handlers).recordFill({ ref: draftRef(), lines: [line('a', [101])] });
    await asPanel(handlers).link({ ref: draftRef(), invoiceNumber: null, entryIds: [105] });
    setup.advance(1000);

    const saved = await handlers['invoice.saved']({
      draft: draftRef(),
      invoiceId: `{${INVOICE_ID.toUpperCase()}}`,
      invoiceNumber: ' 20260042 ',
      // Exact's grid: the draft's line and one a person added by hand.
      rowHashes: [hexOf('by hand'), line('a', [101]).hash],
    });
    expect(saved).toMatchObject({
      key: `7:${INVOICE_ID}`,
      invoiceId: INVOICE_ID,
      draftKey: null,
      invoiceNumber: '20260042',
      selection,
      linkedEntryIds: [101, 105],
      keepingClientId: 123456,
      revision: 3,
    });
    expect(saved.lines.map((filled) => filled.lineKey)).toEqual(['a']);
    expect(await handlers['invoice.load'](draftRef())).toBeNull();
    expect(await handlers['invoice.load'](savedRef())).toEqual(saved);
    expect(await setup.db.count('invoices')).toBe(1);
    expect(await setup.db.count('writeback')).toBe(2);
  });

  /** A draft of 3 entries on 2 lines, as the panel left it before the bookkeeper pressed Save. */
  async function filledDraft(handlers: HandlerTable) {
    await handlers['invoice.saveSelection']({ ref: draftRef(), selection });
    return asPanel(handlers).recordFill({
      ref: draftRef(),
      lines: [line('a', [101, 102]), line('b', [105])],
    });
  }

  async function expectDraftIntact(handlers: HandlerTable, draft: InvoiceRecord) {
    expect(await handlers['invoice.load'](draftRef())).toEqual(draft);
    expect(await setup.db.count('writeback')).toBe(0);
    expect((await readAudit(setup.db, `7:${INVOICE_ID}`)).length).toBe(0);
  }

  it('refuses to move a draft onto an invoice that already has a record: the draft stays a draft', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    const draft = await filledDraft(handlers);
    // The invoice opened and saved was one Urenbrug already knows (its selection was stored).
    const other = await handlers['invoice.saveSelection']({ ref: savedRef(), selection });
    await expect(
      handlers['invoice.saved']({
        draft: draftRef(),
        invoiceId: INVOICE_ID,
        invoiceNumber: '20260999',
        rowHashes: draft.lines.map((filled) => filled.hash),
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expectDraftIntact(handlers, draft);
    expect(await handlers['invoice.load'](savedRef())).toEqual(other);
  });

  it('refuses to move a draft onto a saved invoice whose grid does not show the draft’s lines', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    const draft = await filledDraft(handlers);
    for (const rowHashes of [[], [hexOf('Werkzaamheden')], [line('a', []).hash, hexOf('Werkzaamheden')]]) {
      await expect(
        handlers['invoice.saved']({
          draft: draftRef(),
          invoiceId: INVOICE_ID,
          invoiceNumber: '20260999',
          rowHashes,
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
    }
    await expectDraftIntact(handlers, draft);
    // Two lines with the same content need two rows showing it.
    await asPanel(handlers).recordFill({
      ref: draftRef(),
      lines: [line('a', [101]), { ...line('b', [102]), hash: line('a', []).hash }],
    });
    await expect(
      handlers['invoice.saved']({
        draft: draftRef(),
        invoiceId: INVOICE_ID,
        invoiceNumber: '20260999',
        rowHashes: [line('a', []).hash],
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await setup.db.count('writeback')).toBe(0);
    expect(await handlers['invoice.load'](savedRef())).toBeNull();
  });

  it('a save with no draft record writes nothing', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    const answer = await handlers['invoice.saved']({
      draft: draftRef('never-used'),
      invoiceId: INVOICE_ID,
      invoiceNumber: '20260042',
      rowHashes: [],
    });
    expect(answer).toMatchObject({ invoiceId: INVOICE_ID, linkedEntryIds: [], revision: 0 });
    expect(await setup.db.count('invoices')).toBe(0);
  });

  it('indexes which invoice bills an entry, preferring a saved invoice', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    await handlers['entries.range']({
      from: '2026-05-01',
      to: '2026-05-31',
      keepingClientId: 123456,
      fresh: true,
    });
    await asPanel(handlers).link({ ref: savedRef(), invoiceNumber: '20260042', entryIds: [101] });
    await asPanel(handlers).link({ ref: draftRef(), invoiceNumber: null, entryIds: [101, 102] });
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
    await asPanel(handlers).unlink({ ref: savedRef(), entryIds: [101] });
    await asPanel(handlers).unlink({ ref: draftRef(), entryIds: [102] });
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
      asPanel(handlers).recordFill({ ref: draftRef(), lines: [line('a', [1]), line('a', [2])] }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      asPanel(handlers).recordFill({ ref: draftRef(), lines: [{ ...line('a', [1]), minutes: -1 }] }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(asPanel(handlers).unlink({ ref: draftRef(), entryIds: [1] })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      asPanel(handlers).saved({ draft: draftRef(), invoiceId: INVOICE_ID, invoiceNumber: '' }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await setup.db.count('invoices')).toBe(0);
  });
});

describe('revisions: two tabs on one invoice', () => {
  beforeEach(() => setup.cacheFirm());

  it('a stale revision is refused: the first tab’s fill stays, nothing is unlinked', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    // Both tabs open the saved invoice before either has done anything: both hold revision 0.
    const first = await handlers['invoice.recordFill']({
      ref: savedRef(),
      lines: [line('a', [101, 102]), line('b', [105])],
      revision: 0,
      keepingClientId: BAKKERIJ,
    });
    expect(first.revision).toBe(1);

    const second = { ref: savedRef(), revision: 0 };
    await expect(
      handlers['invoice.recordFill']({ ...second, lines: [line('a', [101])], keepingClientId: BAKKERIJ }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      handlers['invoice.link']({
        ...second,
        invoiceNumber: null,
        entryIds: [104],
        keepingClientId: BAKKERIJ,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(handlers['invoice.unlink']({ ...second, entryIds: [102] })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await handlers['invoice.load'](savedRef())).toEqual(first);
    expect((await readAudit(setup.db, `7:${INVOICE_ID}`)).map((record) => record.action)).toEqual(['fill']);

    // Reloaded, the second tab works against revision 1, and each change counts one up.
    const linked = await handlers['invoice.link']({
      ...second,
      revision: 1,
      invoiceNumber: '20260042',
      entryIds: [104],
      keepingClientId: BAKKERIJ,
    });
    expect(linked).toMatchObject({ revision: 2, linkedEntryIds: [101, 102, 104, 105] });
    const unlinked = await handlers['invoice.unlink']({ ref: savedRef(), revision: 2, entryIds: [104] });
    expect(unlinked.revision).toBe(3);
    // The selection is not billing: saving it neither needs nor changes the revision.
    expect((await handlers['invoice.saveSelection']({ ref: savedRef(), selection })).revision).toBe(3);
  });

  it('refuses a change without a revision', async () => {
    const { handlers } = setup.start();
    await expect(
      handlers['invoice.link']({
        ref: savedRef(),
        invoiceNumber: null,
        entryIds: [101],
        keepingClientId: BAKKERIJ,
      } as unknown as Parameters<HandlerTable['invoice.link']>[0]),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await setup.db.count('invoices')).toBe(0);
  });
});

describe('what the content tier claims is checked', () => {
  beforeEach(() => setup.cacheFirm());

  it('refuses to link or fill another client’s entry, or one it never fetched; nothing is written', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    const attempts = [
      // 103 is a cached entry of the other client (Loonadministratie), claimed as Bakkerij's.
      () => asPanel(handlers).link({ ref: savedRef(), invoiceNumber: '20260042', entryIds: [101, 103] }),
      () => asPanel(handlers).recordFill({ ref: savedRef(), lines: [line('a', [103])] }),
      // 999 was never fetched.
      () => asPanel(handlers).link({ ref: savedRef(), invoiceNumber: '20260042', entryIds: [999] }),
      // Hours without a client.
      () =>
        asPanel(handlers).recordFill({ ref: draftRef(), lines: [line('a', [101])], keepingClientId: null }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ code: 'invalid_request' });
    }
    expect(await setup.db.count('invoices')).toBe(0);
    expect(await setup.db.count('writeback')).toBe(0);
    expect(await setup.db.count('audit')).toBe(0);
  });

  it('keeps an invoice to one client: another client’s hours need the first ones taken off', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    const billed = await asPanel(handlers).link({
      ref: savedRef(),
      invoiceNumber: '20260042',
      entryIds: [101],
    });
    expect(billed.keepingClientId).toBe(BAKKERIJ);
    await expect(
      asPanel(handlers).link({
        ref: savedRef(),
        invoiceNumber: null,
        entryIds: [103],
        keepingClientId: OTHER_CLIENT,
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await handlers['invoice.load'](savedRef())).toEqual(billed);
    expect(await setup.db.count('writeback')).toBe(1);

    await asPanel(handlers).unlink({ ref: savedRef(), entryIds: [101] });
    const moved = await asPanel(handlers).link({
      ref: savedRef(),
      invoiceNumber: null,
      entryIds: [103],
      keepingClientId: OTHER_CLIENT,
    });
    expect(moved).toMatchObject({ keepingClientId: OTHER_CLIENT, linkedEntryIds: [103] });
  });

  it.each([
    ['markup from the page', '<img src=x onerror=alert(1)>'],
    ['a sentence', 'Factuur 20260042'],
    ['more than Exact’s Int32 holds', '2147483648'],
    ['too long', '1-2-3-4-5-6-7-8-9-10-11'],
    ['a separator at the end', '2026-'],
  ])('refuses an invoice number with %s, on a save and on a link', async (_label, invoiceNumber) => {
    const { handlers } = setup.start({ holdWriteBack: true });
    await asPanel(handlers).recordFill({ ref: draftRef(), lines: [line('a', [101])] });
    await expect(
      asPanel(handlers).saved({ draft: draftRef(), invoiceId: INVOICE_ID, invoiceNumber }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      asPanel(handlers).link({ ref: savedRef(), invoiceNumber, entryIds: [101] }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await handlers['invoice.load'](savedRef())).toBeNull();
    expect(await setup.db.count('writeback')).toBe(0);
  });

  it.each(['20260042', '2147483647', '2026-0042', '2026.42'])(
    'takes the invoice number %s as Exact writes it',
    async (invoiceNumber) => {
      const { handlers } = setup.start({ holdWriteBack: true });
      const linked = await asPanel(handlers).link({ ref: savedRef(), invoiceNumber, entryIds: [101] });
      expect(linked.invoiceNumber).toBe(invoiceNumber);
    },
  );
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
    // Asked first: the other organisation's work is counted, nothing changes, a back-up is offered.
    const asked = await handlers['connection.save']({ token: TOKEN, organisationId: 999 }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(asked).toMatchObject({
      code: 'conflict',
      reason: { kind: 'organisation_switch', organisationId: ORG, invoices: 1, marks: 0 },
    });
    expect(await setup.db.count('invoices')).toBe(1);
    expect((await handlers['connection.status']({})).organisationId).toBe(ORG);
    const backup = await handlers['backup.export']({ organisationId: ORG });
    expect(backup.invoices).toHaveLength(1);
    expect(backup.lineDefaults?.defaultItemCode).toBe('X');

    await handlers['connection.save']({ token: TOKEN, organisationId: 999, dropOtherWork: true });
    expect(await handlers['invoice.load'](draftRef())).toBeNull();
    expect(await setup.db.count('invoices')).toBe(0);
    expect(await setup.db.count('mappings')).toBe(0);
  });
});
