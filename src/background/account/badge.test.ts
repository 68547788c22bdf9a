import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../shared/browser';
import type { TodayView } from '../../shared/messages';
import { sampleOrganisation, sampleUser } from '../testing/db-fixtures';
import type { FakeBrowser } from '../testing/fake-browser';
import { entryOn } from '../testing/fake-keeping';
import { badgeText, clearBadge, showTodayOnBadge } from './badge';

vi.mock('../../shared/browser', async () => {
  const { createFakeBrowser } = await import('../testing/fake-browser');
  return { browser: createFakeBrowser() };
});
const fake = browser as unknown as FakeBrowser;

const NOW = Date.parse('2026-06-12T10:00:00Z');

function view(overrides: Partial<TodayView> = {}): TodayView {
  return {
    organisation: sampleOrganisation(),
    me: sampleUser(),
    date: '2026-06-12',
    entries: [],
    projects: [],
    tasks: [],
    clients: [],
    fetchedAt: NOW - 60_000,
    serverOffsetMs: 0,
    ...overrides,
  };
}

beforeEach(() => fake.testing.reset());

describe('badgeText', () => {
  it('is empty without a view or before today was fetched', () => {
    expect(badgeText(null, NOW)).toBe('');
    expect(badgeText(view({ fetchedAt: null, entries: [entryOn('2026-06-12')] }), NOW)).toBe('');
  });

  it('shows 0:00 for a fetched day without work', () => {
    expect(badgeText(view(), NOW)).toBe('0:00');
  });

  it('counts work only, not breaks or leave', () => {
    const entries = [
      entryOn('2026-06-12', { id: 1, minutes: 125 }),
      entryOn('2026-06-12', { id: 2, minutes: 30, purpose: 'break' }),
      entryOn('2026-06-12', { id: 3, minutes: 240, purpose: 'sick_leave' }),
      entryOn('2026-06-12', { id: 4, minutes: 20, isDirect: false }),
    ];
    expect(badgeText(view({ entries }), NOW)).toBe('2:25');
  });

  it('includes the running part of an ongoing work entry, measured on server time', () => {
    const running = entryOn('2026-06-12', {
      minutes: 60,
      ongoing: true,
      start: '2026-06-12T09:30:00Z',
      end: null,
    });
    expect(badgeText(view({ entries: [running] }), NOW)).toBe('1:30');
    // The server is 10 minutes ahead of the local clock.
    expect(badgeText(view({ entries: [running], serverOffsetMs: 600_000 }), NOW)).toBe('1:40');
  });
});

describe('badge', () => {
  it('sets and clears the toolbar text', async () => {
    await showTodayOnBadge(view({ entries: [entryOn('2026-06-12', { minutes: 61 })] }), NOW);
    expect(fake.testing.badge()).toBe('1:01');
    await clearBadge();
    expect(fake.testing.badge()).toBe('');
  });
});
