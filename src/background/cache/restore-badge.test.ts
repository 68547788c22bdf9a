import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../shared/browser';
import { saveConnection } from '../account/connection';
import { openUrenbrugDb, type UrenbrugDatabase } from '../db/database';
import type { FakeBrowser } from '../testing/fake-browser';
import { createFakeClient, entryOn } from '../testing/fake-keeping';
import { restoreBadge } from './restore-badge';
import { refreshToday } from './today';

vi.mock('../../shared/browser', async () => {
  const { createFakeBrowser } = await import('../testing/fake-browser');
  return { browser: createFakeBrowser() };
});
const fake = browser as unknown as FakeBrowser;

const NOW = Date.parse('2026-06-12T08:00:00Z');
let db: UrenbrugDatabase;
let counter = 0;

beforeEach(async () => {
  fake.testing.reset();
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
    expect(fake.testing.badge()).toBe('1:35');
    expect(createClient).not.toHaveBeenCalled();
  });

  it('clears the badge when not connected', async () => {
    fake.testing.setBadge('3:00');
    await restoreBadge({ db: async () => db, createClient: vi.fn(), now: () => NOW });
    expect(fake.testing.badge()).toBe('');
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
    expect(fake.testing.badge()).toBe('');
  });
});
