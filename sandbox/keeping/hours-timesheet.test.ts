import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type KeepingSandbox,
  OTHER_ORGANISATION_ID as OTHER,
  SANDBOX_TOKENS,
  startKeepingSandbox,
  type TimeEntry,
  type WriteMeta,
} from './server';
import { type CallOptions, call, TEST_NOW, TEST_TODAY } from './testing/test-client';

type One = { time_entry: TimeEntry; meta: WriteMeta };

let sandbox: KeepingSandbox;
beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => TEST_NOW });
});
afterAll(() => sandbox.close());

const api = <T = One>(path: string, options: CallOptions = {}) =>
  call<T>(sandbox.url, `/v1/${OTHER}${path}`, { token: SANDBOX_TOKENS.otherAccount, ...options });
const other = () => sandbox.state.otherOrganisations[0]?.timeEntries ?? [];

describe('an organisation on an hours timesheet (free plan, no tasks)', () => {
  it('merges an entry with identical details into the existing one (200)', async () => {
    const existing = other().find(
      (entry) => !entry.ongoing && entry.note === 'Boekingen verwerkt',
    ) as TimeEntry;
    const before = existing.hours ?? 0;
    const { status, json } = await api('/time-entries', {
      method: 'POST',
      body: {
        date: existing.date,
        project_id: existing.project_id,
        note: ' Boekingen verwerkt ',
        hours: 0.75,
        start: '9:00',
      },
    });
    expect(status).toBe(200);
    expect(json.time_entry).toMatchObject({ id: existing.id, hours: before + 0.75, start: null, end: null });
  });

  it('creates a new entry when details differ (201), ignoring start and end', async () => {
    const { status, json } = await api('/time-entries', {
      method: 'POST',
      body: {
        date: '2026-11-20',
        project_id: 573291,
        note: 'Administratie eigen kantoor',
        hours: 2,
        start: '9:00',
        end: '17:00',
      },
    });
    expect(status).toBe(201);
    expect(json.time_entry).toMatchObject({ hours: 2, start: null, end: null, is_direct_hours: false });
  });

  it('starts a running entry without hours and adds the elapsed time on stop', async () => {
    const previous = other().find((entry) => entry.ongoing) as TimeEntry;
    const startedBefore = Date.parse(previous.start ?? '');
    const created = await api('/time-entries', { method: 'POST', body: { project_id: 573291 } });
    expect(created.status).toBe(201);
    expect(created.json.time_entry).toMatchObject({ ongoing: true, hours: null, date: TEST_TODAY });
    expect(created.json.meta.modified_existing_time_entry_ids).toEqual([previous.id]);
    expect(previous).toMatchObject({ ongoing: false, start: null });
    expect(previous.hours).toBeCloseTo(0.5 + (TEST_NOW - startedBefore) / 3_600_000, 3);
  });

  it('refuses tasks, task reports and reference reports, and gives no direct hours', async () => {
    expect((await api('/tasks')).status).toBe(403);
    const report = await api<{
      report: { total_direct_hours: number | null; rows: Array<{ direct_hours: number | null }> };
    }>('/report?from=2026-11-01&to=2026-11-30&row_type=project');
    expect(report.status).toBe(200);
    expect(report.json.report.total_direct_hours).toBeNull();
    expect(report.json.report.rows.length).toBeGreaterThan(0);
    expect(report.json.report.rows.filter((row) => row.direct_hours !== null)).toEqual([]);
    expect((await api('/report?from=2026-11-01&to=2026-11-30&row_type=task')).status).toBe(403);
    expect((await api('/report?from=2026-11-01&to=2026-11-30&row_type=external_reference')).status).toBe(403);
    expect((await api('/time-entries', { method: 'POST', body: { hours: 1 } })).status).toBe(422); // project required
    expect(
      (await api('/time-entries', { method: 'POST', body: { project_id: 573290, hours: 1001 } })).status,
    ).toBe(422);
  });
});
