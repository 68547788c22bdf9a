import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closestSubset,
  EXACT_FILL_BUDGET,
  hintsFromDescription,
  type MatchCandidate,
  matchInvoiceLines,
} from './invoice-match';

let nextId = 1;
function entry(minutes: number, extra: Partial<MatchCandidate> = {}): MatchCandidate {
  return { id: nextId++, minutes, projectId: 1, taskId: null, userId: 1, date: '2026-10-01', ...extra };
}

const candidatesArbitrary = fc
  .array(
    fc.record({
      minutes: fc.integer({ min: 0, max: 480 }),
      projectId: fc.option(fc.integer({ min: 1, max: 3 })),
      day: fc.integer({ min: 1, max: 28 }),
    }),
    { maxLength: 25 },
  )
  .map((list) =>
    list.map(
      (fields, index): MatchCandidate => ({
        id: index + 1,
        minutes: fields.minutes,
        projectId: fields.projectId,
        taskId: null,
        userId: 1,
        date: `2026-10-${String(fields.day).padStart(2, '0')}`,
      }),
    ),
  );

const linesArbitrary = fc.array(
  fc.record({
    minutes: fc.integer({ min: 0, max: 3000 }),
    description: fc.constant('Werkzaamheden'),
    projectIds: fc.option(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }), { nil: undefined }),
  }),
  { maxLength: 4 },
);

describe('matchInvoiceLines', () => {
  it('never selects more minutes than the candidates have, and uses each entry at most once', () => {
    fc.assert(
      fc.property(linesArbitrary, candidatesArbitrary, (lines, candidates) => {
        const match = matchInvoiceLines(lines, candidates);
        const all = match.lines.flatMap((line) => line.entryIds);
        expect(new Set(all).size).toBe(all.length);
        const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
        for (const id of all) expect(byId.has(id)).toBe(true);
        const total = candidates.reduce((sum, candidate) => sum + candidate.minutes, 0);
        expect(match.selectedMinutes).toBeLessThanOrEqual(total);
        for (const line of match.lines) {
          const sum = line.entryIds.reduce((s, id) => s + byId.get(id)!.minutes, 0);
          expect(line.selectedMinutes).toBe(sum);
          expect(line.residualMinutes).toBe(line.invoiceMinutes - sum);
        }
        // Used and unused together are every candidate with minutes, exactly once.
        const positive = candidates.filter((candidate) => candidate.minutes > 0).map((c) => c.id);
        expect([...all, ...match.unusedEntryIds].sort((a, b) => a - b)).toEqual(positive);
        expect(match.residualMinutes).toBe(match.invoiceMinutes - match.selectedMinutes);
      }),
    );
  });

  it('finds an exact match for one line whenever a subset of the candidates adds up to it', () => {
    fc.assert(
      fc.property(candidatesArbitrary, fc.array(fc.boolean(), { maxLength: 25 }), (candidates, pick) => {
        const subset = candidates.filter((candidate, index) => pick[index] && candidate.minutes > 0);
        const target = subset.reduce((sum, candidate) => sum + candidate.minutes, 0);
        const match = matchInvoiceLines([{ minutes: target, description: '' }], candidates);
        expect(match.lines[0]!.residualMinutes).toBe(0);
      }),
    );
  });

  it('finds an exact match for two lines split by project when one exists', () => {
    fc.assert(
      fc.property(candidatesArbitrary, (candidates) => {
        const sumOf = (project: number) =>
          candidates.filter((c) => c.projectId === project).reduce((sum, c) => sum + c.minutes, 0);
        const lines = [
          { minutes: sumOf(1), description: '', projectIds: [1] },
          { minutes: sumOf(2), description: '', projectIds: [2] },
        ];
        const match = matchInvoiceLines(lines, candidates);
        expect(match.lines.map((line) => line.residualMinutes)).toEqual([0, 0]);
      }),
    );
  });

  it('is deterministic whatever order the candidates come in', () => {
    fc.assert(
      fc.property(linesArbitrary, candidatesArbitrary, (lines, candidates) => {
        const reversed = [...candidates].reverse();
        expect(matchInvoiceLines(lines, reversed)).toEqual(matchInvoiceLines(lines, candidates));
      }),
    );
  });

  it('where the greedy first fit would miss, finds the exact pair (4, 3, 2 for 5 hours)', () => {
    const candidates = [entry(240), entry(180), entry(120)];
    const match = matchInvoiceLines([{ minutes: 300, description: 'Uren' }], candidates);
    expect(match.lines[0]).toMatchObject({ selectedMinutes: 300, residualMinutes: 0 });
    expect(match.lines[0]!.entryIds).toEqual([candidates[1]!.id, candidates[2]!.id]);
    expect(match.unusedEntryIds).toEqual([candidates[0]!.id]);
  });

  it('lets a line with a project hint take that project first, the other line the rest', () => {
    const design = entry(120, { projectId: 7, date: '2026-10-02' });
    const other = entry(120, { projectId: 8, date: '2026-10-01' });
    const match = matchInvoiceLines(
      [
        { minutes: 120, description: 'Overig' },
        { minutes: 120, description: 'Ontwerp', projectIds: [7] },
      ],
      [design, other],
    );
    expect(match.lines.map((line) => line.entryIds)).toEqual([[other.id], [design.id]]);
  });

  it('prefers falling short over going over when both are as close', () => {
    const match = matchInvoiceLines([{ minutes: 90, description: '' }], [entry(60), entry(120)]);
    expect(match.lines[0]!.selectedMinutes).toBe(60);
  });

  it('goes over when that is closer', () => {
    const match = matchInvoiceLines([{ minutes: 110, description: '' }], [entry(60), entry(120)]);
    expect(match.lines[0]!.selectedMinutes).toBe(120);
  });

  it('takes nothing for a line without hours and reports the residual of a short client', () => {
    const match = matchInvoiceLines(
      [
        { minutes: 0, description: 'Reiskosten' },
        { minutes: 600, description: 'Uren' },
      ],
      [entry(120), entry(60)],
    );
    expect(match.lines[0]!.entryIds).toEqual([]);
    expect(match.lines[1]).toMatchObject({ selectedMinutes: 180, residualMinutes: 420 });
    expect(match).toMatchObject({ invoiceMinutes: 600, selectedMinutes: 180, residualMinutes: 420 });
  });
});

describe('closestSubset', () => {
  it('falls back to first fit in date order beyond the budget, never exceeding the target', () => {
    const pool = Array.from({ length: 2000 }, (_, index) =>
      entry(60 + (index % 7), { date: `2026-10-${String(1 + (index % 28)).padStart(2, '0')}` }),
    );
    const target = Math.ceil(EXACT_FILL_BUDGET / pool.length) + 10;
    const chosen = closestSubset(pool, target);
    const sum = chosen.reduce((s, c) => s + c.minutes, 0);
    expect(sum).toBeLessThanOrEqual(target);
    expect(target - sum).toBeLessThan(66);
  });
});

describe('hintsFromDescription', () => {
  const projects = [
    { id: 1, name: 'Website' },
    { id: 2, name: 'Onderhoud Website' },
    { id: 3, name: 'QA' },
  ];
  const tasks = [{ id: 9, name: 'Advies' }];

  it('finds project and task names as whole words, case- and accent-blind', () => {
    expect(hintsFromDescription('onderhoud website - ADVIES oktober', projects, tasks)).toEqual({
      projectIds: [1, 2],
      taskIds: [9],
    });
    expect(hintsFromDescription('Websites en qa', projects, tasks)).toEqual({ projectIds: [], taskIds: [] });
  });
});
