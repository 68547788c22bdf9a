import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  SAMPLE_JIRA_REFERENCE,
  SANDBOX_TOKENS,
  SANDBOX_USER_IDS,
  startKeepingSandbox,
  type TimeEntry,
  type WriteMeta,
} from './server';
import { type CallOptions, call, TEST_NOW, TEST_TODAY } from './testing/test-client';

type One = { time_entry: TimeEntry; meta: WriteMeta };
type Day = { time_entries: TimeEntry[]; meta: { user_id: number; date: string } };

let sandbox: KeepingSandbox;
beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => TEST_NOW, ratePerMinute: 10_000 });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const api = <T = One>(path: string, options: CallOptions = {}) =>
  call<T>(sandbox.url, `/v1/${ORG}${path}`, options);
const patch = (id: number, body: unknown) => api(`/time-entries/${id}`, { method: 'PATCH', body });
const adminToday = () =>
  sandbox.state.timeEntries.filter(
    (entry) => entry.user_id === SANDBOX_USER_IDS.admin && entry.date === TEST_TODAY,
  );
const withJira = () => adminToday().find((entry) => entry.external_references.length > 0) as TimeEntry;
const GENERIC = {
  id: 'abcdef0123456789',
  type: 'generic_work_reference',
  name: 'Urenbrug: factuur 26700500',
  url: null,
};

