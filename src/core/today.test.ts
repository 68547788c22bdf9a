import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Client, Entry, Project, Purpose, Task } from './keeping-types';
import { makeEntry } from './testing/entry-fixture';
import { liveMinutes, runningMs, summarizeToday, type TodayInput } from './today';

const DAY = '2026-06-11';

function entry(overrides: Partial<Entry> & { id: number }): Entry {
  return makeEntry({ userId: 7, date: DAY, taskId: 100, ...overrides });
}

const clients: Client[] = [
  { id: 1000, organisationId: 1, name: 'Bakkerij De Vries', code: null, state: 'active' },
];
const projects: Project[] = [
  {
    id: 10,
    organisationId: 1,
    clientId: 1000,
    name: 'Jaarrekening 2025',
    code: null,
    direct: 'entire_project_is_direct',
    state: 'active',
  },
  {
    id: 20,
    organisationId: 1,
    clientId: null,
    name: 'Intern overleg',
    code: null,
    direct: 'entire_project_is_indirect',
    state: 'active',
  },
];
const tasks: Task[] = [
  { id: 100, organisationId: 1, name: 'Samenstellen', code: null, direct: true, state: 'active' },
  { id: 200, organisationId: 1, name: 'Overleg', code: null, direct: false, state: 'active' },
];

function input(
  entries: Entry[],
  nowServerMs = Date.parse('2026-06-11T17:00:00+02:00'),
  date = DAY,
): TodayInput {
  return { entries, projects, tasks, clients, date, nowServerMs };
}

