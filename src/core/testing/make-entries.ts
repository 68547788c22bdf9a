/**
 * Deterministic synthetic entries for benchmarks and tests: the same (count, seed) always gives
 * the same entries. Shaped like a mid-size Dutch firm: 25 people, 40 projects, 12 tasks, a
 * year of dates, mostly direct work with some indirect hours, breaks, leave and notes.
 */
import type { Entry, Purpose } from '../keeping-types';
import type { NameIndex } from '../name-order';

export const BENCH_PROJECTS = 40;
export const BENCH_TASKS = 12;
export const BENCH_USERS = 25;

const NOTES = [
  '',
  '',
  '',
  'Overleg met klant',
  'Bugfix facturatie',
  'Rapportage',
  'Telefonisch contact',
  'Review',
];
const PURPOSES: readonly Purpose[] = [
  'work',
  'work',
  'work',
  'work',
  'work',
  'work',
  'work',
  'break',
  'sick_leave',
];

/** Mulberry32: tiny, fast, good enough to spread synthetic data; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` entries with ids 1..count, dates in 2025, reproducible from `seed`. */
export function makeBenchEntries(count: number, seed: number): Entry[] {
  const random = seededRandom(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const entries: Entry[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let index = 0; index < count; index += 1) {
    const purpose = PURPOSES[pick(PURPOSES.length)]!;
    const work = purpose === 'work';
    const projectId = work ? 100 + pick(BENCH_PROJECTS) : null;
    const billed = random() < 0.05;
    entries.push({
      id: index + 1,
      organisationId: 1,
      userId: 1 + pick(BENCH_USERS),
      date: new Date(start + pick(365) * 86_400_000).toISOString().slice(0, 10),
      purpose,
      projectId,
      taskId: work && random() < 0.9 ? 500 + pick(BENCH_TASKS) : null,
      note: NOTES[pick(NOTES.length)]!,
      minutes: 1 + pick(480),
      start: null,
      end: null,
      ongoing: false,
      locked: billed,
      isDirect: work && (projectId ?? 0) % 5 !== 0,
      externalReferences: billed
        ? [
            {
              id: `a${String(index).padStart(11, '0')}`,
              type: 'exact_online_invoice',
              name: `2025-${index}`,
              url: null,
            },
          ]
        : [],
    });
  }
  return entries;
}

/** Names for the ids `makeBenchEntries` uses ("Project 07", "Taak 03", "Medewerker 12"). */
export function makeBenchNames(): NameIndex {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return {
    projects: new Map(Array.from({ length: BENCH_PROJECTS }, (_, i) => [100 + i, `Project ${pad(i)}`])),
    tasks: new Map(Array.from({ length: BENCH_TASKS }, (_, i) => [500 + i, `Taak ${pad(i)}`])),
    users: new Map(Array.from({ length: BENCH_USERS }, (_, i) => [1 + i, `Medewerker ${pad(i + 1)}`])),
  };
}
