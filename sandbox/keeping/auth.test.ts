import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  type Organisation,
  OTHER_ORGANISATION_ID,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from './server';
import { call, TEST_NOW } from './testing/test-client';

let sandbox: KeepingSandbox;
beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => TEST_NOW });
});
afterAll(() => sandbox.close());

const get = (path: string, token?: string | null, lang?: 'nl' | 'en') =>
  call(sandbox.url, path, { token, lang });

describe('authentication', () => {
  it('refuses a missing, unknown or expired token with a localised 401', async () => {
    const missing = await get(`/v1/${ORG}/users/me`, null, 'en');
    expect(missing.status).toBe(401);
    expect(missing.json.error.message).toBe('Unauthenticated.');
    expect((await get(`/v1/${ORG}/users/me`, null, 'nl')).json.error.message).toBe('Niet geauthenticeerd.');

    const unknown = await get(`/v1/${ORG}/users/me`, `${SANDBOX_TOKENS.admin.slice(0, -4)}AAAA`);
    expect(unknown.status).toBe(401);

    const expiredEn = await get(`/v1/${ORG}/users/me`, SANDBOX_TOKENS.expired, 'en');
    expect(expiredEn.status).toBe(401);
    expect(expiredEn.json.error.message).toBe('The access token has expired.');
    expect((await get('/v1/organisations', SANDBOX_TOKENS.expired, 'nl')).json.error.message).toBe(
      'Het toegangstoken is verlopen.',
    );
  });

  it('answers in the account language (Dutch) when no Accept-Language is sent', async () => {
    const response = await get('/v1/99999/users/me', SANDBOX_TOKENS.admin);
    expect(response.status).toBe(403);
    expect(response.json.error.message).toMatch(/organisatie/);
  });

  it('uses JWT-shaped tokens', () => {
    for (const token of Object.values(SANDBOX_TOKENS)) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
      expect(payload.scopes).toBeInstanceOf(Array);
    }
    expect(new Set(Object.values(SANDBOX_TOKENS)).size).toBe(Object.values(SANDBOX_TOKENS).length);
  });
});

describe('authorisation', () => {
  it('lists only the account’s organisations and refuses others with 403', async () => {
    const mine = await call<{ organisations: Organisation[] }>(sandbox.url, '/v1/organisations');
    expect(mine.json.organisations.map((item) => item.id)).toEqual([ORG]);
    expect(mine.json.organisations[0]).toMatchObject({
      name: 'Bakker & De Vries Adviseurs',
      time_zone: 'Europe/Amsterdam',
      currency: 'EUR',
      current_plan: 'plus_2024',
      features: { timesheet: 'times', projects: true, tasks: true, breaks: true },
    });
    const other = await call<{ organisations: Organisation[] }>(sandbox.url, '/v1/organisations', {
      token: SANDBOX_TOKENS.otherAccount,
    });
    expect(other.json.organisations.map((item) => item.id)).toEqual([OTHER_ORGANISATION_ID]);
    expect((await get(`/v1/${OTHER_ORGANISATION_ID}/users/me`)).status).toBe(403);
    expect((await get(`/v1/${ORG}/time-entries`, SANDBOX_TOKENS.otherAccount)).status).toBe(403);
  });

  it('gives a team member their own data and 403 for team scope', async () => {
    const member = SANDBOX_TOKENS.member;
    expect((await get(`/v1/${ORG}/users/me`, member)).status).toBe(200);
    expect((await get(`/v1/${ORG}/users`, member)).status).toBe(403);
    expect((await get(`/v1/${ORG}/users/55401`, member)).status).toBe(403);
    expect((await get(`/v1/${ORG}/clients`, member)).status).toBe(403);
    expect((await get(`/v1/${ORG}/time-entries?user_id=55401`, member)).status).toBe(403);
    expect((await get(`/v1/${ORG}/report/time-entries`, member)).status).toBe(403);
    expect((await get(`/v1/${ORG}/report/time-entries?user_ids[]=55406`, member)).status).toBe(200);
    expect((await get(`/v1/${ORG}/time-entries?user_id=55401`)).status).toBe(200);
  });

  it('limits a team member to projects they take part in', async () => {
    const all = await call<{ projects: Array<{ id: number; participations: Array<{ user_id: number }> }> }>(
      sandbox.url,
      `/v1/${ORG}/projects?per_page=100`,
      { token: SANDBOX_TOKENS.member },
    );
    expect(all.status).toBe(200);
    expect(all.json.projects.length).toBeGreaterThan(0);
    const foreign = sandbox.state.projects.find(
      (project) =>
        project.state === 'active' && !project.participations.some((item) => item.user_id === 55406),
    );
    expect(foreign).toBeDefined();
    expect(all.json.projects.map((project) => project.id)).not.toContain(foreign?.id);
    expect((await get(`/v1/${ORG}/projects/${foreign?.id}`, SANDBOX_TOKENS.member)).status).toBe(403);
  });

  it('refuses reports to a token without the reporting scope', async () => {
    const token = SANDBOX_TOKENS.noReporting;
    expect((await get(`/v1/${ORG}/report/time-entries`, token)).status).toBe(403);
    expect((await get(`/v1/${ORG}/report?from=2026-11-01&to=2026-11-30&row_type=user`, token)).status).toBe(
      403,
    );
    expect((await get(`/v1/${ORG}/report?row_type=nonsense`, token)).status).toBe(403);
    expect((await get(`/v1/${ORG}/time-entries`, token)).status).toBe(200);
    expect((await get(`/v1/${ORG}/users`, token)).status).toBe(200);
  });
});

describe('routing and headers', () => {
  it('gives 404 for unknown paths and ids, 405 for a wrong method', async () => {
    expect((await get(`/v1/${ORG}/timers`)).status).toBe(404);
    expect((await get('/organisations')).status).toBe(404);
    expect((await get(`/v1/${ORG}/time-entries/1`)).status).toBe(404);
    expect((await get(`/v1/${ORG}/users/123`)).status).toBe(404);
    const wrongMethod = await call(sandbox.url, `/v1/${ORG}/report`, { method: 'POST', body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expect((await call(sandbox.url, '/v1/organisations', { method: 'PUT', body: {} })).status).toBe(405);
  });

  it('puts rate-limit and server-time headers and JSON content type on every answer', async () => {
    for (const response of [
      await get(`/v1/${ORG}/users/me`),
      await get(`/v1/${ORG}/nope`),
      await get(`/v1/${ORG}/users/me`, null),
      await get(`/v1/${ORG}/users`, SANDBOX_TOKENS.member),
    ]) {
      expect(response.headers.get('x-ratelimit-limit')).toBe('120');
      expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
      expect(response.headers.get('x-server-time-ms')).toBe(String(TEST_NOW));
      expect(response.headers.get('content-type')).toBe('application/json');
    }
  });

  it('rejects a body that is not a JSON object with 400', async () => {
    const broken = await call(sandbox.url, `/v1/${ORG}/time-entries`, {
      method: 'POST',
      body: '{"project_id":',
    });
    expect(broken.status).toBe(400);
    const array = await call(sandbox.url, `/v1/${ORG}/time-entries`, { method: 'POST', body: '[1,2]' });
    expect(array.status).toBe(400);
  });

  it('logs API requests with their status', () => {
    const last = sandbox.requestLog.at(-1);
    expect(last).toMatchObject({
      method: 'POST',
      path: `/v1/${ORG}/time-entries`,
      status: 400,
      at: TEST_NOW,
    });
  });
});
