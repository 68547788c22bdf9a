import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from './columns';
import type { ReportEntry } from './report-entry';

const entry = fc.record({
  id: fc.integer({ min: 1, max: 1e9 }),
  date: fc.constantFrom('2026-01-01', '2026-02-28'),
  clientId: fc.option(fc.integer({ min: 1, max: 9 })),
  projectId: fc.option(fc.integer({ min: 1, max: 9 })),
  taskId: fc.option(fc.integer({ min: 1, max: 9 })),
  userId: fc.integer({ min: 1, max: 9 }),
  minutes: fc.integer({ min: 0, max: 900 }),
  direct: fc.boolean(),
  billing: fc.option(
    fc.record({
      source: fc.constantFrom(
        'keeping_invoice' as const,
        'urenbrug_reference' as const,
        'local_link' as const,
      ),
      invoice: fc.constantFrom('F1', 'F2'),
      revenueCents: fc.option(fc.integer()),
      billedMinutes: fc.option(fc.integer({ min: 0, max: 900 })),
    }),
  ),
});

describe('report columns', () => {
  it('give back exactly the entries they were made of', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 50 }), (entries: ReportEntry[]) => {
        expect(fromColumns(JSON.parse(JSON.stringify(toColumns(entries))))).toEqual(entries);
      }),
    );
  });
});
