/**
 * The entries the panel offers for one invoice: core's selection rules, plus which entries are
 * already billed elsewhere. Entries billed on the invoice being edited are this invoice's own
 * and stay selectable, or filling again would drop them.
 */
import { type BilledBy, billedBy } from '../../../core/billing';
import { type SkipReason, selectEntries } from '../../../core/filter';
import type { Entry } from '../../../core/keeping-types';
import type { DateRange } from '../../../core/period';
import type { LocalLinks } from '../../../shared/invoice-types';

export interface ScopeInput {
  entries: readonly Entry[];
  clientProjectIds: ReadonlySet<number>;
  period: DateRange;
  projectIds: ReadonlySet<number> | null;
  userIds: ReadonlySet<number> | null;
  hours: 'direct' | 'all';
  localLinks: LocalLinks;
  /** Entries on the invoice being edited (its lines and links). */
  ownEntryIds: ReadonlySet<number>;
  ownInvoiceKey: string | null;
}

export interface ScopedEntry {
  entry: Entry;
  /** Billed on another invoice, or null. */
  billed: BilledBy | null;
}

export interface Scope {
  entries: ScopedEntry[];
  /** In scope but not billable (breaks, running, empty, indirect). */
  skipped: Record<SkipReason, number>;
  lockedEntryIds: number[];
}

/** Every billable entry in scope, billed ones included and marked. */
export function scopeEntries(input: ScopeInput): Scope {
  const others = new Map<number, string>();
  for (const [id, link] of Object.entries(input.localLinks)) {
    if (link.invoiceKey !== input.ownInvoiceKey) others.set(Number(id), link.invoiceLabel);
  }
  // Billing is decided below, with this invoice's own entries taken out.
  const result = selectEntries(input.entries, {
    period: input.period,
    clientProjectIds: input.clientProjectIds,
    projectIds: input.projectIds,
    userIds: input.userIds,
    hours: input.hours,
    includeBilled: true,
  });
  const entries = result.entries.map((entry) => ({
    entry,
    billed: input.ownEntryIds.has(entry.id) ? null : billedBy(entry, others),
  }));
  return { entries, skipped: result.skipped, lockedEntryIds: result.lockedEntryIds };
}

export interface Ticks {
  includeBilled: boolean;
  excluded: ReadonlySet<number>;
  confirmedBilled: ReadonlySet<number>;
}

/** Whether an entry is on the invoice: open ones unless unticked, billed ones only when confirmed. */
export function isTicked(scoped: ScopedEntry, ticks: Ticks): boolean {
  if (scoped.billed) return ticks.includeBilled && ticks.confirmedBilled.has(scoped.entry.id);
  return !ticks.excluded.has(scoped.entry.id);
}

/** The entries that go on the invoice. */
export function tickedEntries(scope: Scope, ticks: Ticks): Entry[] {
  return scope.entries.filter((scoped) => isTicked(scoped, ticks)).map((scoped) => scoped.entry);
}

export interface ListGroup {
  projectId: number;
  name: string;
  rows: ScopedEntry[];
  minutes: number;
  /** Rows that select all/none tick and untick (billed ones are never ticked in bulk). */
  openIds: number[];
  billedIds: number[];
}

/** Rows to list (billed ones only when asked for), per project by name, each by date. */
export function listGroups(
  scope: Scope,
  includeBilled: boolean,
  projectName: (projectId: number) => string,
): ListGroup[] {
  const groups = new Map<number, ListGroup>();
  for (const scoped of scope.entries) {
    if (scoped.billed && !includeBilled) continue;
    const projectId = scoped.entry.projectId ?? 0;
    let group = groups.get(projectId);
    if (!group) {
      group = { projectId, name: projectName(projectId), rows: [], minutes: 0, openIds: [], billedIds: [] };
      groups.set(projectId, group);
    }
    group.rows.push(scoped);
    group.minutes += scoped.entry.minutes;
  }
  const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
  const sorted = [...groups.values()].sort(
    (a, b) => collator.compare(a.name, b.name) || a.projectId - b.projectId,
  );
  for (const group of sorted) {
    group.rows.sort((a, b) =>
      a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.entry.id - b.entry.id,
    );
    for (const row of group.rows) (row.billed ? group.billedIds : group.openIds).push(row.entry.id);
  }
  return sorted;
}
