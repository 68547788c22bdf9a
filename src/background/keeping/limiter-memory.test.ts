import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../testing/fake-clock';
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