describe('summarizeToday — examples', () => {
  it('totals work, splits direct and indirect, and lists breaks and leave apart', () => {
    const summary = summarizeToday(
      input([
        entry({ id: 1, minutes: 125, note: 'Balans' }),
        entry({ id: 2, minutes: 62, note: 'Balans' }),
        entry({ id: 3, projectId: 20, taskId: 200, minutes: 30, isDirect: false, note: 'Teamoverleg' }),
        entry({ id: 4, purpose: 'break', projectId: null, taskId: null, minutes: 30, isDirect: false }),
        entry({ id: 5, purpose: 'sick_leave', projectId: null, taskId: null, minutes: 120, isDirect: false }),
      ]),
    );
    expect(summary.totalMinutes).toBe(217);
    expect(summary.directMinutes).toBe(187);
    expect(summary.indirectMinutes).toBe(30);
    expect(summary.breakMinutes).toBe(30);
    expect(summary.leaveMinutes).toBe(120);
    expect(summary.entryCount).toBe(5);
    expect(
      summary.groups.map((group) => [group.projectName, group.taskName, group.clientName, group.minutes]),
    ).toEqual([
      ['Jaarrekening 2025', 'Samenstellen', 'Bakkerij De Vries', 187],
      ['Intern overleg', 'Overleg', null, 30],
    ]);
    // The same note twice is listed once.
    expect(summary.groups[0]?.notes).toEqual(['Balans']);
    expect(summary.breaks.map((item) => item.id)).toEqual([4]);
    expect(summary.leave).toEqual([expect.objectContaining({ purpose: 'sick_leave', minutes: 120 })]);
    expect(summary.running).toBeNull();
  });

  it('includes the running part of the ongoing entry, measured on the server clock', () => {
    const now = Date.parse('2026-06-11T17:00:00+02:00');
    const summary = summarizeToday(
      input(
        [
          entry({ id: 1, minutes: 60 }),
          entry({ id: 2, minutes: 15, ongoing: true, start: '2026-06-11T16:20:30+02:00', note: 'BTW Q2' }),
        ],
        now,
      ),
    );
    // 60 + 15 confirmed + 39 whole running minutes (39:30 elapsed).
    expect(summary.totalMinutes).toBe(114);
    expect(summary.running).toMatchObject({
      entryId: 2,
      belongsToDay: true,
      projectName: 'Jaarrekening 2025',
      taskName: 'Samenstellen',
      note: 'BTW Q2',
      runningMs: 39.5 * 60_000,
      elapsedMs: (15 + 39.5) * 60_000,
    });
    expect(summary.groups[0]?.ongoing).toBe(true);
  });

  it('counts only entries whose date is the day: 23:00–01:00 belongs to its start date', () => {
    const lateNight = entry({
      id: 1,
      date: '2026-06-10',
      minutes: 120,
      start: '2026-06-10T23:00:00+02:00',
      end: '2026-06-11T01:00:00+02:00',
    });
    expect(summarizeToday(input([lateNight])).totalMinutes).toBe(0);
    expect(summarizeToday(input([lateNight], undefined, '2026-06-10')).totalMinutes).toBe(120);
  });

  it('shows a timer started yesterday as running, but does not count it today', () => {
    const now = Date.parse('2026-06-11T00:30:00+02:00');
    const summary = summarizeToday(
      input(
        [entry({ id: 9, date: '2026-06-10', minutes: 0, ongoing: true, start: '2026-06-10T23:30:00+02:00' })],
        now,
      ),
    );
    expect(summary.totalMinutes).toBe(0);
    expect(summary.running).toMatchObject({ entryId: 9, belongsToDay: false, runningMs: 3_600_000 });
  });

  it('never goes negative: a start in the future, a negative or broken minutes value, a bad start', () => {
    const now = Date.parse('2026-06-11T10:00:00+02:00');
    const summary = summarizeToday(
      input(
        [
          entry({ id: 1, minutes: 0, ongoing: true, start: '2026-06-11T10:05:00+02:00' }),
          entry({ id: 2, minutes: -30 }),
          entry({ id: 3, minutes: Number.NaN }),
          entry({ id: 4, minutes: 10, ongoing: true, start: 'not a date' }),
        ],
        now,
      ),
    );
    expect(summary.totalMinutes).toBe(10);
    expect(summary.running?.runningMs).toBe(0);
  });

  it('adds no running part for an ongoing entry without a start (new "hours" entry)', () => {
    expect(liveMinutes(entry({ id: 1, minutes: 0, ongoing: true, start: null }), Date.now())).toBe(0);
    expect(runningMs({ ongoing: false, start: '2026-06-11T10:00:00+02:00' }, Date.now())).toBe(0);
  });

  it('keeps unknown projects and entries without project as their own groups', () => {
    const summary = summarizeToday(
      input([
        entry({ id: 1, projectId: 999, taskId: null, minutes: 20 }),
        entry({ id: 2, projectId: null, taskId: null, minutes: 20 }),
      ]),
    );
    expect(summary.groups.map((group) => [group.projectId, group.projectName, group.taskName])).toEqual([
      [null, null, null],
      [999, null, null],
    ]);
  });

  it('sorts groups biggest first and entries chronologically', () => {
    const summary = summarizeToday(
      input([
        entry({ id: 1, projectId: 20, taskId: 200, minutes: 30, start: '2026-06-11T14:00:00+02:00' }),
        entry({ id: 2, projectId: 10, taskId: 100, minutes: 90, start: '2026-06-11T11:00:00+02:00' }),
        entry({ id: 3, projectId: 10, taskId: 100, minutes: 10, start: '2026-06-11T08:30:00+02:00' }),
      ]),
    );
    expect(summary.groups.map((group) => group.projectId)).toEqual([10, 20]);
    expect(summary.groups[0]?.entries.map((item) => item.id)).toEqual([3, 2]);
  });

  it('handles the DST day of 25 October 2026 from Keeping hours, and the running part by instants', () => {
    // 01:30 CEST to 02:30 CET is two real hours; the wall clock says one. Keeping's hours say two.
    const acrossShift = entry({
      id: 1,
      date: '2026-10-25',
      minutes: 120,
      start: '2026-10-25T01:30:00+02:00',
      end: '2026-10-25T02:30:00+01:00',
    });
    // Started at 02:30 summer time; "now" is 02:30 winter time: the wall clock shows no time passed.
    const running = entry({
      id: 2,
      date: '2026-10-25',
      minutes: 0,
      ongoing: true,
      start: '2026-10-25T02:30:00+02:00',
    });
    const now = Date.parse('2026-10-25T02:30:00+01:00');
    const summary = summarizeToday(input([acrossShift, running], now, '2026-10-25'));
    expect(summary.totalMinutes).toBe(180);
    expect(summary.running?.runningMs).toBe(3_600_000);
  });
});

