import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundHours } from './model/entry-factory';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  startKeepingSandbox,
  type TimeEntry,
} from './server';
import { call, TEST_NOW } from './testing/test-client';

let sandbox: KeepingSandbox;
beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => TEST_NOW, seed: { entryCount: 50_000 } });
});
afterAll(() => sandbox.close());

describe('a 50,000-entry sandbox over HTTP', () => {
  it('pages to the last entry and sums the hours of all of them', async () => {
    const { status, json } = await call<{
      time_entries: TimeEntry[];
      meta: { total: number; last_page: number; total_hours: number };
    }>(sandbox.url, `/v1/${ORG}/report/time-entries?per_page=100&page=500`);
    expect(status).toBe(200);
    expect(json.meta.total).toBe(50_000);
    expect(json.meta.last_page).toBe(500);
    expect(json.time_entries).toHaveLength(100);
    const expected = sandbox.state.timeEntries
      .filter((entry) => entry.purpose !== 'break')
      .reduce((sum, entry) => sum + (entry.hours ?? 0), 0);
    expect(json.meta.total_hours).toBe(roundHours(expected));
  });

  it('reports a full year by month', async () => {
    const { status, json } = await call<{ report: { rows: unknown[]; total_hours: number } }>(
      sandbox.url,
      `/v1/${ORG}/report?from=2025-11-28&to=2026-11-27&row_type=month`,
    );
    expect(status).toBe(200);
    expect(json.report.rows).toHaveLength(13);
    expect(json.report.total_hours).toBeGreaterThan(10_000);
  });
});
