/**
 * "Vandaag": the arithmetic behind the popup. Pure: entries and reference data in, totals and
 * groups out. Confirmed time always comes from Keeping's own `hours` (as minutes), never from
 * `end - start` on the wall clock, so DST days and midnight-crossing entries add up the way
 * Keeping adds them up. Only the running part of an ongoing entry is measured, and that with
 * instants (epoch ms), which DST cannot bend.
 */
import type { Client, Entry, Project, Purpose, Task } from './keeping-types';

export interface TodayInput {
  entries: readonly Entry[];
  projects: readonly Project[];
  tasks: readonly Task[];
  clients: readonly Client[];
  /** Keeping's day (Y-m-d in the organisation's zone); only entries with this `date` count. */
  date: string;
  /** Local now plus the server offset (X-Server-Time-Ms), in epoch ms. */
  nowServerMs: number;
}

export interface TodayEntry {
  id: number;
  purpose: Purpose;
  note: string;
  /** Characters beyond the note's shown part (Keeping's maximum), folded. */
  noteFoldedChars?: number;
  start: string | null;
  end: string | null;
  ongoing: boolean;
  isDirect: boolean;
  /** Confirmed minutes plus the whole minutes the entry has been running. */
  minutes: number;
}

/** One project + task combination of the day, with its entries and notes. */
export interface TodayGroup {
  key: string;
  projectId: number | null;
  taskId: number | null;
  /** null when the entry has no project, or the project is unknown to the cache. */
  projectName: string | null;
  taskName: string | null;
  clientName: string | null;
  minutes: number;
  directMinutes: number;
  ongoing: boolean;
  entries: TodayEntry[];
  /** Distinct non-empty notes in entry order. */
  notes: string[];
}

export interface TodayPurposeGroup {
  purpose: Purpose;
  minutes: number;
  entries: TodayEntry[];
}

export interface TodayRunning {
  entryId: number;
  purpose: Purpose;
  date: string;
  /** False when the timer was started on an earlier day (it then counts for that day, not this one). */
  belongsToDay: boolean;
  projectId: number | null;
  taskId: number | null;
  projectName: string | null;
  taskName: string | null;
  clientName: string | null;
  note: string;
  /** Time since the entry was (re)started, by instants. */
  runningMs: number;
  /** Confirmed time plus the running part, in ms: what a ticking clock shows. */
  elapsedMs: number;
}

export interface TodaySummary {
  date: string;
  /** Work only, running part included. */
  totalMinutes: number;
  directMinutes: number;
  indirectMinutes: number;
  breakMinutes: number;
  leaveMinutes: number;
  /** Work, per project + task. */
  groups: TodayGroup[];
  breaks: TodayEntry[];
  /** Leave, sick leave, work reduction and trips: shown apart, never counted as work. */
  leave: TodayPurposeGroup[];
  running: TodayRunning | null;
  /** How many entries belong to the day (any purpose). */
  entryCount: number;
}

const MINUTE_MS = 60_000;

/** Milliseconds an ongoing entry has been running at `nowServerMs`; 0 for anything else. */
export function runningMs(entry: Pick<Entry, 'ongoing' | 'start'>, nowServerMs: number): number {
  if (!entry.ongoing || entry.start === null) return 0;
  const startMs = Date.parse(entry.start);
  if (!Number.isFinite(startMs) || !Number.isFinite(nowServerMs)) return 0;
  // A start in the future (clock skew the offset did not catch) must not subtract time.
  return Math.max(0, nowServerMs - startMs);
}

/** Confirmed minutes of an entry, made safe: whole, finite, never negative. */
export function confirmedMinutes(entry: Pick<Entry, 'minutes'>): number {
  return Number.isFinite(entry.minutes) ? Math.max(0, Math.round(entry.minutes)) : 0;
}

/** Live minutes of an entry: confirmed minutes plus the whole minutes it has been running. */
export function liveMinutes(
  entry: Pick<Entry, 'minutes' | 'ongoing' | 'start'>,
  nowServerMs: number,
): number {
  return confirmedMinutes(entry) + Math.floor(runningMs(entry, nowServerMs) / MINUTE_MS);
}

interface Lookup {
  projects: Map<number, Project>;
  tasks: Map<number, Task>;
  clients: Map<number, Client>;
}

function names(entry: Entry, lookup: Lookup) {
  const project = entry.projectId === null ? undefined : lookup.projects.get(entry.projectId);
  const task = entry.taskId === null ? undefined : lookup.tasks.get(entry.taskId);
  const client = project?.clientId == null ? undefined : lookup.clients.get(project.clientId);
  return {
    projectName: project?.name ?? null,
    taskName: task?.name ?? null,
    clientName: client?.name ?? null,
  };
}

