/** Keeping's 120 requests per rolling minute per account, shared by all of that account's tokens. */

const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Only when refused: seconds until a slot frees up, and that moment in Unix seconds. */
  retryAfterSeconds?: number;
  resetAt?: number;
}

export class RateLimiter {
  private readonly calls = new Map<number, number[]>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number,
  ) {}

  private window(accountId: number): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const recent = (this.calls.get(accountId) ?? []).filter((at) => at > cutoff);
    this.calls.set(accountId, recent);
    return recent;
  }

  /** What the headers say without spending a call (used for fault responses and 401s). */
  peek(accountId: number | undefined): RateDecision {
    const used = accountId === undefined ? 0 : this.window(accountId).length;
    return { allowed: used < this.limit, limit: this.limit, remaining: Math.max(0, this.limit - used) };
  }

  consume(accountId: number): RateDecision {
    const recent = this.window(accountId);
    const now = this.now();
    if (recent.length >= this.limit) {
      const freesAt = (recent[0] ?? now) + WINDOW_MS;
      return {
        allowed: false,
        limit: this.limit,
        remaining: 0,
        retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)),
        resetAt: Math.ceil(freesAt / 1000),
      };
    }
    recent.push(now);
    return { allowed: true, limit: this.limit, remaining: this.limit - recent.length };
  }

  reset(): void {
    this.calls.clear();
  }
}
