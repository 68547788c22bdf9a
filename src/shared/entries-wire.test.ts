import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeEntry } from '../core/testing/entry-fixture';
import { packEntries, unpackEntries } from './entries-wire';
import { decodeReply, encodeReply } from './messages';

const billed = { id: 'a'.repeat(32), type: 'exact_online_invoice', name: '25700108', url: null };

const varied = [
  makeEntry({
    id: 1,
    start: '2026-04-15T08:00:00+02:00',
    end: '2026-04-15T09:30:00+02:00',
    note: 'Overleg',
    externalReferences: [billed],
    locked: true,
  }),
  // Started the evening before its day; running; a break; no project or task.
  makeEntry({
    id: 2,
    start: '2026-04-14T23:30:00+02:00',
    end: null,
    ongoing: true,
    purpose: 'break',
    projectId: null,
    taskId: 7,
    isDirect: false,
  }),
  makeEntry({ id: 3, note: 'Regel 1\nRegel 2 "quoted" \u2028', externalReferences: [billed], userId: 9 }),
  makeEntry({ id: 4, organisationId: 2, date: '2026-04-16', minutes: 0 }),
];

describe('packed entries', () => {
  it('come back exactly as they went, field by field', () => {
    expect(unpackEntries(packEntries(varied))).toEqual(varied);
    expect(unpackEntries(packEntries([]))).toEqual([]);
  });

  it('round-trip any list of entries', () => {
    const references = fc.array(
      fc.record({ id: fc.string(), type: fc.string(), name: fc.string(), url: fc.option(fc.string()) }),
      { maxLength: 2 },
    );
    const entry = fc.record({
      id: fc.integer({ min: 1 }),
      organisationId: fc.integer({ min: 1, max: 3 }),
      userId: fc.integer({ min: 1, max: 4 }),
      date: fc.constantFrom('2026-04-01', '2026-04-02'),
      purpose: fc.constantFrom('work' as const, 'break' as const),
      projectId: fc.option(fc.integer({ min: 1, max: 3 })),
      taskId: fc.option(fc.integer({ min: 1, max: 3 })),
      note: fc.string(),
      minutes: fc.integer({ min: 0, max: 1440 }),
      start: fc.option(fc.constantFrom('2026-04-01T08:00:00+02:00', '2026-03-31T23:00:00Z', 'T', '=x')),
      end: fc.option(fc.string()),
      ongoing: fc.boolean(),
      locked: fc.boolean(),
      isDirect: fc.boolean(),
      externalReferences: references,
    });
    // A folded note's count is on a few entries only, and must come back on those.
    const folded = fc.option(fc.integer({ min: 1, max: 100_000 }), { freq: 4 });
    const maybeFolded = fc
      .tuple(entry, folded)
      .map(([plain, chars]) => (chars === null ? plain : { ...plain, noteFoldedChars: chars }));
    fc.assert(
      fc.property(fc.array(maybeFolded, { maxLength: 30 }), (entries) => {
        expect(unpackEntries(packEntries(entries))).toEqual(entries);
      }),
    );
  });

  it('gives every entry its own reference list, though the text holds a shared one once', () => {
    const [first, , third] = unpackEntries(packEntries(varied));
    expect(first?.externalReferences).toEqual(third?.externalReferences);
    expect(first?.externalReferences).not.toBe(third?.externalReferences);
    expect(packEntries(varied).split(billed.id)).toHaveLength(2);
  });

  it('refuses a text of another shape instead of reading half of it', () => {
    const text = packEntries(varied);
    expect(() => unpackEntries('not json')).toThrow(/Packed entries/);
    expect(() => unpackEntries('{"format":2,"id":[]}')).toThrow(/unknown format/);
    const columns = JSON.parse(text);
    columns.minutes.pop();
    expect(() => unpackEntries(JSON.stringify(columns))).toThrow(/different lengths/);
    const outOfRange = JSON.parse(text);
    outOfRange.at.userId[0] = 99;
    expect(() => unpackEntries(JSON.stringify(outOfRange))).toThrow(/userId out of range/);
    const badPurpose = JSON.parse(text);
    badPurpose.values.purpose[0] = 'holiday';
    expect(() => unpackEntries(JSON.stringify(badPurpose))).toThrow(/unknown purpose/);
    const badFold = JSON.parse(text);
    badFold.folded = [[99, 10]];
    expect(() => unpackEntries(JSON.stringify(badFold))).toThrow(/folded note out of range/);
  });

  it('cross the message boundary as one text for entries.range only', () => {
    const view = { entries: varied, fetchedAt: 5, localLinks: {}, fresh: true };
    const wire = encodeReply('entries.range', view) as Record<string, unknown>;
    expect(wire.entries).toBeUndefined();
    expect(typeof wire.packedEntries).toBe('string');
    expect(decodeReply('entries.range', JSON.parse(JSON.stringify(wire)))).toEqual(view);
    const other = { entries: varied };
    expect(encodeReply('entries.estimate', other)).toBe(other);
  });
});
