/**
 * The one gate every Keeping call passes (design.md §5). Keeping asks for at most 3 requests in
 * parallel and allows 120 a minute per *account*, shared by every token and install, so the
 * limiter also obeys a pause that a 429 sets for everyone.
 */

export interface Limiter {
  /** Runs `task` once a slot is free; the slot is held until the returned promise settles. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** No new start before `epochMs` (a 429's reset). Never shortens an existing pause. */
  pauseUntil(epochMs: number): void;
}

export interface LimiterOptions {
  maxConcurrent?: number;
  maxPerWindow?: number;
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createLimiter(options: LimiterOptions = {}): Limiter {
  const maxConcurrent = options.maxConcurrent ?? 3;
  const maxPerWindow = options.maxPerWindow ?? 120;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;

  // FIFO so a long page walk cannot starve a call queued before it.
  const waiting: Array<() => void> = [];
  // Start times inside the current rolling window, oldest first.
  const starts: number[] = [];
  let inFlight = 0;
  let pausedUntil = 0;
  // Only one pump loop sleeps at a time; others just nudge it.
  let pumping = false;

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (waiting.length > 0 && inFlight < maxConcurrent) {
        const time = now();
        if (pausedUntil > time) {
          await sleep(pausedUntil - time);
          continue;
        }
        // A start at s occupies the window (s, s + windowMs]; it leaves once that has passed.
        while (starts.length > 0 && starts[0]! + windowMs <= time) starts.shift();
        if (starts.length >= maxPerWindow) {
          await sleep(starts[0]! + windowMs - time);
          continue;
        }
        starts.push(time);
        inFlight += 1;
        waiting.shift()!();
      }
    } finally {
      pumping = false;
    }
  }

  function release(): void {
    inFlight -= 1;
    void pump();
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        void pump();
      });
      try {
        return await task();
      } finally {
        release();
      }
    },
    pauseUntil(epochMs: number): void {
      pausedUntil = Math.max(pausedUntil, epochMs);
    },
  };
}
