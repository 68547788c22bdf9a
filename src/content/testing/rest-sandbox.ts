/**
 * For the REST client's tests: the Exact sandbox on a clock the test moves, the session's
 * cookies (Node's fetch keeps none, so they are added to each request as a browser would), a
 * log of every request, and a tab's sessionStorage.
 */
import { DEFAULT_DIVISION } from '../../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../../sandbox/exact/server';
import { createRestClient, type RestClientOptions } from '../exact/rest/rest-client';

export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

export interface LoggedRequest {
  url: string;
  method: string;
  credentials: RequestCredentials | undefined;
  accept: string | null;
}

export async function startRestSandbox() {
  const clock = { now: Date.UTC(2026, 11, 2, 9, 30, 0) };
  const exact: ExactSandbox = await startExactSandbox({ lookupLatencyMs: 0, now: () => new Date(clock.now) });
  let cookie = '';
  const requests: LoggedRequest[] = [];

  async function signIn(division = DEFAULT_DIVISION): Promise<void> {
    const shell = await fetch(`${exact.url}/docs/MenuPortal.aspx?_Division_=${division}`);
    await shell.text();
    cookie = shell.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
  }

  const sessionFetch = (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    requests.push({
      url,
      method: init.method ?? 'GET',
      credentials: init.credentials,
      accept: headers.get('Accept'),
    });
    if (init.credentials === 'include' && cookie) headers.set('Cookie', cookie);
    return fetch(url, { ...init, headers });
  };

  async function control(path: 'rest-api' | 'session' | 'reset', body: unknown = {}): Promise<void> {
    const response = await fetch(`${exact.url}/__sandbox/${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.text();
  }

  function client(options: Partial<RestClientOptions> = {}) {
    return createRestClient({
      origin: exact.url,
      pageDivision: DEFAULT_DIVISION,
      fetch: sessionFetch,
      storage: new MemoryStorage(),
      now: () => clock.now,
      ...options,
    });
  }

  async function reset(): Promise<void> {
    clock.now = Date.UTC(2026, 11, 2, 9, 30, 0);
    await control('reset');
    exact.rest.limiter.config = { minutely: 60, daily: 5000 };
    requests.length = 0;
    await signIn();
  }

  return { exact, clock, requests, client, control, signIn, reset, sessionFetch, close: () => exact.close() };
}

export type RestSandbox = Awaited<ReturnType<typeof startRestSandbox>>;
