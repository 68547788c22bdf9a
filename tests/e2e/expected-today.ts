/**
 * Today's figures computed straight from the sandbox's data, independently of the extension's
 * own arithmetic, so the end-to-end tests compare two separate calculations.
 */
import type { SandboxState, TimeEntry } from '../../sandbox/keeping/server';

export interface ExpectedToday {
  total: string;
  direct: string;
  indirect: string;
}

function hm(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function liveMinutes(entry: TimeEntry, nowMs: number): number {
  const confirmed = Math.round((entry.hours ?? 0) * 60);
  if (!entry.ongoing || !entry.start) return confirmed;
  return confirmed + Math.max(0, Math.floor((nowMs - Date.parse(entry.start)) / 60_000));
}

/** Work minutes of `userId` on the sandbox's today (Keeping's `date`), the running part at `nowMs`. */
export function expectedToday(state: SandboxState, userId: number, nowMs: number): ExpectedToday {
  let direct = 0;
  let indirect = 0;
  for (const entry of state.timeEntries) {
    if (entry.user_id !== userId || entry.date !== state.today || entry.purpose !== 'work') continue;
    const minutes = liveMinutes(entry, nowMs);
    if (entry.is_direct_hours) direct += minutes;
    else indirect += minutes;
  }
  return { total: hm(direct + indirect), direct: hm(direct), indirect: hm(indirect) };
}
