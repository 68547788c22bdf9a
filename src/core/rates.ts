/**
 * Hourly rate and Exact item code per invoice line. Keeping's API has no rates
 * (docs/keeping-api.md, Rates), so Urenbrug remembers them itself, per project and per task on a project,
 * with a default for everything else. Resolution, for rate and item separately: task-on-project > project >
 * default (the same priority Keeping's own rates use).
 */
import { assertSafeInteger } from './integer-math';

/** What is remembered for a project or a task on a project; a missing field falls through. */
export interface RateRule {
  rateCents?: number | null;
  itemCode?: string | null;
}

export interface RateBook {
  /** Keyed by `rateKey()`: "p:<projectId>" or "p:<projectId>:t:<taskId>". */
  rules: ReadonlyMap<string, RateRule>;
  defaultRateCents: number;
  defaultItemCode: string;
}

export type RateSource = 'task' | 'project' | 'default';

export interface ResolvedRate {
  rateCents: number;
  itemCode: string;
  rateSource: RateSource;
  itemSource: RateSource;
}

/** The rule key for a project, or for a task on a project. */
export function rateKey(projectId: number, taskId: number | null = null): string {
  return taskId === null ? `p:${projectId}` : `p:${projectId}:t:${taskId}`;
}

/**
 * Returns a new rule map with `rule` remembered under the key (an empty rule forgets it).
 * Throws a RangeError for a negative or fractional rate, so bad input is never stored.
 */
export function rememberRate(
  rules: ReadonlyMap<string, RateRule>,
  key: string,
  rule: RateRule,
): Map<string, RateRule> {
  if (!/^p:\d+(:t:\d+)?$/.test(key)) throw new RangeError(`not a rate key: "${key}"`);
  if (rule.rateCents !== undefined && rule.rateCents !== null) assertRate(rule.rateCents);
  const next = new Map(rules);
  const itemCode = rule.itemCode?.trim();
  const cleaned: RateRule = {};
  if (rule.rateCents !== undefined && rule.rateCents !== null) cleaned.rateCents = rule.rateCents;
  if (itemCode) cleaned.itemCode = itemCode;
  if (cleaned.rateCents === undefined && cleaned.itemCode === undefined) next.delete(key);
  else next.set(key, cleaned);
  return next;
}

/** Rate and item for a project/task pair (either may be null), each with where it came from. */
export function resolveRate(book: RateBook, projectId: number | null, taskId: number | null): ResolvedRate {
  assertRate(book.defaultRateCents);
  const taskRule =
    projectId !== null && taskId !== null ? book.rules.get(rateKey(projectId, taskId)) : undefined;
  const projectRule = projectId !== null ? book.rules.get(rateKey(projectId)) : undefined;

  let rateCents = book.defaultRateCents;
  let rateSource: RateSource = 'default';
  if (isSet(taskRule?.rateCents)) [rateCents, rateSource] = [taskRule.rateCents, 'task'];
  else if (isSet(projectRule?.rateCents)) [rateCents, rateSource] = [projectRule.rateCents, 'project'];

  let itemCode = book.defaultItemCode;
  let itemSource: RateSource = 'default';
  if (hasText(taskRule?.itemCode)) [itemCode, itemSource] = [taskRule.itemCode, 'task'];
  else if (hasText(projectRule?.itemCode)) [itemCode, itemSource] = [projectRule.itemCode, 'project'];

  return { rateCents, itemCode, rateSource, itemSource };
}

function assertRate(cents: number): void {
  assertSafeInteger(cents, 'rateCents');
  if (cents < 0) throw new RangeError(`rateCents must not be negative, got ${cents}`);
}

function isSet(value: number | null | undefined): value is number {
  return value !== undefined && value !== null;
}

function hasText(value: string | null | undefined): value is string {
  return value !== undefined && value !== null && value.trim() !== '';
}
