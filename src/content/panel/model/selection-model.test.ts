import { describe, expect, it } from 'vitest';
import type { InvoiceSelection } from '../../../shared/invoice-types';
import { createSelectionModel, withIds } from './selection-model';

describe('selection model', () => {
  it('round-trips through its stored form', () => {
    const model = createSelectionModel(() => '2026-06-11');
    model.period.value = { preset: 'custom', from: '2026-05-01', to: '2026-05-15' };
    model.setTicked([5, 3], false);
    model.confirmBilled([9], true);
    model.rounding.value = { unit: 15, mode: 'nearest', scope: 'entry' };
    const saved = model.snapshot(1000);
    expect(saved).toMatchObject({
      keepingClientId: 1000,
      excludedEntryIds: [3, 5],
      confirmedBilledEntryIds: [9],
    });

    const other = createSelectionModel(() => '2026-06-11');
    other.restore(saved);
    expect(other.snapshot(1000)).toEqual(saved);
    expect(other.range.value).toEqual({ from: '2026-05-01', to: '2026-05-15' });
  });

  it('falls back to defaults for values an older version or a bad record left behind', () => {
    const model = createSelectionModel(() => '2026-06-11');
    model.restore({
      keepingClientId: 1,
      period: { preset: 'last_year' },
      hours: 'everything',
      projectIds: null,
      userIds: null,
      includeBilled: 'yes',
      excludedEntryIds: [],
      confirmedBilledEntryIds: [],
      grouping: 'per_client',
      rounding: { unit: 7, mode: 'up', scope: 'line' },
      template: 42,
    } as unknown as InvoiceSelection);
    expect(model.hours.value).toBe('direct');
    expect(model.includeBilled.value).toBe(false);
    expect(model.grouping.value).toBe('project');
    expect(model.rounding.value.unit).toBe(0);
    expect(model.template.value).toBe('{project} - {taak} - {periode}');
    expect(model.range.value).toEqual({ from: '2026-05-01', to: '2026-05-31' });
  });
});

describe('selections at scale', () => {
  it('ticks and unticks a whole group at once, and keeps the set when nothing changes', () => {
    const model = createSelectionModel(() => '2026-06-11');
    const group = Array.from({ length: 16_667 }, (_, index) => index + 1);
    const start = model.excluded.value;
    model.setTicked(group, true);
    // Nothing was excluded, so ticking them all changes nothing: the same set, nothing recomputed.
    expect(model.excluded.value).toBe(start);

    model.setTicked(group, false);
    expect(model.excluded.value.size).toBe(16_667);

    const before = model.excluded.value;
    model.setTicked(group.slice(0, 10), false);
    expect(model.excluded.value).toBe(before);
    model.setTicked([5], true);
    expect(model.excluded.value.has(5)).toBe(false);
    expect(model.excluded.value.size).toBe(16_666);
  });

  it('withIds adds and removes in one pass', () => {
    const set = new Set([1, 2, 3]);
    expect([...withIds(set, [3, 4, 5], true)]).toEqual([1, 2, 3, 4, 5]);
    expect([...withIds(set, [1, 9], false)]).toEqual([2, 3]);
    expect(withIds(set, [1, 2], true)).toBe(set);
  });
});
