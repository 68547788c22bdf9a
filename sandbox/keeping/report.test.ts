import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundHours } from './model/entry-factory';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  SANDBOX_TOKENS,
  SANDBOX_USER_IDS,
  startKeepingSandbox,
  type TimeEntry,
} from './server';
import { call, TEST_NOW } from './testing/test-client';

interface Row {
  id: string | null;
  description: string;
  url: string | null;
  hours: number;
  direct_hours: number | null;
}
interface ReportBody {
  report: {
    from: string;
    to: string;
    row_type: string;
    rows: Row[];
    total_hours: number;
    total_direct_hours: number | null;
  };
}

let sandbox: KeepingSandbox;
beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => TEST_NOW, ratePerMinute: 10_000 });
});
afterAll(() => sandbox.close());

const report = (query: string, token?: string, lang?: 'nl' | 'en') =>
  call<ReportBody>(sandbox.url, `/v1/${ORG}/report?${query}`, { token, lang });

const inNovember = (entry: TimeEntry) => entry.date >= '2026-11-01' && entry.date <= '2026-11-30';

/** Expected [hours, direct] per key, computed from the state the server serves. */
function expectedBy(
  key: (entry: TimeEntry) => string | null,
  keep: (entry: TimeEntry) => boolean = inNovember,
) {
  const sums = new Map<string | null, [number, number]>();
  for (const entry of sandbox.state.timeEntries) {
    if (!keep(entry) || entry.purpose === 'break') continue;
    const sum = sums.get(key(entry)) ?? [0, 0];
    sum[0] += entry.hours ?? 0;
    if (entry.is_direct_hours) sum[1] += entry.hours ?? 0;
    sums.set(key(entry), sum);
  }
  return new Map([...sums].map(([id, [hours, direct]]) => [id, [roundHours(hours), roundHours(direct)]]));
}

