/**
 * Time-zone arithmetic with Intl only. Offsets are cached per UTC day when the offset is the
 * same at both ends of it (almost every day), otherwise per 15-minute bucket, because every
 * real-world transition falls on a quarter hour; seeding 50,000 entries would otherwise spend
 * its time in Intl.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const BUCKET = 15 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();
const dayCache = new Map<string, Map<number, number | null>>();
const bucketCache = new Map<string, Map<number, number>>();

function formatter(zone: string): Intl.DateTimeFormat {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, found);
  }
  return found;
}

/** The offset straight from Intl, in minutes. */
function intlOffset(epochMs: number, zone: string): number {
  const f: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    f.year ?? 1970,
    (f.month ?? 1) - 1,
    f.day ?? 1,
    f.hour ?? 0,
    f.minute ?? 0,
    f.second ?? 0,
  );
  return Math.round((asUtc - epochMs) / MINUTE);
}

function cacheFor<T>(caches: Map<string, Map<number, T>>, zone: string): Map<number, T> {
  let cache = caches.get(zone);
  if (!cache) {
    cache = new Map();
    caches.set(zone, cache);
  }
  return cache;
}

/** Offset from UTC in minutes (Amsterdam: 60 in winter, 120 in summer). */
export function offsetMinutes(epochMs: number, zone: string): number {
  const dayStart = Math.floor(epochMs / DAY) * DAY;
  const days = cacheFor(dayCache, zone);
  let whole = days.get(dayStart);
  if (whole === undefined) {
    const first = intlOffset(dayStart, zone);
    // null marks a day with a transition in it.
    whole = first === intlOffset(dayStart + DAY - BUCKET, zone) ? first : null;
    days.set(dayStart, whole);
  }
  if (whole !== null) return whole;
  const bucketStart = Math.floor(epochMs / BUCKET) * BUCKET;
  const buckets = cacheFor(bucketCache, zone);
  let offset = buckets.get(bucketStart);
  if (offset === undefined) {
    offset = intlOffset(bucketStart, zone);
    buckets.set(bucketStart, offset);
  }
  return offset;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** Keeping's instant format `Y-m-d\TH:i:sP` in the zone, e.g. 2026-03-29T03:30:00+02:00. */
export function formatInstant(epochMs: number, zone: string): string {
  const offset = offsetMinutes(epochMs, zone);
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offset * MINUTE).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The calendar day (Y-m-d) of an instant in the zone. */
export function localDate(epochMs: number, zone: string): string {
  return formatInstant(epochMs, zone).slice(0, 10);
}

/** Minutes since local midnight of an instant in the zone. */
export function localMinutesOfDay(epochMs: number, zone: string): number {
  const local = epochMs + offsetMinutes(epochMs, zone) * MINUTE;
  return Math.floor((((local % DAY) + DAY) % DAY) / MINUTE);
}

/** Midnight UTC of a Y-m-d, used as the "local clock reading" before applying an offset. */
export function dayToUtcMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** Y-m-d of a UTC-midnight millisecond value. */
export function utcMsToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Adds calendar days to a Y-m-d. */
export function addDays(day: string, days: number): string {
  return utcMsToDay(dayToUtcMs(day) + days * DAY);
}

/** ISO weekday of a Y-m-d: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(dayToUtcMs(day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * The instant of a local wall-clock time on a day. In the spring-forward gap the clock moves
 * forward (02:30 → 03:30 summer time); in the autumn overlap the earlier instant wins.
 */
export function zonedInstant(day: string, minutesOfDay: number, zone: string): number {
  const local = dayToUtcMs(day) + minutesOfDay * MINUTE;
  const before = offsetMinutes(local - DAY / 2, zone);
  const after = offsetMinutes(local + DAY / 2, zone);
  const candidates = [local - before * MINUTE, local - after * MINUTE]
    .filter((utc) => localMinutesOfDay(utc, zone) === minutesOfDay % 1440)
    .sort((a, b) => a - b);
  return candidates[0] ?? local - before * MINUTE;
}
