import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUPINGS, groupEntries } from './grouping';
import type { Entry } from './keeping-types';
import type { NameIndex } from './name-order';
import { ROUNDING_UNITS, type RoundingOptions, roundMinutes } from './rounding';
import { entriesArbitrary } from './testing/entry-arbitrary';
import { makeEntry } from './testing/entry-fixture';
import { makeBenchEntries, makeBenchNames } from './testing/make-entries';

const NONE: RoundingOptions = { unit: 0, mode: 'up', scope: 'line' };
const names: NameIndex = {
  projects: new Map([
    [1, 'Website'],
    [2, 'app'],
    [3, 'Fase 10'],
    [4, 'Fase 2'],
  ]),
  tasks: new Map([
    [7, 'Ontwerp'],
    [8, 'Bouw'],
  ]),
  users: new Map([
    [1, 'Bram'],
    [2, 'Anna'],
  ]),
};

const entries: Entry[] = [
  makeEntry({ id: 1, projectId: 1, taskId: 7, userId: 1, date: '2026-04-02', minutes: 50, note: 'Schets' }),
  makeEntry({ id: 2, projectId: 1, taskId: 8, userId: 2, date: '2026-04-01', minutes: 20, note: ' Schets ' }),
  makeEntry({ id: 3, projectId: 2, taskId: 7, userId: 2, date: '2026-04-01', minutes: 10 }),
  makeEntry({ id: 4, projectId: 1, taskId: 7, userId: 2, date: '2026-04-03', minutes: 5, note: 'Review' }),
  makeEntry({ id: 5, projectId: 1, taskId: null, userId: 1, date: '2026-04-02', minutes: 1 }),
];

describe('groupEntries', () => {
  it('groups by project, in name order, with the line’s details', () => {
    const lines = groupEntries(entries, 'project', NONE, names);
    expect(lines.map((line) => line.key)).toEqual(['p:2', 'p:1']); // "app" < "Website" (case-insensitive)
    const website = lines[1]!;
    expect(website.entryIds).toEqual([2, 1, 5, 4]); // by date, then id
    expect(website.rawMinutes).toBe(76);
    expect(website.projects).toEqual([{ id: 1, name: 'Website' }]);
    expect(website.tasks).toEqual([
      { id: 8, name: 'Bouw' },
      { id: 7, name: 'Ontwerp' },
      { id: null, name: '' },
    ]);
    expect(website.people).toEqual([
      { id: 2, name: 'Anna' },
      { id: 1, name: 'Bram' },
    ]);
    expect(website.dateRange).toEqual({ from: '2026-04-01', to: '2026-04-03' });
    expect(website.notes).toEqual(['Schets', 'Review']);
    expect(website.projectTasks).toEqual([
      { projectId: 1, taskId: 8 },
      { projectId: 1, taskId: 7 },
      { projectId: 1, taskId: null },
    ]);
  });

  it('groups by project and task, tasks in name order and "no task" last', () => {
    const lines = groupEntries(entries, 'project_task', NONE, names);
    expect(lines.map((line) => line.key)).toEqual(['p:2:t:7', 'p:1:t:8', 'p:1:t:7', 'p:1:t:-']);
    expect(lines[2]!.entryIds).toEqual([1, 4]);
  });

  it('groups by person, day, entry and total', () => {
    expect(groupEntries(entries, 'person', NONE, names).map((l) => [l.key, l.entryIds])).toEqual([
      ['u:2', [2, 3, 4]],
      ['u:1', [1, 5]],
    ]);
    expect(groupEntries(entries, 'day', NONE, names).map((l) => [l.key, l.entryIds])).toEqual([
      ['d:2026-04-01', [2, 3]],
      ['d:2026-04-02', [1, 5]],
      ['d:2026-04-03', [4]],
    ]);
    expect(groupEntries(entries, 'entry', NONE, names).map((l) => l.key)).toEqual([
      'e:3',
      'e:2',
      'e:4',
      'e:1',
      'e:5',
    ]);
    const [total] = groupEntries(entries, 'total', NONE, names);
    expect(total?.key).toBe('total');
    expect(total?.rawMinutes).toBe(86);
    expect(total?.projects.map((p) => p.name)).toEqual(['app', 'Website']);
  });

  it('sorts numbers in names by value and unknown ids after known names', () => {
    const list = [
      makeEntry({ id: 1, projectId: 3 }),
      makeEntry({ id: 2, projectId: 4 }),
      makeEntry({ id: 3, projectId: 99 }),
      makeEntry({ id: 4, projectId: 1 }),
    ];
    const lines = groupEntries(list, 'project', NONE, names);
    expect(lines.map((line) => line.projects[0]?.name)).toEqual(['Fase 2', 'Fase 10', 'Website', '#99']);
  });

  it('rounds per entry or per line', () => {
    const sample = [makeEntry({ id: 1, minutes: 7 }), makeEntry({ id: 2, minutes: 7 })];
    expect(groupEntries(sample, 'total', { unit: 15, mode: 'up', scope: 'entry' })[0]?.roundedMinutes).toBe(
      30,
    );
    expect(groupEntries(sample, 'total', { unit: 15, mode: 'up', scope: 'line' })[0]?.roundedMinutes).toBe(
      15,
    );
    expect(
      groupEntries(sample, 'total', { unit: 15, mode: 'nearest', scope: 'line' })[0]?.roundedMinutes,
    ).toBe(15);
  });

  it('returns no lines for no entries', () => {
    for (const grouping of GROUPINGS) expect(groupEntries([], grouping, NONE)).toEqual([]);
  });

  it('puts every entry on exactly one line, with the right minutes, in an order independent of input order', () => {
    const rounding = fc.record({
      unit: fc.constantFrom(...ROUNDING_UNITS),
      mode: fc.constantFrom('up', 'nearest' as const),
      scope: fc.constantFrom('entry', 'line' as const),
    });
    fc.assert(
      fc.property(entriesArbitrary(), fc.constantFrom(...GROUPINGS), rounding, (list, grouping, options) => {
        const lines = groupEntries(list, grouping, options, names);
        const seen = lines.flatMap((line) => line.entryIds);
        expect([...seen].sort((a, b) => a - b)).toEqual(list.map((e) => e.id));
        const byId = new Map(list.map((e) => [e.id, e]));
        for (const line of lines) {
          const minutes = line.entryIds.map((id) => byId.get(id)!.minutes);
          const raw = minutes.reduce((a, b) => a + b, 0);
          expect(line.rawMinutes).toBe(raw);
          const expected =
            options.scope === 'entry'
              ? minutes.reduce((t, m) => t + roundMinutes(m, options), 0)
              : roundMinutes(raw, options);
          expect(line.roundedMinutes).toBe(expected);
        }
        if (options.scope === 'entry') {
          const all = lines.reduce((t, l) => t + l.roundedMinutes, 0);
          expect(all).toBe(list.reduce((t, e) => t + roundMinutes(e.minutes, options), 0));
        }
        const reversed = groupEntries([...list].reverse(), grouping, options, names);
        expect(reversed).toEqual(lines);
      }),
    );
  });

  it('handles the 50,000-entry bench set (correctness only; timing is npm run bench)', () => {
    const bench = makeBenchEntries(50_000, 7);
    const lines = groupEntries(bench, 'project_task', NONE, makeBenchNames());
    expect(lines.reduce((n, line) => n + line.entryIds.length, 0)).toBe(50_000);
    expect(lines.reduce((n, line) => n + line.rawMinutes, 0)).toBe(bench.reduce((n, e) => n + e.minutes, 0));
  });
});
