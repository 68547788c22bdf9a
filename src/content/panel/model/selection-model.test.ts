import { describe, expect, it } from 'vitest';
import type { InvoiceSelection } from '../../../shared/invoice-types';
import { createSelectionModel } from './selection-model';

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
