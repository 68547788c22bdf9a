import { describe, expect, it } from 'vitest';
import { hoursBetween } from './model/entry-factory';
import { localDate } from './model/time-zone';
import type { SandboxState, TimeEntry } from './model/types';
import { createSeed, SANDBOX_USER_IDS, SPECIAL_DAYS } from './seed';
import { HOSTILE_NOTES } from './seed/notes';
import { TEST_NOW, TEST_TODAY } from './testing/test-client';

const ZONE = 'Europe/Amsterdam';
const seed = createSeed({ now: TEST_NOW });
const admin = SANDBOX_USER_IDS.admin;
const ofAdmin = (state: SandboxState, date: string) =>
  state.timeEntries.filter((entry) => entry.user_id === admin && entry.date === date);

describe('the firm', () => {
  it('is Bakker & De Vries with Dutch users, coded clients and 25 projects of every kind', () => {
    expect(seed.organisation).toMatchObject({
      name: 'Bakker & De Vries Adviseurs',
      time_zone: ZONE,
      currency: 'EUR',
      current_plan: 'plus_2024',
      features: { timesheet: 'times', projects: true, tasks: true, breaks: true },
    });
    expect(seed.users.length).toBeGreaterThanOrEqual(12);
    expect(seed.users.some((user) => user.surname?.startsWith('van der '))).toBe(true);
    expect(seed.clients).toHaveLength(8);
    expect(seed.clients.every((client) => client.code !== null)).toBe(true);
    expect(seed.clients.map((client) => client.name)).toEqual(
      expect.arrayContaining(['Gemeente Utrecht', 'Bouwbedrijf Jansen B.V.']),
    );
    expect(seed.projects).toHaveLength(25);
    expect(new Set(seed.projects.map((project) => project.direct))).toEqual(
      new Set([
        'entire_project_is_direct',
        'entire_project_is_indirect',
        'is_direct_through_task_assignments',
      ]),
    );
    const internal = seed.projects.filter((project) => project.client === null);
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.every((project) => project.direct === 'entire_project_is_indirect')).toBe(true);
  });
});

