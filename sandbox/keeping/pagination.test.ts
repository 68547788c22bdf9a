import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundHours } from './model/entry-factory';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  startKeepingSandbox,
  type TimeEntry,
} from './server';
import { call, TEST_NOW } from './testing/test-client';

interface EntriesPage {
  time_entries: TimeEntry[];
  meta: {
    total: number;
    per_page: number;
    current_page: number;
    last_page: number | null;
    total_hours: number;
  };
}

let sandbox: KeepingSandbox;
beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => TEST_NOW, ratePerMinute: 10_000 });
});
afterAll(() => sandbox.close());

const page = (query: string) => call<EntriesPage>(sandbox.url, `/v1/${ORG}/report/time-entries${query}`);

describe('/report/time-entries pagination', () => {
  it('defaults to 25 per page and reports totals over all pages', async () => {
    const { status, json } = await page('?from=2026-11-01&to=2026-11-30');
    expect(status).toBe(200);
    const expected = sandbox.state.timeEntries.filter(
      (entry) => entry.date >= '2026-11-01' && entry.date <= '2026-11-30',
    );
    expect(json.time_entries).toHaveLength(25);
    expect(json.meta).toEqual({
      total: expected.length,
      per_page: 25,
      current_page: 1,
      last_page: Math.ceil(expected.length / 25),
      total_hours: roundHours(
        expected
          .filter((entry) => entry.purpose !== 'break')
          .reduce((sum, entry) => sum + (entry.hours ?? 0), 0),
      ),
    });
  });

  it('clamps per_page to 100 and serves a partial last page', async () => {
    const first = await page('?per_page=500');
    expect(first.json.meta.per_page).toBe(100);
    expect(first.json.time_entries).toHaveLength(100);
    const total = sandbox.state.timeEntries.length;
    const lastPage = Math.ceil(total / 100);
    const last = await page(`?per_page=500&page=${lastPage}`);
    expect(last.json.meta).toMatchObject({ current_page: lastPage, last_page: lastPage, total });
    expect(last.json.time_entries).toHaveLength(total - (lastPage - 1) * 100);
    const beyond = await page(`?per_page=100&page=${lastPage + 1}`);
    expect(beyond.json.time_entries).toEqual([]);
  });

  it('walks every entry exactly once, in chronological order', async () => {
    const seen: TimeEntry[] = [];
    for (let current = 1; ; current++) {
      const { json } = await page(`?per_page=100&page=${current}&user_ids[]=55401`);
      seen.push(...json.time_entries);
      if (json.meta.last_page === null || current >= json.meta.last_page) break;
    }
    const expected = sandbox.state.timeEntries.filter((entry) => entry.user_id === 55401);
    expect(seen.map((entry) => entry.id).sort()).toEqual(expected.map((entry) => entry.id).sort());
    const starts = seen.map((entry) => Date.parse(entry.start ?? ''));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('gives last_page null for an empty result', async () => {
    const { json } = await page('?from=2020-01-01&to=2020-01-31');
    expect(json.meta).toEqual({ total: 0, per_page: 25, current_page: 1, last_page: null, total_hours: 0 });
  });

  it('refuses page 0, per_page 0 and non-numbers with 422', async () => {
    expect((await page('?page=0')).status).toBe(422);
    expect((await page('?per_page=0')).status).toBe(422);
    expect((await page('?page=two')).status).toBe(422);
  });

  it('reads arrays as k[]=, k[n]= and repeated keys alike', async () => {
    const bracket = await page('?per_page=100&user_ids[]=55401&user_ids[]=55406&from=2026-11-20');
    const indexed = await page('?per_page=100&user_ids[0]=55401&user_ids[1]=55406&from=2026-11-20');
    expect(bracket.json.meta.total).toBeGreaterThan(0);
    expect(indexed.json).toEqual(bracket.json);
    expect(new Set(bracket.json.time_entries.map((entry) => entry.user_id))).toEqual(new Set([55401, 55406]));
  });

  it('filters by client, project, task and reference type', async () => {
    const client = await page('?per_page=100&client_ids[]=123401&from=2026-11-01');
    const clientProjects = sandbox.state.projects
      .filter((project) => project.client?.id === 123401)
      .map((p) => p.id);
    expect(client.json.time_entries.every((entry) => clientProjects.includes(entry.project_id ?? 0))).toBe(
      true,
    );
    const task = await page('?task_ids[]=34503');
    expect(task.json.meta.total).toBe(
      sandbox.state.timeEntries.filter((entry) => entry.task_id === 34503).length,
    );
    const invoiced = await page('?external_reference_types[]=exact_online_invoice&per_page=100');
    expect(invoiced.json.meta.total).toBeGreaterThan(0);
    expect(invoiced.json.time_entries.every((entry) => entry.locked)).toBe(true);
    expect((await page('?external_reference_types[]=paper_invoice')).status).toBe(422);
    expect((await page('?project_ids[]=999999')).status).toBe(404);
    expect((await page('?from=2026-11-30&to=2026-11-01')).status).toBe(422);
    expect((await page('?from=2026-02-30')).status).toBe(422);
  });
});

describe('paginated reference lists', () => {
  it('pages users with the default states active and inactive', async () => {
    const { json } = await call<{ users: Array<{ state: string }>; meta: EntriesPage['meta'] }>(
      sandbox.url,
      `/v1/${ORG}/users?per_page=5`,
    );
    const visible = sandbox.state.users.filter(
      (user) => user.state === 'active' || user.state === 'inactive',
    );
    expect(json.meta).toEqual({
      total: visible.length,
      per_page: 5,
      current_page: 1,
      last_page: Math.ceil(visible.length / 5),
    });
    const blocked = await call<{ users: unknown[] }>(sandbox.url, `/v1/${ORG}/users?state[]=blocked`);
    expect(blocked.json.users).toHaveLength(1);
  });

  it('filters clients by state and search_query (name or code)', async () => {
    type Clients = { clients: Array<{ name: string; code: string | null; state: string }> };
    const active = await call<Clients>(sandbox.url, `/v1/${ORG}/clients`);
    expect(active.json.clients).toHaveLength(7);
    const inactive = await call<Clients>(sandbox.url, `/v1/${ORG}/clients?state[]=inactive`);
    expect(inactive.json.clients.map((client) => client.name)).toEqual(['Erven Hoogendijk']);
    const byName = await call<Clients>(sandbox.url, `/v1/${ORG}/clients?search_query=gemeente`);
    expect(byName.json.clients.map((client) => client.name)).toEqual(['Gemeente Utrecht']);
    const byCode = await call<Clients>(sandbox.url, `/v1/${ORG}/clients?search_query=goudleeuw`);
    expect(byCode.json.clients.map((client) => client.code)).toEqual(['GOUDLEEUW']);
    expect((await call(sandbox.url, `/v1/${ORG}/clients?state[]=gone`)).status).toBe(422);
  });

  it('lists active projects by default and archived on request; tasks per project', async () => {
    type Projects = { projects: Array<{ state: string }>; meta: { total: number } };
    const active = await call<Projects>(sandbox.url, `/v1/${ORG}/projects?per_page=100`);
    expect(active.json.meta.total).toBe(23);
    const archived = await call<Projects>(sandbox.url, `/v1/${ORG}/projects?state[0]=archived`);
    expect(archived.json.projects.length).toBeGreaterThan(0);
    expect(archived.json.projects.filter((project) => project.state !== 'archived')).toEqual([]);
    expect(archived.json.meta.total).toBe(2);
    const tasks = await call<{ tasks: Array<{ name: string }> }>(
      sandbox.url,
      `/v1/${ORG}/tasks?project_id=573202`,
    );
    expect(tasks.json.tasks.map((task) => task.name).sort()).toEqual(
      ['Administratie', 'Advies', 'Jaarrekening', 'Overleg', 'Reistijd'].sort(),
    );
  });
});
