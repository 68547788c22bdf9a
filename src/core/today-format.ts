/**
 * The running timer as the popup shows it. Language-neutral ("1:02:03" reads the same in Dutch
 * and English), so it lives in core/ and is tested with the arithmetic. Durations in whole
 * minutes are `formatHoursMinutes` in hours.ts: one "h:mm" for the popup, the badge and the panel.
 */

function whole(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

/** Milliseconds as "h:mm:ss" for a ticking timer; whole seconds, rounded down. */
export function formatElapsed(ms: number): string {
  const seconds = whole(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hours}:${mm}:${ss}`;
}