function toTodayEntry(entry: Entry, nowServerMs: number): TodayEntry {
  return {
    id: entry.id,
    purpose: entry.purpose,
    note: entry.note,
    ...(entry.noteFoldedChars ? { noteFoldedChars: entry.noteFoldedChars } : {}),
    start: entry.start,
    end: entry.end,
    ongoing: entry.ongoing,
    isDirect: entry.isDirect,
    minutes: liveMinutes(entry, nowServerMs),
  };
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Chronological by start; entries without a start (an "hours" timesheet) keep Keeping's id order. */
function byStart(a: TodayEntry, b: TodayEntry): number {
  const aMs = a.start === null ? Number.NaN : Date.parse(a.start);
  const bMs = b.start === null ? Number.NaN : Date.parse(b.start);
  const aHas = Number.isFinite(aMs);
  const bHas = Number.isFinite(bMs);
  if (aHas && bHas && aMs !== bMs) return aMs - bMs;
  if (aHas !== bHas) return aHas ? -1 : 1;
  return a.id - b.id;
}

/** Biggest first, so the day's main work leads; ties by name so the order is stable. */
function byMinutesThenName(a: TodayGroup, b: TodayGroup): number {
  if (a.minutes !== b.minutes) return b.minutes - a.minutes;
  const byProject = collator.compare(a.projectName ?? '', b.projectName ?? '');
  if (byProject !== 0) return byProject;
  const byTask = collator.compare(a.taskName ?? '', b.taskName ?? '');
  return byTask !== 0 ? byTask : a.key.localeCompare(b.key);
}

function groupWork(work: Entry[], lookup: Lookup, nowServerMs: number): TodayGroup[] {
  const groups = new Map<string, TodayGroup>();
  for (const entry of work) {
    const key = `${entry.projectId ?? '-'}:${entry.taskId ?? '-'}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        projectId: entry.projectId,
        taskId: entry.taskId,
        ...names(entry, lookup),
        minutes: 0,
        directMinutes: 0,
        ongoing: false,
        entries: [],
        notes: [],
      };
      groups.set(key, group);
    }
    const item = toTodayEntry(entry, nowServerMs);
    group.entries.push(item);
    group.minutes += item.minutes;
    if (item.isDirect) group.directMinutes += item.minutes;
    group.ongoing ||= item.ongoing;
  }
  const sorted = [...groups.values()].sort(byMinutesThenName);
  for (const group of sorted) {
    group.entries.sort(byStart);
    const seen = new Set<string>();
    for (const item of group.entries) {
      const note = item.note.trim();
      if (note.length > 0 && !seen.has(note)) {
        seen.add(note);
        group.notes.push(note);
      }
    }
  }
  return sorted;
}

function groupLeave(leave: Entry[], nowServerMs: number): TodayPurposeGroup[] {
  const groups = new Map<Purpose, TodayPurposeGroup>();
  for (const entry of leave) {
    let group = groups.get(entry.purpose);
    if (!group) {
      group = { purpose: entry.purpose, minutes: 0, entries: [] };
      groups.set(entry.purpose, group);
    }
    const item = toTodayEntry(entry, nowServerMs);
    group.entries.push(item);
    group.minutes += item.minutes;
  }
  const sorted = [...groups.values()].sort(
    (a, b) => b.minutes - a.minutes || a.purpose.localeCompare(b.purpose),
  );
  for (const group of sorted) group.entries.sort(byStart);
  return sorted;
}

/**
 * The running entry to show. Keeping allows one per user; should the data hold more, the most
 * recently started wins. A timer started on an earlier day is still shown (it is running), but
 * it counts for its own `date`, not this one.
 */
function findRunning(input: TodayInput, lookup: Lookup): TodayRunning | null {
  let best: Entry | null = null;
  let bestStart = Number.NEGATIVE_INFINITY;
  for (const entry of input.entries) {
    if (!entry.ongoing) continue;
    const startMs = entry.start === null ? Number.NaN : Date.parse(entry.start);
    const rank = Number.isFinite(startMs) ? startMs : Number.NEGATIVE_INFINITY;
    if (best === null || rank > bestStart) {
      best = entry;
      bestStart = rank;
    }
  }
  if (best === null) return null;
  const running = runningMs(best, input.nowServerMs);
  return {
    entryId: best.id,
    purpose: best.purpose,
    date: best.date,
    belongsToDay: best.date === input.date,
    projectId: best.projectId,
    taskId: best.taskId,
    ...names(best, lookup),
    note: best.note,
    runningMs: running,
    elapsedMs: confirmedMinutes(best) * MINUTE_MS + running,
  };
}

/**
 * Summarises one day of one user's entries. Work counts toward the total (direct and indirect
 * split by Keeping's `isDirect`); breaks and leave are listed apart and never counted as work.
 * Only entries whose `date` equals `input.date` count: an entry from 23:00 to 01:00 belongs to
 * the day it started on.
 */
export function summarizeToday(input: TodayInput): TodaySummary {
  const lookup: Lookup = {
    projects: new Map(input.projects.map((project) => [project.id, project])),
    tasks: new Map(input.tasks.map((task) => [task.id, task])),
    clients: new Map(input.clients.map((client) => [client.id, client])),
  };
  const ofDay = input.entries.filter((entry) => entry.date === input.date);
  const work = ofDay.filter((entry) => entry.purpose === 'work');
  const breakEntries = ofDay.filter((entry) => entry.purpose === 'break');
  const leaveEntries = ofDay.filter((entry) => entry.purpose !== 'work' && entry.purpose !== 'break');

  const groups = groupWork(work, lookup, input.nowServerMs);
  const breaks = breakEntries.map((entry) => toTodayEntry(entry, input.nowServerMs)).sort(byStart);
  const leave = groupLeave(leaveEntries, input.nowServerMs);

  const totalMinutes = sum(groups.map((group) => group.minutes));
  const directMinutes = sum(groups.map((group) => group.directMinutes));
  return {
    date: input.date,
    totalMinutes,
    directMinutes,
    indirectMinutes: totalMinutes - directMinutes,
    breakMinutes: sum(breaks.map((entry) => entry.minutes)),
    leaveMinutes: sum(leave.map((group) => group.minutes)),
    groups,
    breaks,
    leave,
    running: findRunning(input, lookup),
    entryCount: ofDay.length,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
