import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeShown, fakeBrowser } from '../../shared/testing/fake-browser';
import { saveConnection } from '../account/connection';
import { openUrenbrugDb, type UrenbrugDatabase } from '../db/database';
import { createFakeClient, entryOn } from '../testing/fake-keeping';
import { restoreBadge } from './restore-badge';
import { refreshToday } from './today';

const NOW = Date.parse('2026-06-12T08:00:00Z');
let db: UrenbrugDatabase;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = await openUrenbrugDb(`startup-test-${counter}`);
});
afterEach(() => db.close());

describe('restoreBadge', () => {
  it('puts the cached total back without asking Keeping', async () => {
    await saveConnection({ token: 'pat-x', organisationId: 12345, organisationName: 'x', userName: 'y' });
    await refreshToday({
      db,
      client: createFakeClient([entryOn('2026-06-12', { minutes: 95 })]),
      organisationId: 12345,
      now: () => NOW,
    });
    const createClient = vi.fn();
    await restoreBadge({ db: async () => db, createClient, now: () => NOW });
    expect(await badgeShown()).toBe('1:35');
    expect(createClient).not.toHaveBeenCalled();
  });

  it('clears the badge when not connected', async () => {
    await fakeBrowser.action.setBadgeText({ text: '3:00' });
    await restoreBadge({ db: async () => db, createClient: vi.fn(), now: () => NOW });
    expect(await badgeShown()).toBe('');
  });

  it('shows nothing on a new day that was not fetched yet', async () => {
    await saveConnection({ token: 'pat-x', organisationId: 12345, organisationName: 'x', userName: 'y' });
    await refreshToday({
      db,
      client: createFakeClient([entryOn('2026-06-12')]),
      organisationId: 12345,
      now: () => NOW,
    });
    await restoreBadge({ db: async () => db, createClient: vi.fn(), now: () => NOW + 24 * 3600_000 });
    expect(await badgeShown()).toBe('');
  });
});
