/**
 * fast-check arbitraries for entries. Ids for projects, tasks and users come from small ranges
 * so generated entries collide and group, which is where grouping bugs hide.
 */
import fc from 'fast-check';
import type { Entry } from '../keeping-types';

/** Entry ids are assigned afterwards (1..n) so they are unique. */
const entryFields = fc.record({
  userId: fc.integer({ min: 1, max: 4 }),
  date: fc
    .integer({ min: 0, max: 60 })
    .map((day) => new Date(Date.UTC(2026, 3, 1 + day)).toISOString().slice(0, 10)),
  projectId: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 8 }),
  taskId: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 3 }),
  note: fc.constantFrom('', '', 'Overleg', 'Bugfix', ' Overleg ', 'Regel 1\nRegel 2'),
  minutes: fc.integer({ min: 1, max: 600 }),
  isDirect: fc.boolean(),
});

/** A list of valid, completed work entries with unique ids. */
export function entriesArbitrary(maxLength = 60): fc.Arbitrary<Entry[]> {
  return fc.array(entryFields, { maxLength }).map((list) =>
    list.map(
      (fields, index): Entry => ({
        ...fields,
        id: index + 1,
        organisationId: 1,
        purpose: 'work',
        start: null,
        end: null,
        ongoing: false,
        locked: false,
        externalReferences: [],
      }),
    ),
  );
}
