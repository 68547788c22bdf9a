/**
 * A deterministic clock for tests: `sleep` registers a timer on virtual time, and `runAll` lets
 * every pending promise settle before jumping to the next timer. Minutes of rate limiting run in
 * milliseconds, and no real timer is involved.
 */
export interface FakeClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Advances virtual time timer by timer until nothing is pending, or `done` has settled. */
  runUntilSettled<T>(done: Promise<T>): Promise<T>;
}

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Lets the microtask queue drain (and real I/O callbacks run) before the next virtual step. */
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let time = start;
  let seq = 0;
  const timers: Timer[] = [];

  return {
    now: () => time,
    sleep(ms) {
      return new Promise((resolve) => {
        timers.push({ at: time + Math.max(0, ms), seq: seq++, resolve });
      });
    },
    async runUntilSettled(done) {
      let settled = false;
      done.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      for (;;) {
        await flush();
        if (settled) return done;
        if (timers.length === 0) {
          throw new Error('fake clock: nothing scheduled but the awaited promise has not settled');
        }
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift()!;
        time = Math.max(time, next.at);
        next.resolve();
      }
    },
  };
}

export interface InstantClock {
  now: () => number;
  /** Resolves at once and moves the clock forward, recording what was asked for. */
  sleep: (ms: number) => Promise<void>;
  slept: number[];
}

/** For tests with real I/O: every wait is recorded and skipped instead of taken. */
export function createInstantClock(start = 1_700_000_000_000): InstantClock {
  let time = start;
  const slept: number[] = [];
  return {
    now: () => time,
    async sleep(ms) {
      slept.push(ms);
      time += Math.max(0, ms);
    },
    slept,
  };
}
