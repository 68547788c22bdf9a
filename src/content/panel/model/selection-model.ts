/**
 * The bookkeeper's choices for one invoice as signals, and their stored form
 * (InvoiceSelection). Restoring and saving go through `snapshot()`/`restore()` only.
 */
import { batch, computed, signal } from '@preact/signals';
import type { Grouping } from '../../../core/grouping';
import { GROUPINGS } from '../../../core/grouping';
import { DEFAULT_PERIOD, PERIOD_PRESETS, type PeriodChoice, resolvePeriod } from '../../../core/period';
import { KNOWN_ROUNDING_UNITS, NO_ROUNDING, type RoundingOptions } from '../../../core/rounding';
import { DEFAULT_DESCRIPTION_TEMPLATE } from '../../../core/template';
import type { InvoiceSelection } from '../../../shared/invoice-types';

export type SelectionModel = ReturnType<typeof createSelectionModel>;

/**
 * The set with `ids` added (on) or taken out: one copy for the whole batch, so a select
 * all/none on a group of n entries costs O(n), not a copy per entry. Unchanged, the same set is
 * returned, so nothing that reads it is computed again.
 */
export function withIds(set: ReadonlySet<number>, ids: readonly number[], on: boolean): ReadonlySet<number> {
  let next: Set<number> | null = null;
  for (const id of ids) {
    if (set.has(id) === on) continue;
    next ??= new Set(set);
    if (on) next.add(id);
    else next.delete(id);
  }
  return next ?? set;
}

/** A stored selection may come from an older version: anything unexpected falls back to the default. */
function validRounding(value: RoundingOptions | undefined): RoundingOptions {
  if (!value || !(KNOWN_ROUNDING_UNITS as readonly number[]).includes(value.unit)) return NO_ROUNDING;
  return {
    unit: value.unit,
    mode: value.mode === 'nearest' ? 'nearest' : 'up',
    scope: value.scope === 'entry' ? 'entry' : 'line',
  };
}

function validPeriod(value: PeriodChoice | undefined): PeriodChoice {
  if (!value || !PERIOD_PRESETS.some(({ preset }) => preset === value.preset)) return DEFAULT_PERIOD;
  if (value.preset !== 'custom') return { preset: value.preset };
  return typeof value.from === 'string' && typeof value.to === 'string'
    ? { preset: 'custom', from: value.from, to: value.to }
    : DEFAULT_PERIOD;
}

export function createSelectionModel(today: () => string) {
  const period = signal<PeriodChoice>(DEFAULT_PERIOD);
  const hours = signal<'direct' | 'all'>('direct');
  const projectIds = signal<ReadonlySet<number> | null>(null);
  const userIds = signal<ReadonlySet<number> | null>(null);
  const includeBilled = signal(false);
  const excluded = signal<ReadonlySet<number>>(new Set());
  const confirmedBilled = signal<ReadonlySet<number>>(new Set());
  const grouping = signal<Grouping>('project');
  const rounding = signal<RoundingOptions>(NO_ROUNDING);
  const template = signal(DEFAULT_DESCRIPTION_TEMPLATE);

  /** The inclusive range, or null for an unfinished custom range. */
  const range = computed(() => resolvePeriod(period.value, today()));

  function setTicked(ids: readonly number[], on: boolean): void {
    excluded.value = withIds(excluded.value, ids, !on);
  }

  function confirmBilled(ids: readonly number[], on: boolean): void {
    confirmedBilled.value = withIds(confirmedBilled.value, ids, on);
  }

  function snapshot(keepingClientId: number | null): InvoiceSelection {
    return {
      keepingClientId,
      period: period.value,
      hours: hours.value,
      projectIds: projectIds.value ? [...projectIds.value].sort((a, b) => a - b) : null,
      userIds: userIds.value ? [...userIds.value].sort((a, b) => a - b) : null,
      includeBilled: includeBilled.value,
      excludedEntryIds: [...excluded.value].sort((a, b) => a - b),
      confirmedBilledEntryIds: [...confirmedBilled.value].sort((a, b) => a - b),
      grouping: grouping.value,
      rounding: rounding.value,
      template: template.value,
    };
  }

  function restore(saved: InvoiceSelection): void {
    batch(() => {
      period.value = validPeriod(saved.period);
      hours.value = saved.hours === 'all' ? 'all' : 'direct';
      projectIds.value = saved.projectIds ? new Set(saved.projectIds) : null;
      userIds.value = saved.userIds ? new Set(saved.userIds) : null;
      includeBilled.value = saved.includeBilled === true;
      excluded.value = new Set(saved.excludedEntryIds ?? []);
      confirmedBilled.value = new Set(saved.confirmedBilledEntryIds ?? []);
      grouping.value = GROUPINGS.includes(saved.grouping) ? saved.grouping : 'project';
      rounding.value = validRounding(saved.rounding);
      template.value = typeof saved.template === 'string' ? saved.template : DEFAULT_DESCRIPTION_TEMPLATE;
    });
  }

  return {
    period,
    range,
    hours,
    projectIds,
    userIds,
    includeBilled,
    excluded,
    confirmedBilled,
    grouping,
    rounding,
    template,
    setTicked,
    confirmBilled,
    snapshot,
    restore,
  };
}