describe('entries', () => {
  it('cover three months of weekdays ending today', () => {
    const dates = seed.timeEntries.map((entry) => entry.date).sort();
    expect(dates.at(-1)).toBe(TEST_TODAY);
    expect(dates.filter((date) => date >= '2026-08-28').length).toBeGreaterThan(2500);
    expect(new Set(seed.timeEntries.map((entry) => entry.id)).size).toBe(seed.timeEntries.length);
  });

  it('give the admin a running entry today after finished ones, including a break', () => {
    const today = ofAdmin(seed, TEST_TODAY);
    const running = today.filter((entry) => entry.ongoing);
    expect(running).toHaveLength(1);
    expect(running[0]).toMatchObject({ end: null, hours: null });
    expect(Date.parse(running[0]?.start ?? '')).toBeLessThanOrEqual(TEST_NOW);
    const finished = today.filter((entry) => !entry.ongoing);
    expect(finished.filter((entry) => entry.purpose === 'work').length).toBeGreaterThanOrEqual(3);
    expect(finished.some((entry) => entry.purpose === 'break' && entry.included_in_total === false)).toBe(
      true,
    );
    for (const entry of finished)
      expect(Date.parse(entry.end ?? '')).toBeLessThanOrEqual(Date.parse(running[0]?.start ?? ''));
  });

  it('keep the running entry on today whatever the clock says', () => {
    for (const clock of ['00:03', '02:30', '07:15', '11:59', '13:00', '23:59']) {
      const now = Date.parse(`2026-11-27T${clock}:20+01:00`);
      const state = createSeed({ now });
      const today = ofAdmin(state, '2026-11-27');
      const running = today.find((entry) => entry.ongoing);
      expect(running, clock).toBeDefined();
      expect(Date.parse(running?.start ?? ''), clock).toBeLessThanOrEqual(now);
      expect(today.every((entry) => (entry.hours ?? 0) >= 0 && entry.start?.startsWith('2026-11-27'))).toBe(
        true,
      );
      expect(state.timeEntries.every((entry) => entry.ongoing || Date.parse(entry.end ?? '') <= now)).toBe(
        true,
      );
    }
  });

  it('take today from the clock in Amsterdam, not UTC', () => {
    const lateUtc = Date.parse('2026-11-27T23:30:00Z');
    expect(createSeed({ now: lateUtc }).today).toBe('2026-11-28');
  });

  it('hold an entry past midnight on its start date', () => {
    const late = seed.timeEntries.find(
      (entry) => entry.start?.slice(11, 16) === '23:00' && entry.user_id === admin,
    );
    expect(late).toMatchObject({
      date: '2026-11-20',
      start: '2026-11-20T23:00:00+01:00',
      end: '2026-11-21T01:00:00+01:00',
      hours: 2,
    });
    expect(late?.note?.length).toBeGreaterThan(3000);
    expect(late?.note?.length).toBeLessThanOrEqual(10_000);
  });

  it('render the 2026 clock changes with the right offsets and hours', () => {
    const at = (day: string) => ofAdmin(seed, day).map((entry) => [entry.start, entry.end, entry.hours]);
    expect(at(SPECIAL_DAYS.springForward)).toEqual([
      ['2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00', 1],
      ['2026-03-29T10:00:00+02:00', '2026-03-29T12:00:00+02:00', 2],
    ]);
    expect(at(SPECIAL_DAYS.fallBack)).toEqual([
      ['2026-10-25T01:30:00+02:00', '2026-10-25T03:30:00+01:00', 3],
      ['2026-10-25T10:00:00+01:00', '2026-10-25T12:00:00+01:00', 2],
    ]);
    const summer = seed.timeEntries.find((entry) => entry.date === '2026-09-01');
    expect(summer?.start).toMatch(/\+02:00$/);
  });

  it('are consistent: hours from start and end, date from start, direct from project and task', () => {
    const projects = new Map(seed.projects.map((project) => [project.id, project]));
    for (const entry of seed.timeEntries) {
      expect(localDate(Date.parse(entry.start ?? ''), ZONE)).toBe(entry.date);
      if (!entry.ongoing)
        expect(entry.hours).toBe(hoursBetween(Date.parse(entry.start ?? ''), Date.parse(entry.end ?? '')));
      const project = entry.project_id === null ? undefined : projects.get(entry.project_id);
      let direct = false;
      if (entry.purpose === 'work' && project?.direct === 'entire_project_is_direct') direct = true;
      if (entry.purpose === 'work' && project?.direct === 'is_direct_through_task_assignments') {
        direct = project.task_assignments?.find((item) => item.task_id === entry.task_id)?.direct === true;
      }
      expect(entry.is_direct_hours, `entry ${entry.id}`).toBe(direct);
      if (project) {
        expect(project.participations.some((item) => item.user_id === entry.user_id)).toBe(true);
        expect(project.task_assignments?.some((item) => item.task_id === entry.task_id)).toBe(true);
      } else {
        expect(entry.purpose).not.toBe('work');
      }
    }
    // The assignment override (meetings billed on the municipal audit) shows up.
    expect(
      seed.timeEntries.some(
        (entry) => entry.project_id === 573202 && entry.task_id === 34505 && entry.is_direct_hours,
      ),
    ).toBe(true);
  });

  it('contain leave, sickness and hostile notes', () => {
    expect(
      seed.timeEntries.some((entry) => entry.user_id === admin && entry.purpose === 'statutory_leave'),
    ).toBe(true);
    expect(
      seed.timeEntries.some(
        (entry) => entry.user_id === SANDBOX_USER_IDS.member && entry.purpose === 'sick_leave',
      ),
    ).toBe(true);
    const notes = seed.timeEntries.map((entry) => entry.note);
    for (const note of Object.values(HOSTILE_NOTES)) expect(notes).toContain(note);
    expect(notes).toContain('<img src=x onerror=alert(1)>');
  });

  it('lock invoiced and archived work; leave recent months open', () => {
    const invoiced = seed.timeEntries.filter((entry) =>
      entry.external_references.some((ref) => ref.type === 'exact_online_invoice'),
    );
    expect(invoiced.length).toBeGreaterThan(50);
    expect(
      invoiced.every((entry) => entry.locked && entry.date < '2026-10-01' && entry.is_direct_hours),
    ).toBe(true);
    const archived = new Set(
      seed.projects.filter((project) => project.state === 'archived').map((project) => project.id),
    );
    const onArchived = seed.timeEntries.filter((entry) => archived.has(entry.project_id ?? 0));
    expect(onArchived.length).toBeGreaterThan(0);
    expect(onArchived.every((entry) => entry.locked)).toBe(true);
    const locked = seed.timeEntries.filter((entry) => entry.locked);
    expect(locked.every((entry) => invoiced.includes(entry) || onArchived.includes(entry))).toBe(true);
  });

  it('include a second organisation on an hours timesheet', () => {
    const [other] = seed.otherOrganisations;
    expect(other?.organisation.features.timesheet).toBe('hours');
    const entries = other?.timeEntries ?? [];
    expect(
      entries.filter((entry) => !entry.ongoing).every((entry) => entry.start === null && entry.end === null),
    ).toBe(true);
    expect(entries.find((entry) => entry.ongoing)).toMatchObject({ hours: 0.5, end: null });
  });
});

