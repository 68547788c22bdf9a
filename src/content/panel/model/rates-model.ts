/**
 * Rates and item codes: the defaults and the per-project/task rules the background remembers,
 * as a RateBook for the preview, and the edits made from the preview's lines.
 */
import { computed, signal } from '@preact/signals';
import type { Grouping } from '../../../core/grouping';
import type { Entry } from '../../../core/keeping-types';
import { type RateBook, type RateRule, rateKey, rememberRate } from '../../../core/rates';
import { toUrenbrugError, type UrenbrugError } from '../../../shared/errors';
import type { LineDefaults } from '../../../shared/invoice-types';
import { send } from '../../../shared/messages';

export type RatesModel = ReturnType<typeof createRatesModel>;

const EMPTY: LineDefaults = { defaultRateCents: 0, defaultItemCode: '', rules: {} };

/**
 * The rule a line's rate and item are remembered under: the task on the project when the line
 * is one task's (grouped by project+task or per entry), else the project; null when the line
 * spans several projects and no single rule fits.
 */
export function lineRuleKey(entries: readonly Entry[], grouping: Grouping): string | null {
  const projects = new Set(entries.map((entry) => entry.projectId));
  if (projects.size !== 1) return null;
  const projectId = entries[0]?.projectId ?? null;
  if (projectId === null) return null;
  const tasks = new Set(entries.map((entry) => entry.taskId));
  const taskId = entries[0]?.taskId ?? null;
  if ((grouping === 'project_task' || grouping === 'entry') && tasks.size === 1 && taskId !== null) {
    return rateKey(projectId, taskId);
  }
  return rateKey(projectId);
}

export function createRatesModel() {
  const defaults = signal<LineDefaults>(EMPTY);
  const saving = signal(false);
  const error = signal<UrenbrugError | null>(null);

  const book = computed(
    (): RateBook => ({
      rules: new Map(Object.entries(defaults.value.rules)),
      defaultRateCents: defaults.value.defaultRateCents,
      defaultItemCode: defaults.value.defaultItemCode,
    }),
  );

  async function save(next: LineDefaults): Promise<void> {
    const before = defaults.value;
    // Show the new value at once; the stored answer replaces it, a failure restores the old one.
    defaults.value = next;
    saving.value = true;
    try {
      defaults.value = await send('lineDefaults.save', next);
      error.value = null;
    } catch (caught) {
      defaults.value = before;
      error.value = toUrenbrugError(caught);
    } finally {
      saving.value = false;
    }
  }

  /** Remembers a rate and/or item for a project or task; fields left undefined keep their value. */
  async function saveRule(key: string, change: RateRule): Promise<void> {
    const current = defaults.value.rules[key] ?? {};
    const rules = rememberRate(book.value.rules, key, { ...current, ...change });
    await save({ ...defaults.value, rules: Object.fromEntries(rules) });
  }

  async function saveDefaults(change: { rateCents?: number; itemCode?: string }): Promise<void> {
    if (change.rateCents !== undefined && (!Number.isSafeInteger(change.rateCents) || change.rateCents < 0)) {
      throw new RangeError(`rateCents must be a non-negative integer, got ${change.rateCents}`);
    }
    await save({
      ...defaults.value,
      defaultRateCents: change.rateCents ?? defaults.value.defaultRateCents,
      defaultItemCode: change.itemCode?.trim() ?? defaults.value.defaultItemCode,
    });
  }

  return { defaults, book, saving, error, saveRule, saveDefaults };
}
