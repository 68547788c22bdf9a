/**
 * Associating an invoice that was made without Urenbrug: which of the client's unbilled entries
 * most plausibly make up each of its lines. Pure and deterministic; the panel shows the proposal
 * and the bookkeeper confirms or corrects it before anything is linked.
 */

/** One line of the invoice as read from Exact's grid. */
export interface MatchLine {
  /** Hours on the line in integer minutes (0 for a line that is not a number of hours). */
  minutes: number;
  description: string;
  /** Projects/tasks the description names (see `hintsFromDescription`); empty: no preference. */
  projectIds?: readonly number[];
  taskIds?: readonly number[];
}

/** An entry that may be associated. */
export interface MatchCandidate {
  id: number;
  minutes: number;
  projectId: number | null;
  taskId: number | null;
  userId: number;
  /** Y-m-d. */
  date: string;
}

export interface LineMatch {
  /** Index into the input lines. */
  line: number;
  /** Chosen entries, in date order. */
  entryIds: number[];
  invoiceMinutes: number;
  selectedMinutes: number;
  /** invoiceMinutes − selectedMinutes: positive when hours are missing, negative when over. */
  residualMinutes: number;
}

export interface InvoiceMatch {
  lines: LineMatch[];
  /** Candidates no line took, in date order. */
  unusedEntryIds: number[];
  invoiceMinutes: number;
  selectedMinutes: number;
  residualMinutes: number;
}

/**
 * Above this many (candidate × minute) cells a line is filled first-fit instead of exactly: a
 * month of a big client on a 200-hour line stays well under it, a year of it would not.
 */
export const EXACT_FILL_BUDGET = 4_000_000;

function byDate(a: MatchCandidate, b: MatchCandidate): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

function matchesHints(candidate: MatchCandidate, line: MatchLine): boolean {
  const projects = line.projectIds ?? [];
  const tasks = line.taskIds ?? [];
  if (projects.length === 0 && tasks.length === 0) return true;
  const projectOk =
    projects.length === 0 || (candidate.projectId !== null && projects.includes(candidate.projectId));
  const taskOk = tasks.length === 0 || (candidate.taskId !== null && tasks.includes(candidate.taskId));
  return projectOk && taskOk;
}

function hasHints(line: MatchLine): boolean {
  return (line.projectIds?.length ?? 0) + (line.taskIds?.length ?? 0) > 0;
}

/**
 * The subset of `pool` (in date order) whose minutes come closest to `target`; ties go to the
 * sum that does not exceed it. Exact 0/1 subset-sum over sums up to target + the largest entry
 * (one more entry can never bring a sum closer than that), O(pool × target) time and O(target)
 * memory; `via[s]` is the first pool index that reached sum s, so walking back always uses an
 * earlier index and every entry at most once. Over EXACT_FILL_BUDGET: first fit in date order.
 */
export function closestSubset(pool: readonly MatchCandidate[], target: number): MatchCandidate[] {
  if (target <= 0 || pool.length === 0) return [];
  const largest = pool.reduce((max, candidate) => Math.max(max, candidate.minutes), 0);
  const cap = target + largest;
  if (pool.length * cap > EXACT_FILL_BUDGET) return firstFit(pool, target);
  const via = new Int32Array(cap + 1).fill(-1);
  const reached = new Uint8Array(cap + 1);
  reached[0] = 1;
  for (let index = 0; index < pool.length; index++) {
    const weight = pool[index]!.minutes;
    if (weight <= 0) continue;
    // Downwards, so this item is used at most once per sum.
    for (let sum = cap; sum >= weight; sum--) {
      if (!reached[sum] && reached[sum - weight]) {
        reached[sum] = 1;
        via[sum] = index;
      }
    }
  }
  let best = 0;
  for (let sum = 1; sum <= cap; sum++) {
    if (!reached[sum]) continue;
    const distance = Math.abs(target - sum);
    const bestDistance = Math.abs(target - best);
    if (distance < bestDistance || (distance === bestDistance && sum <= target && best > target)) best = sum;
  }
  const chosen: MatchCandidate[] = [];
  for (let sum = best; sum > 0; ) {
    const index = via[sum]!;
    const candidate = pool[index]!;
    chosen.push(candidate);
    sum -= candidate.minutes;
  }
  return chosen.sort(byDate);
}

