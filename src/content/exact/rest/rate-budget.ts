/**
 * Exact's limits as the answers state them (docs/exact-online.md, Limits): 60 calls a minute
 * and 5,000 a day per company, shared with every other app of the company, and a 429 beyond.
 * The budget reads the `X-RateLimit-*` headers of every answer and stops calling until the
 * reset they name. It also leaves a reserve untouched, so the panel is never the app that
 * spends a company's last calls.
 */

export interface RateReserve {
  /** Calls left this minute at or below which the panel stops until the minute resets. */
  minutely: number;
  /** Calls left today at or below which the panel stops until the day resets. */
  daily: number;
}

export const DEFAULT_RESERVE: RateReserve = { minutely: 5, daily: 250 };

/** Without a reset header, a 429 waits this long: one minute window. */
const FALLBACK_WAIT_MS = 60_000;

export interface RateStop {
  /** Epoch ms from which calls may go again. */
  until: number;
  scope: 'minute' | 'day';
}

function header(headers: Headers, name: string): number | null {
  const text = headers.get(name);
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  return Number(text.trim());
}

/**
 * What the headers of one answer mean for the next call: a stop until a reset, or null when
 * calls may go on. A 429 always stops, at the latest reset it names.
 */
export function stopFromHeaders(
  status: number,
  headers: Headers,
  nowMs: number,
  reserve: RateReserve = DEFAULT_RESERVE,
): RateStop | null {
  const minuteLeft = header(headers, 'X-RateLimit-Minutely-Remaining');
  const minuteReset = header(headers, 'X-RateLimit-Minutely-Reset');
  const dayLeft = header(headers, 'X-RateLimit-Remaining');
  const dayReset = header(headers, 'X-RateLimit-Reset');
  const future = (reset: number | null): number | null => (reset !== null && reset > nowMs ? reset : null);
  if (dayLeft !== null && dayLeft <= reserve.daily) {
    return { until: future(dayReset) ?? nowMs + FALLBACK_WAIT_MS, scope: 'day' };
  }
  if (minuteLeft !== null && minuteLeft <= reserve.minutely) {
    return { until: future(minuteReset) ?? nowMs + FALLBACK_WAIT_MS, scope: 'minute' };
  }
  if (status === 429) {
    // Only the minutely headers come when the minute is spent; none at all is a minute too.
    const day = future(dayReset);
    const minute = future(minuteReset);
    if (minuteLeft === 0 || (minute !== null && day === null)) {
      return { until: minute ?? nowMs + FALLBACK_WAIT_MS, scope: 'minute' };
    }
    return { until: day ?? minute ?? nowMs + FALLBACK_WAIT_MS, scope: day !== null ? 'day' : 'minute' };
  }
  return null;
}
