/**
 * Matching a hand-made invoice's lines to a client's open entries (core/invoice-match.ts): a
 * month of a busy client (600 entries) against five lines, and a year of it, where the exact
 * fill gives way to first fit past its budget.
 */
import { type MatchCandidate, type MatchLine, matchInvoiceLines } from '../../src/core/invoice-match';
import { median, report, round } from './report';

const RUNS = 7;

function candidates(count: number): MatchCandidate[] {
  let seed = 20261202;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    minutes: 15 * (1 + Math.floor(next() * 24)),
    projectId: 1 + Math.floor(next() * 5),
    taskId: null,
    userId: 1 + Math.floor(next() * 8),
    date: `2026-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
  }));
}

export function benchInvoiceMatch(): void {
  for (const count of [600, 7_200]) {
    const pool = candidates(count);
    const perProject = (project: number) =>
      pool.filter((c) => c.projectId === project).reduce((sum, c) => sum + c.minutes, 0);
    // Four lines naming a project, at 80% of its hours; one line without a hint.
    const lines: MatchLine[] = [1, 2, 3, 4].map((project) => ({
      minutes: Math.round(perProject(project) * 0.8),
      description: '',
      projectIds: [project],
    }));
    lines.push({ minutes: 40 * 60, description: 'Overig' });
    const times: number[] = [];
    let residual = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      residual = matchInvoiceLines(lines, pool).residualMinutes;
      times.push(performance.now() - started);
    }
    report('invoice-match', {
      candidates: count,
      lines: lines.length,
      residualMinutes: residual,
      medianMs: round(median(times)),
    });
  }
}
