import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { UrenbrugError } from '../../shared/errors';
import { badgeShown, storedItems } from '../../shared/testing/fake-browser';
import { getConnection, saveConnection } from '../account/connection';
import { updateSettings } from '../account/settings-store';
import { fetchKeys, openUrenbrugDb, readFetch, readReference, type UrenbrugDatabase } from '../db/database';
import type { WorkerDependencies } from '../dependencies';
import { sampleOrganisation, sampleProject, sampleUser } from '../testing/db-fixtures';
import { createFakeClient, entryOn, type FakeClient } from '../testing/fake-keeping';
import { createHandlers, type HandlerTable } from './table';

// 2026-06-12 10:00 in Amsterdam.
const NOW = Date.parse('2026-06-12T08:00:00Z');
const TOKEN = 'pat-0123456789abcdef';
const stored = {
  token: TOKEN,
  organisationId: 12345,
  organisationName: 'Boekhoudkantoor De Vries',
  userName: 'Anna van Doorn',
};

let counter = 0;
let db: UrenbrugDatabase;
let client: FakeClient;
let createClient: Mock<WorkerDependencies['createClient']>;
let handlers: HandlerTable;

beforeEach(async () => {
  counter += 1;
  db = await openUrenbrugDb(`handlers-test-${counter}`);
  client = createFakeClient([
    entryOn('2026-06-12', { minutes: 49 }),
    entryOn('2026-06-12', { id: 2, purpose: 'break', minutes: 30 }),
  ]);
  createClient = vi.fn(() => client);
  handlers = createHandlers({ db: async () => db, createClient, now: () => NOW });
});
afterEach(() => db.close());

