import { describe, expect, it } from 'vitest';
import { makeBenchEntries, makeBenchNames, seededRandom } from './make-entries';

describe('makeBenchEntries', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(makeBenchEntries(200, 1)).toEqual(makeBenchEntries(200, 1));
    expect(makeBenchEntries(200, 1)).not.toEqual(makeBenchEntries(200, 2));
  });

  it('makes plausible entries: unique ids, whole positive minutes, valid dates, work has a project', () => {
    const entries = makeBenchEntries(2000, 3);
    expect(new Set(entries.map((e) => e.id)).size).toBe(2000);
    for (const entry of entries) {
      expect(Number.isInteger(entry.minutes) && entry.minutes > 0).toBe(true);
      expect(entry.date).toMatch(/^2025-\d{2}-\d{2}$/);
      if (entry.purpose === 'work') expect(entry.projectId).not.toBeNull();
      else expect(entry.isDirect).toBe(false);
    }
    expect(entries.some((e) => e.purpose !== 'work')).toBe(true);
    expect(entries.some((e) => e.externalReferences.length > 0)).toBe(true);
  });

  it('names every id it uses', () => {
    const names = makeBenchNames();
    for (const entry of makeBenchEntries(500, 4)) {
      if (entry.projectId !== null) expect(names.projects?.has(entry.projectId)).toBe(true);
      if (entry.taskId !== null) expect(names.tasks?.has(entry.taskId)).toBe(true);
      expect(names.users?.has(entry.userId)).toBe(true);
    }
  });

  it('draws numbers in [0, 1)', () => {
    const random = seededRandom(9);
    for (let i = 0; i < 1000; i += 1) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