const purposes: Purpose[] = [
  'work',
  'break',
  'special_leave',
  'unpaid_leave',
  'statutory_leave',
  'sick_leave',
  'work_reduction',
  'trip',
];
const BASE_MS = Date.parse('2026-06-11T06:00:00+02:00');

const entryArb = fc.record({
  id: fc.integer({ min: 1, max: 1_000_000 }),
  date: fc.constantFrom(DAY, DAY, DAY, '2026-06-10'),
  purpose: fc.constantFrom(...purposes),
  projectId: fc.option(fc.constantFrom(10, 20, 30), { nil: null }),
  taskId: fc.option(fc.constantFrom(100, 200), { nil: null }),
  minutes: fc.integer({ min: -10, max: 600 }),
  isDirect: fc.boolean(),
  ongoing: fc.boolean(),
  startOffsetMin: fc.integer({ min: 0, max: 16 * 60 }),
  note: fc.constantFrom('', 'Balans', ' BTW ', 'Overleg'),
});

type EntryRecord = Omit<Partial<Entry>, 'start'> & { startOffsetMin: number };

function toEntries(records: EntryRecord[]): Entry[] {
  return records.map(({ startOffsetMin, ...rest }, index) =>
    entry({ ...rest, id: index + 1, start: new Date(BASE_MS + startOffsetMin * 60_000).toISOString() }),
  );
}

describe('summarizeToday — properties', () => {
  const entriesArb = fc.array(entryArb, { maxLength: 40 }).map((records) => toEntries(records));
  const nowArb = fc.integer({ min: BASE_MS - 3_600_000, max: BASE_MS + 24 * 3_600_000 });

  it('direct + indirect = total, and nothing is negative', () => {
    fc.assert(
      fc.property(entriesArb, nowArb, (entries, now) => {
        const summary = summarizeToday(input(entries, now));
        expect(summary.directMinutes + summary.indirectMinutes).toBe(summary.totalMinutes);
        expect(summary.directMinutes).toBeGreaterThanOrEqual(0);
        expect(summary.indirectMinutes).toBeGreaterThanOrEqual(0);
        expect(summary.breakMinutes).toBeGreaterThanOrEqual(0);
        expect(summary.groups.reduce((total, group) => total + group.minutes, 0)).toBe(summary.totalMinutes);
      }),
    );
  });

  it('the total never decreases as now moves forward', () => {
    fc.assert(
      fc.property(entriesArb, nowArb, fc.integer({ min: 0, max: 10 * 3_600_000 }), (entries, now, later) => {
        const before = summarizeToday(input(entries, now));
        const after = summarizeToday(input(entries, now + later));
        expect(after.totalMinutes).toBeGreaterThanOrEqual(before.totalMinutes);
        if (before.running && after.running)
          expect(after.running.elapsedMs).toBeGreaterThanOrEqual(before.running.elapsedMs);
      }),
    );
  });

  it('breaks, leave and other days never change the work total', () => {
    fc.assert(
      fc.property(entriesArb, entriesArb, nowArb, (entries, noise, now) => {
        const workOfDay = entries.filter((item) => item.purpose === 'work' && item.date === DAY);
        const notWork = noise
          .filter((item) => item.purpose !== 'work' || item.date !== DAY)
          .map((item, index) => ({ ...item, id: 10_000 + index }));
        const plain = summarizeToday(input(workOfDay, now));
        const mixed = summarizeToday(input([...workOfDay, ...notWork], now));
        expect(mixed.totalMinutes).toBe(plain.totalMinutes);
        expect(mixed.directMinutes).toBe(plain.directMinutes);
      }),
    );
  });

  it('without ongoing entries the total is exactly the sum of confirmed work minutes', () => {
    fc.assert(
      fc.property(entriesArb, nowArb, (entries, now) => {
        const stopped = entries.map((item) => ({ ...item, ongoing: false }));
        const expected = stopped
          .filter((item) => item.purpose === 'work' && item.date === DAY)
          .reduce((total, item) => total + Math.max(0, item.minutes), 0);
        expect(summarizeToday(input(stopped, now)).totalMinutes).toBe(expected);
      }),
    );
  });
});
