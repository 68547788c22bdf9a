import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { sameMembers, stableSet } from './stable-set';

describe('stableSet', () => {
  it('keeps its identity while the ids stay the same, so nothing downstream is computed again', () => {
    const record = signal({ linkedEntryIds: [3, 1, 2], revision: 4 });
    const ids = stableSet(() => record.value.linkedEntryIds);
    const first = ids.value;
    // A saved selection comes back: a new record object with the same ids in another order.
    record.value = { linkedEntryIds: [1, 2, 3], revision: 4 };
    expect(ids.value).toBe(first);
    record.value = { linkedEntryIds: [1, 2, 3, 4], revision: 5 };
    expect(ids.value).not.toBe(first);
    expect([...ids.value]).toEqual([1, 2, 3, 4]);
  });

  it('compares members, not order', () => {
    expect(sameMembers(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(sameMembers(new Set([1, 2]), new Set([1, 3]))).toBe(false);
    expect(sameMembers(new Set([1]), new Set([1, 2]))).toBe(false);
  });
});
