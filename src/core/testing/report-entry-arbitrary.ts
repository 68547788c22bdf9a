/** Report entries for the Overzicht's property tests: a half year, a few clients, projects, people, invoices and divisions. */
import fc from 'fast-check';
import type { ReportEntry } from '../report/report-entry';

const billing = fc.option(
  fc.record({
    source: fc.constantFrom('keeping_invoice' as const, 'urenbrug_reference' as const, 'local_link' as const),
    invoice: fc.constantFrom('F1', 'F2', 'F3', 'F4'),
    revenueCents: fc.option(fc.integer({ min: -50_000, max: 200_000 }), { freq: 3 }),
    billedMinutes: fc.option(fc.integer({ min: 0, max: 900 }), { freq: 4 }),
    division: fc.constantFrom(101, 202),
  }),
  { freq: 2 },
);

const entryArbitrary = fc.record({
  date: fc
    .integer({ min: 0, max: 180 })
    .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
  clientId: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 6 }),
  projectId: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 6 }),
  taskId: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 3 }),
  userId: fc.integer({ min: 1, max: 3 }),
  minutes: fc.integer({ min: 0, max: 600 }),
  direct: fc.boolean(),
  billing,
});

export const entriesArbitrary = fc
  .array(entryArbitrary, { maxLength: 80 })
  .map((list) => list.map((fields, index): ReportEntry => ({ ...fields, id: index + 1 })));
