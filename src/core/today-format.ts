/**
 * Durations as the popup shows them. Language-neutral ("5:07" reads the same in Dutch and
 * English), so they live in core/ and are tested with the arithmetic.
 */

function whole(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

/** Minutes as "h:mm" ("5:07", "0:00", "26:15"); negative or non-finite input shows "0:00". */
export function formatHoursMinutes(minutes: number): string {
  const total = whole(minutes);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Milliseconds as "h:mm:ss" for a ticking timer; whole seconds, rounded down. */
export function formatElapsed(ms: number): string {
  const seconds = whole(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hours}:${mm}:${ss}`;
}
