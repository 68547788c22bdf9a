import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createFakeClock, type FakeClock } from '../testing/fake-clock';
import { AUTH_PAUSE_MS, createKeepingHttp, type KeepingHttp } from './http';
import { createLimiter, type LimiterSnapshot, type LimiterStore, readSnapshot } from './limiter';

/** storage.session as the worker sees it: it outlives one limiter, as the session outlives a worker. */
function memoryStore(initial: unknown = undefined): LimiterStore & { saved: () => unknown } {
  let value: unknown = initial;
  return {
    load: async () => structuredClone(value),
    save: async (snapshot: LimiterSnapshot) => {
      value = structuredClone(snapshot);
    },
    saved: () => value,
  };
}

describe('the limiter across a service-worker restart', () => {
  it('keeps the rolling window: a new worker does not start call 121 inside the same minute', async () => {
    const clock = createFakeClock();
    const store = memoryStore();
    const first = createLimiter({ now: clock.now, sleep: clock.sleep, store });
    const t0 = clock.now();
    await clock.runUntilSettled(Promise.all(Array.from({ length: 120 }, () => first.run(async () => {}))));
    await clock.runUntilSettled(clock.sleep(10_000));

    // The worker was stopped and started again by the next message.
    const second = createLimiter({ now: clock.now, sleep: clock.sleep, store });
    const startedAt = await clock.runUntilSettled(second.run(async () => clock.now()));
    expect(startedAt - t0).toBe(60_000);
  });

  it("keeps a 429's pause", async () => {
    const clock = createFakeClock();
    const store = memoryStore();
    const t0 = clock.now();
    createLimiter({ now: clock.now, sleep: clock.sleep, store }).pauseUntil(t0 + 45_000);
    await clock.runUntilSettled(Promise.resolve());

    const restarted = createLimiter({ now: clock.now, sleep: clock.sleep, store });
    const startedAt = await clock.runUntilSettled(restarted.run(async () => clock.now()));
    expect(startedAt - t0).toBe(45_000);
  });

  it("keeps a 401's refusal of one token, and only of that token, until it runs out", async () => {
    const clock = createFakeClock();
    const store = memoryStore();
    const t0 = clock.now();
    createLimiter({ now: clock.now, store }).refuseToken('old', t0 + 300_000);
    await clock.runUntilSettled(Promise.resolve());

    const restarted = createLimiter({ now: clock.now, store });
    expect(await restarted.tokenRefusedUntil('old')).toBe(t0 + 300_000);
    expect(await restarted.tokenRefusedUntil('new')).toBe(0);
    await clock.runUntilSettled(clock.sleep(300_000));
    expect(await restarted.tokenRefusedUntil('old')).toBe(0);
  });

  it('stores no start older than the window and no pause that is over', async () => {
    const clock = createFakeClock();
    const store = memoryStore();
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep, store });
    await clock.runUntilSettled(limiter.run(async () => {}));
    await clock.runUntilSettled(clock.sleep(61_000));
    limiter.pauseUntil(clock.now() + 1_000);
    await clock.runUntilSettled(Promise.resolve());
    expect(store.saved()).toEqual({ starts: [], pausedUntil: clock.now() + 1_000, refusedTokens: {} });
  });

  it('starts at once from a store that is unreadable or holds nonsense', async () => {
    const clock = createFakeClock();
    const broken: LimiterStore = {
      load: () => Promise.reject(new Error('storage gone')),
      save: () => Promise.reject(new Error('storage gone')),
    };
    for (const store of [
      broken,
      memoryStore('garbage'),
      memoryStore({ starts: ['x', -5], pausedUntil: 'soon' }),
    ]) {
      const limiter = createLimiter({ now: clock.now, sleep: clock.sleep, store });
      const t0 = clock.now();
      expect(await clock.runUntilSettled(limiter.run(async () => clock.now()))).toBe(t0);
    }
  });

  it('reads at most a window of starts from a snapshot, oldest first', () => {
    const snapshot = readSnapshot(
      { starts: [5, 3, 4, 1, 2], pausedUntil: 7, refusedTokens: { a: 9, b: 'x' } },
      3,
    );
    expect(snapshot).toEqual({ starts: [3, 4, 5], pausedUntil: 7, refusedTokens: { a: 9 } });
  });
});

