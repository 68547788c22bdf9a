/**
 * The one gate every Keeping call passes (docs/architecture.md, Talking to Keeping). Keeping asks for at most
 * 3 requests in parallel and allows 120 a minute per *account*, shared by every token and install, so the
 * limiter also obeys a pause that a 429 sets for everyone. Its memory outlives the service worker through an
 * optional store.
 */

export interface Limiter {
  /** Runs `task` once a slot is free; the slot is held until the returned promise settles. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** No new start before `epochMs` (a 429's reset). Never shortens an existing pause. */
  pauseUntil(epochMs: number): void;
  /** Keeping refused the token behind `tokenKey` (401): no call with it before `epochMs`. */
  refuseToken(tokenKey: string, epochMs: number): void;
  /** Until when calls with `tokenKey` are refused (0 when they are not); waits for the stored state. */
  tokenRefusedUntil(tokenKey: string): Promise<number>;
}

/**
 * What the limiter remembers. The service worker is stopped after about 30 s idle and started
 * again by the next message; without this, every restart would forget the last minute's starts,
 * a 429's pause and a refused token, and spend Keeping's budget again at once.
 */
export interface LimiterSnapshot {
  /** Start times inside the rolling window, oldest first. */
  starts: number[];
  pausedUntil: number;
  /** Token key → epoch ms until which Keeping's 401 holds. */
  refusedTokens: Record<string, number>;
}

/** Where a snapshot is kept between worker lifetimes (storage.session in the extension). */
export interface LimiterStore {
  load(): Promise<unknown>;
  save(snapshot: LimiterSnapshot): Promise<void>;
}

export interface LimiterOptions {
  maxConcurrent?: number;
  maxPerWindow?: number;
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  store?: LimiterStore;
}

const isEpoch = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** A stored snapshot as far as it can be trusted; anything malformed counts as nothing stored. */
export function readSnapshot(value: unknown, maxStarts: number): LimiterSnapshot {
  const empty: LimiterSnapshot = { starts: [], pausedUntil: 0, refusedTokens: {} };
  if (typeof value !== 'object' || value === null) return empty;
  const record = value as Record<string, unknown>;
  const starts = Array.isArray(record.starts) ? record.starts.filter(isEpoch).sort((a, b) => a - b) : [];
  const refused =
    typeof record.refusedTokens === 'object' && record.refusedTokens !== null ? record.refusedTokens : {};
  return {
    starts: starts.slice(-maxStarts),
    pausedUntil: isEpoch(record.pausedUntil) ? record.pausedUntil : 0,
    refusedTokens: Object.fromEntries(
      Object.entries(refused).filter((pair): pair is [string, number] => isEpoch(pair[1])),
    ),
  };
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createLimiter(options: LimiterOptions = {}): Limiter {
  const maxConcurrent = options.maxConcurrent ?? 3;
  const maxPerWindow = options.maxPerWindow ?? 120;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const { store } = options;

  // FIFO so a long page walk cannot starve a call queued before it.
  const waiting: Array<() => (startedAt: number) => void> = [];
  // Start times inside the current rolling window, oldest first.
  const starts: number[] = [];
  let inFlight = 0;
  let pausedUntil = 0;
  let refusedTokens: Record<string, number> = {};
  // Only one pump loop sleeps at a time; others just nudge it.
  let pumping = false;

  // What an earlier worker left behind, merged with anything this one did before it was read.
  const restored: Promise<void> = store
    ? store
        .load()
        .then((value) => {
          const snapshot = readSnapshot(value, maxPerWindow);
          starts.unshift(
            ...snapshot.starts.filter((start) => start < (starts[0] ?? Number.POSITIVE_INFINITY)),
          );
          pausedUntil = Math.max(pausedUntil, snapshot.pausedUntil);
          refusedTokens = { ...snapshot.refusedTokens, ...refusedTokens };
        })
        // An unreadable store costs the memory of the last minute, never a call.
        .catch(() => undefined)
    : Promise.resolve();

  // Saves run one after another, so an older snapshot never overwrites a newer one.
  let saving: Promise<void> = Promise.resolve();
  function persist(): void {
    if (!store) return;
    const time = now();
    const snapshot: LimiterSnapshot = {
      starts: starts.filter((start) => start + windowMs > time),
      pausedUntil: pausedUntil > time ? pausedUntil : 0,
      refusedTokens: Object.fromEntries(Object.entries(refusedTokens).filter(([, until]) => until > time)),
    };
    saving = saving.then(() => store.save(snapshot)).catch(() => undefined);
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      await restored;
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
        persist();
        inFlight += 1;
        waiting.shift()!()(time);
      }
    } finally {
      pumping = false;
    }
  }

  /**
   * Keeping counts a call when it arrives, somewhere between our start and its answer: a slow
   * answer would let the next minute's starts meet a 429 at the window's edge. The call is
   * counted from its answer instead, which is never earlier than its arrival.
   */
  function settled(startedAt: number): void {
    const index = starts.indexOf(startedAt);
    if (index === -1) return;
    starts.splice(index, 1);
    const answeredAt = Math.max(startedAt, now());
    let at = starts.length;
    while (at > 0 && starts[at - 1]! > answeredAt) at -= 1;
    starts.splice(at, 0, answeredAt);
    persist();
  }

  function release(): void {
    inFlight -= 1;
    void pump();
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      const startedAt = await new Promise<number>((resolve) => {
        waiting.push(() => resolve);
        void pump();
      });
      try {
        return await task();
      } finally {
        settled(startedAt);
        release();
      }
    },
    pauseUntil(epochMs: number): void {
      if (epochMs <= pausedUntil) return;
      pausedUntil = epochMs;
      persist();
    },
    refuseToken(tokenKey: string, epochMs: number): void {
      refusedTokens[tokenKey] = Math.max(refusedTokens[tokenKey] ?? 0, epochMs);
      persist();
    },
    async tokenRefusedUntil(tokenKey: string): Promise<number> {
      await restored;
      const until = refusedTokens[tokenKey] ?? 0;
      return until > now() ? until : 0;
    },
  };
}