describe('GET /time-entries', () => {
  it('gives my entries of today (organisation zone) with meta, sorted by start', async () => {
    const { status, json } = await api<Day>('/time-entries');
    expect(status).toBe(200);
    expect(json.meta).toEqual({ user_id: SANDBOX_USER_IDS.admin, date: TEST_TODAY });
    expect(json.time_entries.map((entry) => entry.id)).toEqual(adminToday().map((entry) => entry.id));
    const starts = json.time_entries.map((entry) => Date.parse(entry.start ?? ''));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('takes user_id and date, and refuses a malformed date', async () => {
    const { json } = await api<Day>(`/time-entries?user_id=${SANDBOX_USER_IDS.member}&date=2026-11-26`);
    expect(
      json.time_entries.every(
        (entry) => entry.user_id === SANDBOX_USER_IDS.member && entry.date === '2026-11-26',
      ),
    ).toBe(true);
    expect(json.time_entries.length).toBeGreaterThan(0);
    expect((await api('/time-entries?date=26-11-2026')).status).toBe(422);
    expect((await api('/time-entries?user_id=1')).status).toBe(404);
  });

  it('finds the running entry through /time-entries/last and 404s when nothing matches', async () => {
    const { json } = await api('/time-entries/last?ongoing=true');
    expect(json.time_entry).toMatchObject({
      ongoing: true,
      end: null,
      hours: null,
      user_id: SANDBOX_USER_IDS.admin,
    });
    expect((await api('/time-entries/last?ongoing=1&purpose=break')).status).toBe(404);
    expect((await api('/time-entries/last?ongoing=maybe')).status).toBe(422);
  });
});

describe('PATCH /time-entries/{id}: external references', () => {
  it('leaves references alone when the property is absent', async () => {
    const entry = withJira();
    const { status, json } = await patch(entry.id, { note: 'Nieuwe notitie' });
    expect(status).toBe(200);
    expect(json.time_entry.note).toBe('Nieuwe notitie');
    expect(json.time_entry.external_references).toEqual([SAMPLE_JIRA_REFERENCE]);
    expect(json.meta).toEqual({
      created_additional_time_entry_ids: [],
      modified_existing_time_entry_ids: [],
      deleted_existing_time_entry_ids: [],
    });
  });

  it('keeps a non-generic reference that is sent back unchanged, next to a new generic one', async () => {
    const entry = withJira();
    const { status, json } = await patch(entry.id, { external_references: [SAMPLE_JIRA_REFERENCE, GENERIC] });
    expect(status).toBe(200);
    expect(json.time_entry.external_references).toEqual([SAMPLE_JIRA_REFERENCE, GENERIC]);
  });

  it('deletes a reference that is left out, and all of them with []', async () => {
    const entry = withJira();
    const dropped = await patch(entry.id, { external_references: [GENERIC] });
    expect(dropped.json.time_entry.external_references).toEqual([GENERIC]);
    const cleared = await patch(entry.id, { external_references: [] });
    expect(cleared.json.time_entry.external_references).toEqual([]);
  });

  it('defaults a reference without type to generic_work_reference', async () => {
    const { json } = await patch(withJira().id, {
      external_references: [{ id: GENERIC.id, name: GENERIC.name }],
    });
    expect(json.time_entry.external_references).toEqual([GENERIC]);
  });

  it('refuses changed or invented non-generic references and malformed generic ones with 422', async () => {
    const entry = withJira();
    const before = structuredClone(entry);
    const cases: unknown[] = [
      [{ ...SAMPLE_JIRA_REFERENCE, name: 'renamed' }],
      [{ ...GENERIC, type: 'exact_online_invoice' }],
      [{ ...GENERIC, id: 'NOT-HEX' }],
      [{ ...GENERIC, id: 'abc' }],
      [{ ...GENERIC, name: '' }],
      [{ ...GENERIC, name: 'x'.repeat(192) }],
      [{ ...GENERIC, url: 'javascript:alert(1)' }],
      [{ ...GENERIC, url: 'not a url' }],
      [GENERIC, GENERIC],
      Array.from({ length: 11 }, (_, index) => ({
        ...GENERIC,
        id: `abcdef01234567${String(index).padStart(2, '0')}`,
      })),
      'not-an-array',
    ];
    for (const refs of cases) {
      const response = await patch(entry.id, { external_references: refs, note: 'should not stick' });
      expect(response.status, JSON.stringify(refs).slice(0, 80)).toBe(422);
      expect(response.json).toHaveProperty('error.errors');
    }
    expect(entry).toEqual(before);
  });
});

describe('PATCH /time-entries/{id}: other rules', () => {
  const finished = () =>
    adminToday().find((entry) => !entry.ongoing && entry.purpose === 'work') as TimeEntry;

  it('refuses to change user_id, date or purpose, but accepts the same value', async () => {
    const entry = finished();
    expect((await patch(entry.id, { date: '2026-11-01' })).status).toBe(422);
    expect((await patch(entry.id, { user_id: SANDBOX_USER_IDS.member })).status).toBe(422);
    expect((await patch(entry.id, { purpose: 'break' })).status).toBe(422);
    expect((await patch(entry.id, { date: entry.date, purpose: entry.purpose })).status).toBe(200);
  });

  it('403s on a locked (invoiced) entry for PATCH and DELETE, in the asked language', async () => {
    const locked = sandbox.state.timeEntries.find(
      (entry) => entry.locked && entry.user_id === SANDBOX_USER_IDS.admin,
    ) as TimeEntry;
    const response = await call(sandbox.url, `/v1/${ORG}/time-entries/${locked.id}`, {
      method: 'PATCH',
      body: { note: 'x' },
      lang: 'en',
    });
    expect(response.status).toBe(403);
    expect(response.json.error.message).toMatch(/locked/);
    expect((await api(`/time-entries/${locked.id}`, { method: 'DELETE' })).status).toBe(403);
  });

  it('recomputes hours and the direct flag when times, project or task change', async () => {
    const entry = finished();
    const moved = await patch(entry.id, { start: '8:00', end: '9:45am' });
    expect(moved.json.time_entry).toMatchObject({
      start: `${TEST_TODAY}T08:00:00+01:00`,
      end: `${TEST_TODAY}T09:45:00+01:00`,
      hours: 1.75,
    });
    // Kwaliteitsaudit is direct through task assignments: Advies yes, Overleg no.
    const direct = await patch(entry.id, { project_id: 573209, task_id: 34501 });
    expect(direct.json.time_entry.is_direct_hours).toBe(true);
    const indirect = await patch(entry.id, { task_id: 34505 });
    expect(indirect.json.time_entry.is_direct_hours).toBe(false);
  });

  it('validates project, task, note and times', async () => {
    const entry = finished();
    expect((await patch(entry.id, { project_id: 999 })).status).toBe(404);
    expect((await patch(entry.id, { project_id: 573220 })).status).toBe(403); // archived
    expect((await patch(entry.id, { project_id: 573222, task_id: 34503 })).status).toBe(422); // not assigned
    expect((await patch(entry.id, { project_id: null })).status).toBe(422);
    expect((await patch(entry.id, { note: 'x'.repeat(10_001) })).status).toBe(422);
    expect((await patch(entry.id, { note: 'x'.repeat(10_000) })).status).toBe(200);
    expect((await patch(entry.id, { start: '25:00' })).status).toBe(422);
    expect((await patch(entry.id, { end: null })).status).toBe(422);
    expect((await patch(entry.id, { tag_ids: [5] })).status).toBe(404);
  });

  it('stops a running entry when end is set', async () => {
    const running = adminToday().find((entry) => entry.ongoing) as TimeEntry;
    const { json } = await patch(running.id, { end: '14:05' });
    expect(json.time_entry).toMatchObject({ ongoing: false, end: `${TEST_TODAY}T14:05:00+01:00` });
    expect(json.time_entry.hours).toBeGreaterThan(0);
  });

  it('lets a team member change only their own entries', async () => {
    const mine = sandbox.state.timeEntries.find(
      (entry) => entry.user_id === SANDBOX_USER_IDS.member && !entry.locked,
    ) as TimeEntry;
    const options = { method: 'PATCH', body: { note: 'eigen' }, token: SANDBOX_TOKENS.member };
    expect((await api(`/time-entries/${mine.id}`, options)).status).toBe(200);
    expect((await api(`/time-entries/${finished().id}`, options)).status).toBe(403);
  });
});

describe('POST /time-entries', () => {
  const post = (body: unknown, token?: string) => api('/time-entries', { method: 'POST', body, token });

  it('creates a finished entry with hours from start and end (201)', async () => {
    const { status, json } = await post({
      project_id: 573201,
      task_id: 34501,
      start: '07:10',
      end: '08:00',
      note: 'Vroeg begonnen',
    });
    expect(status).toBe(201);
    expect(json.time_entry).toMatchObject({
      user_id: SANDBOX_USER_IDS.admin,
      date: TEST_TODAY,
      purpose: 'work',
      hours: 0.8333,
      ongoing: false,
      is_direct_hours: true,
      start: `${TEST_TODAY}T07:10:00+01:00`,
    });
    expect(sandbox.state.timeEntries.at(-1)).toEqual(json.time_entry);
  });

  it('puts an end before the start on the next day, still on the start date', async () => {
    const { json } = await post({
      date: '2026-11-20',
      project_id: 573201,
      task_id: 34501,
      start: '22:30',
      end: '0:15',
    });
    expect(json.time_entry).toMatchObject({
      date: '2026-11-20',
      start: '2026-11-20T22:30:00+01:00',
      end: '2026-11-21T00:15:00+01:00',
      hours: 1.75,
    });
  });

  it('starts a running entry and stops the previous one (meta ids)', async () => {
    const previous = adminToday().find((entry) => entry.ongoing) as TimeEntry;
    const { status, json } = await post({ project_id: 573207, task_id: 34505, start: '14:10' });
    expect(status).toBe(201);
    expect(json.time_entry).toMatchObject({ ongoing: true, end: null, hours: null });
    expect(json.meta.modified_existing_time_entry_ids).toEqual([previous.id]);
    expect(previous).toMatchObject({ ongoing: false, end: `${TEST_TODAY}T14:20:00+01:00` });
    expect(
      sandbox.state.timeEntries.filter((entry) => entry.user_id === SANDBOX_USER_IDS.admin && entry.ongoing),
    ).toHaveLength(1);
  });

  it('refuses bad input', async () => {
    expect((await post({ task_id: 34501, start: '9:00', end: '10:00' })).status).toBe(422); // project required
    expect((await post({ project_id: 573201, start: '9:00', end: '10:00' })).status).toBe(422); // task required
    expect((await post({ date: '2026-12-01', project_id: 573201, task_id: 34501 })).status).toBe(422); // future, no times
    expect((await post({ project_id: 573201, task_id: 34501, start: '16:00' })).status).toBe(422); // running from the future
    expect((await post({ purpose: 'holiday' })).status).toBe(422);
    expect(
      (await post({ date: '2026-13-01', project_id: 573201, task_id: 34501, start: '9:00', end: '10:00' }))
        .status,
    ).toBe(422);
    expect((await post({ purpose: 'break', project_id: 573201, start: '9:00', end: '9:30' })).status).toBe(
      422,
    );
    const foreign = sandbox.state.projects.find(
      (project) =>
        project.state === 'active' &&
        !project.participations.some((item) => item.user_id === SANDBOX_USER_IDS.member),
    );
    const memberPost = await post(
      {
        project_id: foreign?.id,
        task_id: foreign?.task_assignments?.[0]?.task_id,
        start: '9:00',
        end: '10:00',
      },
      SANDBOX_TOKENS.member,
    );
    expect(memberPost.status).toBe(403);
    expect(
      (
        await post(
          { user_id: SANDBOX_USER_IDS.admin, purpose: 'sick_leave', start: '9:00', end: '10:00' },
          SANDBOX_TOKENS.member,
        )
      ).status,
    ).toBe(403);
  });

  it('accepts a future entry with start and end, and leave without a project', async () => {
    expect(
      (await post({ date: '2026-12-01', project_id: 573201, task_id: 34501, start: '9:00', end: '10:00' }))
        .status,
    ).toBe(201);
    const leave = await post({ purpose: 'special_leave', start: '9:00', end: '12:00' });
    expect(leave.json.time_entry).toMatchObject({
      project_id: null,
      task_id: null,
      is_direct_hours: false,
      hours: 3,
    });
  });
});

describe('stop, resume and delete', () => {
  it('stops a running entry at the server clock; a finished one gives 422', async () => {
    const running = adminToday().find((entry) => entry.ongoing) as TimeEntry;
    const { status, json } = await api(`/time-entries/${running.id}/stop`, { method: 'PATCH' });
    expect(status).toBe(200);
    expect(json.time_entry).toMatchObject({ ongoing: false, end: `${TEST_TODAY}T14:20:00+01:00` });
    expect(json.time_entry.hours).toBeCloseTo((TEST_NOW - Date.parse(running.start ?? '')) / 3_600_000, 4);
    expect((await api(`/time-entries/${running.id}/stop`, { method: 'PATCH' })).status).toBe(422);
  });

  it('resumes an entry as a new running entry today', async () => {
    const source = sandbox.state.timeEntries.find(
      (entry) =>
        !entry.locked &&
        entry.date === '2026-11-25' &&
        entry.user_id === SANDBOX_USER_IDS.admin &&
        entry.purpose === 'work',
    ) as TimeEntry;
    const { status, json } = await api(`/time-entries/${source.id}/resume`, { method: 'POST' });
    expect(status).toBe(201);
    expect(json.time_entry).toMatchObject({
      date: TEST_TODAY,
      ongoing: true,
      project_id: source.project_id,
      task_id: source.task_id,
      note: source.note,
    });
    expect(json.time_entry.id).not.toBe(source.id);
    expect(json.meta.modified_existing_time_entry_ids).toHaveLength(1);
  });

  it('deletes with 204 and an empty body, then 404', async () => {
    const entry = adminToday()[0] as TimeEntry;
    const deleted = await api(`/time-entries/${entry.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await api(`/time-entries/${entry.id}`)).status).toBe(404);
  });
});