describe('/report grouping', () => {
  it('groups by project with direct hours, excluding breaks', async () => {
    const { status, json } = await report('from=2026-11-01&to=2026-11-30&row_type=project');
    expect(status).toBe(200);
    const expected = expectedBy((entry) => (entry.project_id === null ? null : String(entry.project_id)));
    expect(new Map(json.report.rows.map((row) => [row.id, [row.hours, row.direct_hours]]))).toEqual(expected);
    expect(json.report.total_hours).toBe(
      roundHours(json.report.rows.reduce((sum, row) => sum + row.hours, 0)),
    );
    expect(json.report.total_direct_hours).toBe(
      roundHours(json.report.rows.reduce((sum, row) => sum + (row.direct_hours ?? 0), 0)),
    );
    const descriptions = json.report.rows.map((row) => row.description);
    expect(descriptions).toContain('Controle jaarrekening 2025 #UTR-02 – Gemeente Utrecht');
    expect(descriptions).toContain('Interne organisatie #INT-ORG');
    expect(descriptions).toContain('Financieringsaanvraag – Café & Restaurant De Gouden Leeuw');
    // Leave has no project: the null row comes last.
    expect(json.report.rows.at(-1)).toMatchObject({ id: null, description: 'Geen project' });
    const internal = json.report.rows.find((row) => row.id === '573222');
    expect(internal?.direct_hours).toBe(0);
  });

  it('groups by user and leaves the admin’s break out', async () => {
    const { json } = await report('from=2026-11-27&to=2026-11-27&row_type=user', undefined, 'en');
    const admin = json.report.rows.find((row) => row.id === String(SANDBOX_USER_IDS.admin));
    const work = sandbox.state.timeEntries.filter(
      (entry) =>
        entry.user_id === SANDBOX_USER_IDS.admin && entry.date === '2026-11-27' && entry.purpose === 'work',
    );
    expect(admin).toMatchObject({
      description: 'Sanne Bakker',
      hours: roundHours(work.reduce((s, e) => s + (e.hours ?? 0), 0)),
    });
  });

  it('groups by period with Keeping’s ids', async () => {
    const week = await report('from=2026-11-16&to=2026-11-29&row_type=week');
    expect(week.json.report.rows.map((row) => [row.id, row.description])).toEqual([
      ['2026-11-16..2026-11-22', 'Week 47, 2026'],
      ['2026-11-23..2026-11-29', 'Week 48, 2026'],
    ]);
    const expectedWeek = expectedBy(
      () => 'all',
      (entry) => entry.date >= '2026-11-23' && entry.date <= '2026-11-29',
    );
    expect(week.json.report.rows[1]?.hours).toBe(expectedWeek.get('all')?.[0]);

    const month = await report('from=2026-10-01&to=2026-11-30&row_type=month');
    expect(month.json.report.rows.map((row) => [row.id, row.description])).toEqual([
      ['2026-10-01..2026-10-31', 'oktober 2026'],
      ['2026-11-01..2026-11-30', 'november 2026'],
    ]);
    const day = await report('from=2026-11-27&to=2026-11-27&row_type=day', undefined, 'en');
    expect(day.json.report.rows.map((row) => [row.id, row.description])).toEqual([
      ['2026-11-27', 'Friday, 27 November 2026'],
    ]);
    const dayNl = await report('from=2026-11-27&to=2026-11-27&row_type=day', undefined, 'nl');
    expect(dayNl.json.report.rows[0]?.description).toBe('vrijdag 27 november 2026');
    const quarter = await report('from=2026-11-01&to=2026-11-30&row_type=quarter');
    expect(quarter.json.report.rows.map((row) => [row.id, row.description])).toEqual([
      ['2026-10-01..2026-12-31', 'K4 2026'],
    ]);
    const year = await report('from=2026-11-01&to=2026-11-30&row_type=year');
    expect(year.json.report.rows.map((row) => row.id)).toEqual(['2026-01-01..2026-12-31']);
  });

  it('groups invoiced hours by reference type and by invoice', async () => {
    const types = await report('from=2026-08-01&to=2026-11-30&row_type=external_reference_type');
    const invoiced = types.json.report.rows.find((row) => row.id === 'exact_online_invoice');
    const expected = expectedBy(
      (entry) =>
        entry.external_references.some((ref) => ref.type === 'exact_online_invoice') ? 'yes' : 'no',
      (entry) => entry.date >= '2026-08-01' && entry.date <= '2026-11-30',
    );
    expect(invoiced?.hours).toBe(expected.get('yes')?.[0]);
    const invoices = await report(
      'from=2026-08-01&to=2026-11-30&row_type=external_reference&external_reference_types[]=exact_online_invoice',
    );
    expect(invoices.json.report.rows.length).toBeGreaterThan(0);
    expect(invoices.json.report.rows.every((row) => /^\d{8}$/.test(row.description))).toBe(true);
  });

  it('applies filters and the own-data rule for team members', async () => {
    const filtered = await report('from=2026-11-01&to=2026-11-30&row_type=client&client_ids[]=123401');
    expect(filtered.json.report.rows.map((row) => row.id)).toEqual(['123401']);
    const own = await report(
      `from=2026-11-01&to=2026-11-30&row_type=user&user_ids[]=${SANDBOX_USER_IDS.member}`,
      SANDBOX_TOKENS.member,
    );
    expect(own.status).toBe(200);
    expect(own.json.report.rows.map((row) => row.id)).toEqual([String(SANDBOX_USER_IDS.member)]);
    expect((await report('from=2026-11-01&to=2026-11-30&row_type=user', SANDBOX_TOKENS.member)).status).toBe(
      403,
    );
    expect(
      (
        await report(
          `from=2026-11-01&to=2026-11-30&row_type=user&user_ids[]=${SANDBOX_USER_IDS.admin}`,
          SANDBOX_TOKENS.member,
        )
      ).status,
    ).toBe(403);
  });
});

describe('/report validation', () => {
  it('accepts at most 366 days', async () => {
    expect((await report('from=2025-11-27&to=2026-11-28&row_type=month')).status).toBe(200);
    const tooLong = await report('from=2025-11-27&to=2026-11-29&row_type=month', undefined, 'en');
    expect(tooLong.status).toBe(422);
    expect(tooLong.json).toMatchObject({
      error: { errors: { to: ['The period may span at most 366 days.'] } },
    });
  });

  it('refuses missing or invalid parameters and unknown ids', async () => {
    expect((await report('to=2026-11-30&row_type=month')).status).toBe(422);
    expect((await report('from=2026-11-01&row_type=month')).status).toBe(422);
    expect((await report('from=2026-11-01&to=2026-11-30')).status).toBe(422);
    expect((await report('from=2026-11-01&to=2026-11-30&row_type=colour')).status).toBe(422);
    expect((await report('from=2026-11-30&to=2026-11-01&row_type=month')).status).toBe(422);
    expect((await report('from=2026-11-01&to=2026-11-30&row_type=month&user_ids[]=1')).status).toBe(404);
    expect(
      (await report('from=2026-11-01&to=2026-11-30&row_type=month&external_reference_types[]=cheque')).status,
    ).toBe(422);
  });
});
