/** Grouping and rounding 50,000 entries into invoice lines, the whole plan included. */
import type { Grouping } from '../../src/core/grouping';
import { planInvoiceLines } from '../../src/core/invoice-lines';
import { makeBenchEntries, makeBenchNames } from '../../src/core/testing/make-entries';
import { median, report, round } from './report';

const ENTRY_COUNT = 50_000;
const RUNS = 7;

export function benchGrouping(): void {
  const entries = makeBenchEntries(ENTRY_COUNT, 20261127);
  const names = makeBenchNames();
  for (const grouping of ['project_task', 'person', 'day', 'entry'] satisfies Grouping[]) {
    const times: number[] = [];
    let lines = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const plan = planInvoiceLines(entries, {
        grouping,
        rounding: { unit: 15, mode: 'up', scope: 'entry' },
        rates: { rules: new Map(), defaultRateCents: 9500, defaultItemCode: 'UREN' },
        template: '{project} – {taak} ({periode})',
        locale: 'nl',
        period: { from: '2023-01-01', to: '2026-11-30' },
        names,
      });
      times.push(performance.now() - started);
      lines = plan.lines.length;
    }
    report('grouping', {
      entries: ENTRY_COUNT,
      grouping,
      lines,
      medianMs: round(median(times)),
      budgetMs: 100,
    });
  }
}
