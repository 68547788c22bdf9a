import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UrenbrugError } from '../../shared/errors';
import { clearConnection, saveConnection } from '../account/connection';
import { sampleEntry, sampleUser } from '../testing/db-fixtures';
import { asPanel, BAKKERIJ, draftRef, ORG, type PanelSetup, setupPanel } from '../testing/panel-setup';
import { RANGE_FRESH_MS } from './entries-range';
import { runningReads } from './range-reads';

const MAY = { from: '2026-05-01', to: '2026-05-31', keepingClientId: BAKKERIJ };
const ids = (view: { entries: { id: number }[] }) => view.entries.map((entry) => entry.id);

let setup: PanelSetup;
beforeEach(async () => {
  setup = await setupPanel();
});
afterEach(() => setup.close());

describe('entries.range', () => {
  it('answers from the cache at once, then fresh from Keeping, then from the cache with its age', async () => {
    const { handlers } = setup.start();
    expect(await handlers['entries.range']({ ...MAY, fresh: false })).toEqual({
      entries: [],
      fetchedAt: null,
      localLinks: {},
      fresh: false,
    });
    expect(setup.client.reportTimeEntries).not.toHaveBeenCalled();

    const fresh = await handlers['entries.range']({ ...MAY, fresh: true });
    // A team member asks for exactly their own entries (docs/keeping-api.md, Reading entries).
    expect(setup.client.reportTimeEntries).toHaveBeenCalledWith(
      ORG,
      {
        from: '2026-05-01',
        to: '2026-05-31',
        clientIds: [BAKKERIJ],
        userIds: [sampleUser().id],
      },
      undefined,
      undefined,
      expect.any(Function),
    );
    expect(ids(fresh)).toEqual([101, 102]);
    expect(fresh.fetchedAt).toBe(Date.parse('2026-06-12T08:00:00Z'));

    setup.advance(60_000);
    expect(await handlers['entries.range']({ ...MAY, fresh: false })).toEqual({ ...fresh, fresh: true });
    expect(setup.client.reportTimeEntries).toHaveBeenCalledOnce();
  });

  it('names the entries the read left out, in the fresh answer and in the cached one after it', async () => {
    const { handlers } = setup.start();
    const real = setup.client.reportTimeEntries.getMockImplementation()!;
    setup.client.reportTimeEntries.mockImplementationOnce(async (org, query, onPage, signal, onLeftOut) => {
      const entries = await real(org, query, onPage, signal);
      onLeftOut?.([{ id: 123, reason: 'date' }]);
      return entries;
    });
    const fresh = await handlers['entries.range']({ ...MAY, fresh: true });
    expect(ids(fresh)).toEqual([101, 102]);
    expect(fresh.leftOut).toEqual([{ id: 123, reason: 'date' }]);
    expect((await handlers['entries.range']({ ...MAY, fresh: false })).leftOut).toEqual([
      { id: 123, reason: 'date' },
    ]);
    // A later clean read forgets them.
    const clean = await handlers['entries.range']({ ...MAY, fresh: true, force: true });
    expect(clean.leftOut).toBeUndefined();
    expect((await handlers['entries.range']({ ...MAY, fresh: false })).leftOut).toBeUndefined();
  });

  it('asks an administrator for everyone’s entries', async () => {
    setup.close();
    setup = await setupPanel({ me: sampleUser({ role: 'administrator' }) });
    const { handlers } = setup.start();
    const view = await handlers['entries.range']({ ...MAY, fresh: true });
    expect(setup.client.reportTimeEntries.mock.calls[0]?.[1].userIds).toBeUndefined();
    expect(ids(view)).toEqual([101, 104, 102]);
  });

  it('drops entries Keeping no longer has for that client, and keeps other clients’ and days’ entries', async () => {
    const { handlers } = setup.start();
    await handlers['entries.range']({ ...MAY, fresh: true });
    await handlers['entries.range']({ ...MAY, keepingClientId: 222, fresh: true });
    await handlers['entries.range']({ ...MAY, from: '2026-06-01', to: '2026-06-30', fresh: true });

    setup.keeping.remove(101);
    setup.keeping.set(sampleEntry({ id: 106, date: '2026-05-29', start: null, end: null }));
    expect(ids(await handlers['entries.range']({ ...MAY, fresh: true, force: true }))).toEqual([102, 106]);
    expect(ids(await handlers['entries.range']({ ...MAY, keepingClientId: 222, fresh: false }))).toEqual([
      103,
    ]);
    expect(
      ids(await handlers['entries.range']({ ...MAY, from: '2026-06-01', to: '2026-06-30', fresh: false })),
    ).toEqual([105]);
  });

  it('leaves the cache as it was when the fetch fails, and passes the error on', async () => {
    const { handlers } = setup.start();
    const first = await handlers['entries.range']({ ...MAY, fresh: true });
    setup.client.reportTimeEntries.mockRejectedValueOnce(new UrenbrugError('network', 'offline'));
    setup.advance(60_000);
    await expect(handlers['entries.range']({ ...MAY, fresh: true, force: true })).rejects.toMatchObject({
      code: 'network',
    });
    expect(await handlers['entries.range']({ ...MAY, fresh: false })).toMatchObject(first);
  });

  it('refuses what Keeping sent outside the range and keeps the cache', async () => {
    const { handlers } = setup.start();
    const first = await handlers['entries.range']({ ...MAY, fresh: true });
    setup.client.reportTimeEntries.mockResolvedValueOnce([sampleEntry({ id: 200, date: '2026-07-01' })]);
    await expect(handlers['entries.range']({ ...MAY, fresh: true, force: true })).rejects.toMatchObject({
      code: 'unexpected_response',
    });
    expect(await handlers['entries.range']({ ...MAY, fresh: false })).toMatchObject(first);
  });

  it('writes nothing when the connection changed while Keeping answered', async () => {
    const { handlers } = setup.start();
    setup.client.reportTimeEntries.mockImplementationOnce(async () => {
      await saveConnection({ token: 'pat-other', organisationId: ORG, organisationName: 'x', userName: 'y' });
      return [sampleEntry({ id: 101, date: '2026-05-04' })];
    });
    await expect(handlers['entries.range']({ ...MAY, fresh: true })).rejects.toMatchObject({
      code: 'not_connected',
    });
    expect(await setup.db.count('entries')).toBe(0);
  });

  it('includes this install’s links of the returned entries', async () => {
    const { handlers } = setup.start();
    await handlers['entries.range']({ ...MAY, fresh: true });
    await asPanel(handlers).link({ ref: draftRef(), invoiceNumber: null, entryIds: [102] });
    const view = await handlers['entries.range']({ ...MAY, fresh: false });
    expect(view.localLinks).toEqual({ 102: { invoiceKey: '7:draft:draft-1', invoiceLabel: '' } });
  });

  it.each([
    ['a reversed range', { ...MAY, from: '2026-06-01' }],
    ['an impossible date', { ...MAY, to: '2026-02-30' }],
    ['more than a year', { ...MAY, from: '2025-01-01' }],
    ['a fractional client id', { ...MAY, keepingClientId: 1.5 }],
    ['a client id as text', { ...MAY, keepingClientId: '123456' }],
  ])('refuses %s without asking Keeping', async (_label, request) => {
    const { handlers } = setup.start();
    await expect(
      handlers['entries.range']({ ...(request as typeof MAY), fresh: true }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(setup.client.reportTimeEntries).not.toHaveBeenCalled();
  });

  it('says not_connected without a connection', async () => {
    await clearConnection();
    const { handlers } = setup.start();
    await expect(handlers['entries.range']({ ...MAY, fresh: false })).rejects.toMatchObject({
      code: 'not_connected',
    });
  });
});

describe('entries.range: the freshness window and running reads', () => {
  it('asks Keeping nothing for a refresh inside the freshness window, and again after it', async () => {
    const { handlers } = setup.start();
    await handlers['entries.range']({ ...MAY, fresh: true });
    expect(setup.client.reportTimeEntries).toHaveBeenCalledOnce();
    const calls = () =>
      Object.values(setup.client).reduce(
        (sum, fn) => sum + (vi.isMockFunction(fn) ? fn.mock.calls.length : 0),
        0,
      );
    const before = calls();

    setup.advance(RANGE_FRESH_MS - 1_000);
    const cached = await handlers['entries.range']({ ...MAY, fresh: true });
    expect(cached.fresh).toBe(true);
    // Not one Keeping call of any kind.
    expect(calls()).toBe(before);

    // The refresh button forces a read inside the window.
    await handlers['entries.range']({ ...MAY, fresh: true, force: true });
    expect(setup.client.reportTimeEntries).toHaveBeenCalledTimes(2);

    setup.advance(RANGE_FRESH_MS);
    expect((await handlers['entries.range']({ ...MAY, fresh: false })).fresh).toBe(false);
    await handlers['entries.range']({ ...MAY, fresh: true });
    expect(setup.client.reportTimeEntries).toHaveBeenCalledTimes(3);
  });

  it('shows the pages a first read has received, with its progress, and cancels it when superseded', async () => {
    const { handlers } = setup.start();
    let release: () => void = () => undefined;
    const signals: AbortSignal[] = [];
    setup.client.reportTimeEntries.mockImplementationOnce(async (_org, _query, onPage, signal) => {
      if (signal) signals.push(signal);
      onPage?.(1, 3, [sampleEntry({ id: 101, date: '2026-05-04' })]);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      if (signal?.aborted) throw new UrenbrugError('cancelled', 'superseded');
      return [sampleEntry({ id: 101, date: '2026-05-04' })];
    });
    const readerId = 'reader-0001';
    const first = handlers['entries.range']({ ...MAY, fresh: true, readerId });
    await vi.waitFor(() => expect(signals).toHaveLength(1));

    const partial = await handlers['entries.range']({ ...MAY, fresh: false, readerId });
    expect(ids(partial)).toEqual([101]);
    expect(partial.fetchedAt).toBeNull();
    expect(partial.progress).toEqual({ pages: 1, totalPages: 3, entries: 1 });
    expect(await handlers['entries.progress']({ readerId })).toEqual({ pages: 1, totalPages: 3, entries: 1 });

    // The same reader moves to June: May's read is aborted before its next page.
    const june = handlers['entries.range']({
      ...MAY,
      from: '2026-06-01',
      to: '2026-06-30',
      fresh: true,
      readerId,
    });
    await vi.waitFor(() => expect(signals[0]?.aborted).toBe(true));
    release();
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
    await june;
    expect(runningReads()).toBe(0);
    // Nothing of the cancelled read was stored as a complete fetch.
    expect((await handlers['entries.range']({ ...MAY, fresh: false })).fetchedAt).toBeNull();
  });

  it('stops a reader’s read on entries.cancel', async () => {
    const { handlers } = setup.start();
    let seen: AbortSignal | undefined;
    setup.client.reportTimeEntries.mockImplementationOnce(async (_org, _query, _onPage, signal) => {
      seen = signal;
      await new Promise((resolve) => signal?.addEventListener('abort', resolve));
      throw new UrenbrugError('cancelled', 'stopped');
    });
    const read = handlers['entries.range']({ ...MAY, fresh: true, readerId: 'reader-0002' });
    await vi.waitFor(() => expect(seen).toBeDefined());
    expect(await handlers['entries.cancel']({ readerId: 'reader-0002' })).toEqual({ cancelled: true });
    await expect(read).rejects.toMatchObject({ code: 'cancelled' });
    expect(await handlers['entries.progress']({ readerId: 'reader-0002' })).toBeNull();
  });
});