describe('Keeping’s limits across a worker restart, through the HTTP layer', () => {
  /** A fetch that answers each call with the next status in `statuses`, and counts the calls. */
  function scriptedFetch(statuses: number[], headers: Record<string, string> = {}) {
    const calls: number[] = [];
    const fetch = (async () => {
      const status = statuses[calls.length] ?? 200;
      calls.push(status);
      const body = status === 200 ? '{"organisations":[]}' : '{"error":{"message":"no"}}';
      return new Response(body, { status, headers: { 'Content-Type': 'application/json', ...headers } });
    }) as typeof globalThis.fetch;
    return { fetch, calls };
  }
  const organisations = (http: KeepingHttp) => http.get('/organisations', {}, v.unknown());

  function worker(clock: FakeClock, store: LimiterStore, fetch: typeof globalThis.fetch, token = 'pat-one') {
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep, store });
    return createKeepingHttp({
      token,
      language: 'nl',
      limiter,
      fetch,
      now: clock.now,
      sleep: clock.sleep,
      maxRetries: 0,
    });
  }

  it('restarted mid-window: the new worker starts only what is left of the 120 until the minute has passed', async () => {
    const clock = createFakeClock();
    const store = memoryStore();
    const t0 = clock.now();
    const first = createLimiter({ now: clock.now, sleep: clock.sleep, store });
    await clock.runUntilSettled(Promise.all(Array.from({ length: 50 }, () => first.run(async () => {}))));
    await clock.runUntilSettled(clock.sleep(20_000));

    const second = createLimiter({ now: clock.now, sleep: clock.sleep, store });
    const starts = await clock.runUntilSettled(
      Promise.all(Array.from({ length: 71 }, () => second.run(async () => clock.now() - t0))),
    );
    // 70 more fit in the window the first worker opened; the 71st waits for its first start to leave.
    expect(starts.slice(0, 70).every((at) => at === 20_000)).toBe(true);
    expect(starts[70]).toBe(60_000);
  });

  it("a 429's Retry-After, answered to the old worker, holds the new worker's first call", async () => {
    const clock = createFakeClock();
    const store = memoryStore();
    const t0 = clock.now();
    const old = scriptedFetch([429], { 'Retry-After': '40' });
    await expect(clock.runUntilSettled(organisations(worker(clock, store, old.fetch)))).rejects.toMatchObject(
      {
        code: 'rate_limited',
      },
    );
    await clock.runUntilSettled(clock.sleep(5_000));

    const fresh = scriptedFetch([200]);
    const restarted = worker(clock, store, fresh.fetch);
    let sentAt = 0;
    const call = organisations(restarted).then(() => {
      sentAt = clock.now() - t0;
    });
    await clock.runUntilSettled(call);
    expect(fresh.calls).toEqual([200]);
    expect(sentAt).toBe(40_000);
  });

  it('a 401 keeps the new worker from sending that token at all, while a new token goes through', async () => {
    const clock = createFakeClock();
    const store = memoryStore();
    const old = scriptedFetch([401]);
    await expect(clock.runUntilSettled(organisations(worker(clock, store, old.fetch)))).rejects.toMatchObject(
      {
        code: 'auth',
      },
    );

    const fresh = scriptedFetch([200, 200]);
    await expect(
      clock.runUntilSettled(organisations(worker(clock, store, fresh.fetch))),
    ).rejects.toMatchObject({ code: 'auth', status: 401 });
    expect(fresh.calls).toEqual([]);
    await clock.runUntilSettled(organisations(worker(clock, store, fresh.fetch, 'pat-two')));
    expect(fresh.calls).toEqual([200]);
    // Once the pause is over the old token is tried again (it may have been renewed meanwhile).
    await clock.runUntilSettled(clock.sleep(AUTH_PAUSE_MS));
    await clock.runUntilSettled(organisations(worker(clock, store, fresh.fetch)));
    expect(fresh.calls).toEqual([200, 200]);
  });
});
