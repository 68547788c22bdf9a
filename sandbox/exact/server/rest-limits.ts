/**
 * Exact's API limits per company (docs/exact-online.md, Limits): 60 calls a minute and 5,000 a day,
 * `X-RateLimit-*` headers on every call with a division, 429 beyond. When only the minutely
 * budget is spent, only the minutely headers are sent (PICQER README). The minute window starts
 * at a division's first call and lasts 60 s; the day ends at midnight UTC. Both are choices: the
 * reference says neither how the minute is measured nor in which time zone "after midnight" is.
 */

export interface RateLimitConfig {
  minutely: number;
  daily: number;
}

export const EXACT_RATE_LIMITS: RateLimitConfig = { minutely: 60, daily: 5000 };

interface Budget {
  minuteStart: number;
  minuteUsed: number;
  dayStart: number;
  dayUsed: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export class RateLimiter {
  private budgets = new Map<number, Budget>();

  constructor(public config: RateLimitConfig = { ...EXACT_RATE_LIMITS }) {}

  /** Counts one call for the division when it is within both budgets; always says the headers. */
  take(division: number, nowMs: number): RateDecision {
    const budget = this.current(division, nowMs);
    const { minutely, daily } = this.config;
    const minuteReset = budget.minuteStart + MINUTE_MS;
    const dayReset = budget.dayStart + DAY_MS;
    if (budget.dayUsed >= daily) {
      return { allowed: false, headers: this.headers(budget, minuteReset, dayReset) };
    }
    if (budget.minuteUsed >= minutely) {
      return {
        allowed: false,
        headers: {
          'X-RateLimit-Minutely-Limit': String(minutely),
          'X-RateLimit-Minutely-Remaining': '0',
          'X-RateLimit-Minutely-Reset': String(minuteReset),
        },
      };
    }
    budget.minuteUsed += 1;
    budget.dayUsed += 1;
    return { allowed: true, headers: this.headers(budget, minuteReset, dayReset) };
  }

  /** Calls left today and this minute, for tests and the sandbox control. */
  remaining(division: number, nowMs: number): { minutely: number; daily: number } {
    const budget = this.current(division, nowMs);
    return {
      minutely: Math.max(0, this.config.minutely - budget.minuteUsed),
      daily: Math.max(0, this.config.daily - budget.dayUsed),
    };
  }

  /** Calls another app of the company made: the budget is shared (docs/exact-online.md, Limits). */
  spend(division: number, calls: number, nowMs: number): void {
    const budget = this.current(division, nowMs);
    budget.minuteUsed += calls;
    budget.dayUsed += calls;
  }

  reset(): void {
    this.budgets.clear();
  }

  private current(division: number, nowMs: number): Budget {
    const dayStart = Math.floor(nowMs / DAY_MS) * DAY_MS;
    let budget = this.budgets.get(division);
    if (!budget) {
      budget = { minuteStart: nowMs, minuteUsed: 0, dayStart, dayUsed: 0 };
      this.budgets.set(division, budget);
    }
    if (dayStart !== budget.dayStart) {
      budget.dayStart = dayStart;
      budget.dayUsed = 0;
    }
    if (nowMs >= budget.minuteStart + MINUTE_MS) {
      budget.minuteStart = nowMs;
      budget.minuteUsed = 0;
    }
    return budget;
  }

  private headers(budget: Budget, minuteReset: number, dayReset: number): Record<string, string> {
    const { minutely, daily } = this.config;
    return {
      'X-RateLimit-Limit': String(daily),
      'X-RateLimit-Remaining': String(Math.max(0, daily - budget.dayUsed)),
      'X-RateLimit-Reset': String(dayReset),
      'X-RateLimit-Minutely-Limit': String(minutely),
      'X-RateLimit-Minutely-Remaining': String(Math.max(0, minutely - budget.minuteUsed)),
      'X-RateLimit-Minutely-Reset': String(minuteReset),
    };
  }
}