function firstFit(pool: readonly MatchCandidate[], target: number): MatchCandidate[] {
  const chosen: MatchCandidate[] = [];
  let sum = 0;
  for (const candidate of pool) {
    if (candidate.minutes > 0 && sum + candidate.minutes <= target) {
      chosen.push(candidate);
      sum += candidate.minutes;
    }
  }
  return chosen;
}

/**
 * Proposes entries per invoice line so each line's hours match its quantity as closely as
 * possible. Lines that name a project or task (hints) go first and draw only from entries on
 * those (all open entries when none are on those); then the other lines, in invoice order, draw from what is left. Each line takes the
 * closest subset of its pool (`closestSubset`), with the pool in date order so ties favour the
 * oldest hours — the ones most likely on an invoice that was made later. An entry is used at
 * most once; a line of 0 minutes (a fixed fee, travel costs) takes nothing.
 */
export function matchInvoiceLines(
  lines: readonly MatchLine[],
  candidates: readonly MatchCandidate[],
): InvoiceMatch {
  const sorted = [...candidates].filter((candidate) => candidate.minutes > 0).sort(byDate);
  const seen = new Set<number>();
  const unique = sorted.filter((candidate) => !seen.has(candidate.id) && seen.add(candidate.id));
  const used = new Set<number>();
  const order = lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => Number(hasHints(b.line)) - Number(hasHints(a.line)) || a.index - b.index);
  const results: LineMatch[] = lines.map((line, index) => ({
    line: index,
    entryIds: [],
    invoiceMinutes: Math.max(0, Math.round(line.minutes)),
    selectedMinutes: 0,
    residualMinutes: Math.max(0, Math.round(line.minutes)),
  }));
  for (const { line, index } of order) {
    const target = results[index]!.invoiceMinutes;
    if (target === 0) continue;
    const open = unique.filter((candidate) => !used.has(candidate.id));
    const hinted = open.filter((candidate) => matchesHints(candidate, line));
    // A name read from a description can be a coincidence: with nothing on it, the hint is ignored.
    const pool = hinted.length > 0 ? hinted : open;
    const chosen = closestSubset(pool, target);
    for (const candidate of chosen) used.add(candidate.id);
    const selectedMinutes = chosen.reduce((sum, candidate) => sum + candidate.minutes, 0);
    results[index] = {
      line: index,
      entryIds: chosen.map((candidate) => candidate.id),
      invoiceMinutes: target,
      selectedMinutes,
      residualMinutes: target - selectedMinutes,
    };
  }
  const invoiceMinutes = results.reduce((sum, line) => sum + line.invoiceMinutes, 0);
  const selectedMinutes = results.reduce((sum, line) => sum + line.selectedMinutes, 0);
  return {
    lines: results,
    unusedEntryIds: unique.filter((candidate) => !used.has(candidate.id)).map((candidate) => candidate.id),
    invoiceMinutes,
    selectedMinutes,
    residualMinutes: invoiceMinutes - selectedMinutes,
  };
}

/** A named thing the description may mention. */
export interface NamedId {
  id: number;
  name: string;
}

function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Projects and tasks whose name appears in the line's description (case- and accent-blind, whole
 * words). Names of two characters or fewer are ignored: "QA" would match too much.
 */
export function hintsFromDescription(
  description: string,
  projects: readonly NamedId[],
  tasks: readonly NamedId[],
): { projectIds: number[]; taskIds: number[] } {
  const text = ` ${normalise(description).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const named = (items: readonly NamedId[]) =>
    items
      .filter((item) => {
        const name = normalise(item.name)
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
        return name.length > 2 && text.includes(` ${name} `);
      })
      .map((item) => item.id)
      .sort((a, b) => a - b);
  return { projectIds: named(projects), taskIds: named(tasks) };
}