describe('determinism and size', () => {
  const ids = (state: SandboxState) => state.timeEntries.map((entry: TimeEntry) => entry.id);

  it('gives the same state for the same options and a different one for another random seed', () => {
    expect(createSeed({ now: TEST_NOW })).toEqual(seed);
    expect(createSeed({ now: TEST_NOW + 3_600_000, today: TEST_TODAY, randomSeed: 7 })).toEqual(
      createSeed({ now: TEST_NOW + 3_600_000, today: TEST_TODAY, randomSeed: 7 }),
    );
    const other = createSeed({ now: TEST_NOW, randomSeed: 7 });
    expect(other.timeEntries.map((entry) => entry.note)).not.toEqual(
      seed.timeEntries.map((entry) => entry.note),
    );
  });

  it('honours entryCount exactly, filling days backwards from today', () => {
    const small = createSeed({ now: TEST_NOW, entryCount: 500 });
    expect(small.timeEntries).toHaveLength(500);
    expect(small.timeEntries.filter((entry) => entry.date >= '2026-11-01').length).toBeGreaterThan(300);
    // The hand-placed entries are always there, so that is the floor.
    expect(createSeed({ now: TEST_NOW, entryCount: 0 }).timeEntries.length).toBe(12);
  });

  it('seeds 50,000 entries', () => {
    const started = performance.now();
    const big = createSeed({ now: TEST_NOW, entryCount: 50_000 });
    const elapsed = performance.now() - started;
    expect(big.timeEntries).toHaveLength(50_000);
    expect(new Set(ids(big)).size).toBe(50_000);
    expect(big.timeEntries[0]?.date ?? '').toMatch(/^202[0-3]-/);
    console.info(`50,000-entry seed: ${elapsed.toFixed(0)} ms`);
  });

  it('refuses malformed options', () => {
    expect(() => createSeed({ now: TEST_NOW, today: '27-11-2026' })).toThrow(/Y-m-d/);
    expect(() => createSeed({ now: TEST_NOW, entryCount: -1 })).toThrow(/entryCount/);
  });
});

describe('the big-firm seed option', () => {
  it('grows the firm to `people`, the newcomers booking on Gemeente Utrecht and internal work', () => {
    const big = createSeed({ now: TEST_NOW, people: 40, entryCount: 20_000 });
    expect(big.users).toHaveLength(40);
    const utrecht = new Set(big.projects.filter((project) => project.client?.id === 123401).map((p) => p.id));
    const newcomer = big.users[39]!;
    const theirs = big.timeEntries.filter(
      (entry) => entry.user_id === newcomer.id && entry.project_id !== null,
    );
    expect(theirs.length).toBeGreaterThan(0);
    for (const entry of theirs) {
      const project = big.projects.find((item) => item.id === entry.project_id)!;
      expect(project.client === null || utrecht.has(project.id)).toBe(true);
    }
    expect(() => createSeed({ now: TEST_NOW, people: 0 })).toThrow(/people/);
  });
});
