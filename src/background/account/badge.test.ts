import { describe, expect, it } from 'vitest';
import type { TodayView } from '../../shared/messages';
import { badgeShown } from '../../shared/testing/fake-browser';
import { sampleOrganisation, sampleUser } from '../testing/db-fixtures';
import { entryOn } from '../testing/fake-keeping';
import { badgeText, clearBadge, showTodayOnBadge } from './badge';

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
    expect(await badgeShown()).toBe('1:01');
    await clearBadge();
    expect(await badgeShown()).toBe('');
  });
});