describe('connection.test', () => {
  it('tries the trimmed token and answers the user of the first organisation and every organisation', async () => {
    const result = await handlers['connection.test']({ token: `  ${TOKEN}\n` });
    expect(createClient).toHaveBeenCalledWith(TOKEN, 'nl');
    expect(client.me).toHaveBeenCalledWith(1);
    expect(result).toEqual({
      user: { firstName: 'Anna', surname: 'van Doorn' },
      organisations: [sampleOrganisation({ id: 1, name: 'Ander' }), sampleOrganisation()],
    });
    // Testing stores nothing.
    expect(await getConnection()).toBeNull();
  });

  it('asks Keeping in the language the user chose', async () => {
    await updateSettings({ language: 'en' });
    await handlers['connection.test']({ token: TOKEN });
    expect(createClient).toHaveBeenCalledWith(TOKEN, 'en');
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['with a space inside', 'abc def'],
    ['with a line break inside', 'abc\ndef'],
    ['non-ASCII', 'tökén'],
    ['absurdly long', 'a'.repeat(5000)],
    ['not text', 12345],
  ])('refuses a token that is %s without calling Keeping', async (_label, token) => {
    await expect(handlers['connection.test']({ token: token as string })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(createClient).not.toHaveBeenCalled();
  });

  it('says so when the token reaches no organisation', async () => {
    client.organisations.mockResolvedValue([]);
    await expect(handlers['connection.test']({ token: TOKEN })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('passes Keeping’s refusal on', async () => {
    client.organisations.mockRejectedValue(new UrenbrugError('auth', 'Keeping answered 401', undefined, 401));
    await expect(handlers['connection.test']({ token: TOKEN })).rejects.toMatchObject({ code: 'auth' });
  });
});

describe('connection.save', () => {
  it('verifies, stores the connection and answers a status without the token', async () => {
    const status = await handlers['connection.save']({ token: TOKEN, organisationId: 12345 });
    expect(status).toEqual({
      connected: true,
      organisationId: 12345,
      organisationName: 'Boekhoudkantoor De Vries',
      userName: 'Anna van Doorn',
    });
    expect(JSON.stringify(status)).not.toContain(TOKEN);
    expect(await getConnection()).toEqual(stored);
    // The popup can show who and where before the first refresh.
    expect(await handlers['today.cached']({})).toMatchObject({
      date: '2026-06-12',
      entries: [],
      fetchedAt: null,
    });
  });

  it.each([
    [
      'Keeping refuses the token',
      (c: FakeClient) => c.me.mockRejectedValue(new UrenbrugError('auth', '401')),
      'auth',
    ],
    [
      'the organisation is not the token’s',
      (c: FakeClient) => c.organisations.mockResolvedValue([sampleOrganisation({ id: 1 })]),
      'not_found',
    ],
  ])('stores nothing when %s', async (_label, breakIt, code) => {
    breakIt(client);
    await expect(handlers['connection.save']({ token: TOKEN, organisationId: 12345 })).rejects.toMatchObject({
      code,
    });
    expect(await getConnection()).toBeNull();
  });

  it.each([0, -1, 1.5, Number.NaN, '12345'])('refuses organisation id %s', async (organisationId) => {
    await expect(
      handlers['connection.save']({ token: TOKEN, organisationId: organisationId as number }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    expect(createClient).not.toHaveBeenCalled();
  });

  it('wipes what the previous connection cached when the account or organisation changes', async () => {
    await handlers['connection.save']({ token: TOKEN, organisationId: 12345 });
    await handlers['today.refresh']({});
    expect(await badgeShown()).toBe('0:49');

    await handlers['connection.save']({ token: 'pat-another-account', organisationId: 12345 });
    expect(await readFetch(db, fetchKeys.reference(12345))).toBeUndefined();
    expect(await readReference(db, 12345, 'project')).toEqual([]);
    expect(await badgeShown()).toBe('');
  });

  it('keeps the cache when the same connection is saved again', async () => {
    await handlers['connection.save']({ token: TOKEN, organisationId: 12345 });
    await handlers['today.refresh']({});
    await handlers['connection.save']({ token: TOKEN, organisationId: 12345 });
    expect(await readReference(db, 12345, 'project')).toEqual([sampleProject()]);
  });
});

describe('connection.disconnect', () => {
  it('forgets the token, wipes every cached record and clears the badge', async () => {
    await handlers['connection.save']({ token: TOKEN, organisationId: 12345 });
    await handlers['today.refresh']({});
    const status = await handlers['connection.disconnect']({});
    expect(status.connected).toBe(false);
    expect(await getConnection()).toBeNull();
    expect(JSON.stringify(Object.values(await storedItems()))).not.toContain(TOKEN);
    for (const name of db.objectStoreNames) expect(await db.count(name)).toBe(0);
    expect(await badgeShown()).toBe('');
    expect(await handlers['today.cached']({})).toBeNull();
  });
});

describe('today', () => {
  it('answers null from the cache and not_connected on refresh when not connected', async () => {
    expect(await handlers['today.cached']({})).toBeNull();
    await expect(handlers['today.refresh']({})).rejects.toMatchObject({ code: 'not_connected' });
    expect(createClient).not.toHaveBeenCalled();
  });

  it('refreshes with the stored token, sets the badge to the worked total and serves it from cache', async () => {
    await saveConnection(stored);
    const view = await handlers['today.refresh']({});
    expect(createClient).toHaveBeenCalledWith(TOKEN, 'nl');
    expect(view.entries).toHaveLength(2);
    // Work only: the 30-minute break does not count.
    expect(await badgeShown()).toBe('0:49');
    expect(await handlers['today.cached']({})).toEqual(view);
  });

  it('leaves badge and cache alone when the refresh fails', async () => {
    await saveConnection(stored);
    const first = await handlers['today.refresh']({});
    client.timeEntries.mockRejectedValue(new UrenbrugError('network', 'offline'));
    await expect(handlers['today.refresh']({})).rejects.toMatchObject({ code: 'network' });
    expect(await badgeShown()).toBe('0:49');
    expect(await handlers['today.cached']({})).toEqual(first);
  });

  it('keeps the stored names in step with Keeping', async () => {
    await saveConnection({ ...stored, userName: 'Old Name', organisationName: 'Old Org' });
    await handlers['today.refresh']({});
    expect(await getConnection()).toEqual(stored);
  });

  it('leaves nothing behind when disconnected while the refresh ran', async () => {
    await saveConnection(stored);
    client.timeEntries.mockImplementation(async (_org, query) => {
      await handlers['connection.disconnect']({});
      return { entries: [entryOn('2026-06-12')], date: query.date ?? '', userId: sampleUser().id };
    });
    await expect(handlers['today.refresh']({})).rejects.toMatchObject({ code: 'not_connected' });
    for (const name of db.objectStoreNames) expect(await db.count(name)).toBe(0);
    expect(await badgeShown()).toBe('');
  });

  it('leaves nothing behind when another account was connected while the refresh ran', async () => {
    await saveConnection(stored);
    client.timeEntries.mockImplementation(async (_org, query) => {
      await saveConnection({ ...stored, token: 'pat-someone-else' });
      return { entries: [entryOn('2026-06-12')], date: query.date ?? '', userId: sampleUser().id };
    });
    await expect(handlers['today.refresh']({})).rejects.toMatchObject({ code: 'not_connected' });
    for (const name of db.objectStoreNames) expect(await db.count(name)).toBe(0);
    expect(await getConnection()).toMatchObject({ token: 'pat-someone-else' });
  });
});

describe('settings and status', () => {
  it('reads and writes settings', async () => {
    expect(await handlers['settings.get']({})).toEqual({ language: null });
    expect(await handlers['settings.set']({ language: 'en' })).toEqual({ language: 'en' });
    await expect(handlers['settings.set']({ language: 'xx' as 'en' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('reports the connection status', async () => {
    expect((await handlers['connection.status']({})).connected).toBe(false);
    await saveConnection(stored);
    expect(await handlers['connection.status']({})).toMatchObject({ connected: true, organisationId: 12345 });
  });
});
