/**
 * The Overzicht's breakdown (client → project → task or person) and its monthly series, from
 * the same per-entry sums as the totals, so each level sums to the level above and to the total.
 * Filters narrow the entries first; the totals are then the filtered entries' totals.
 */
import type { DateRange } from '../period';
import { EntryPreparer, type FigureOptions, FigureSum, type Figures } from './figures';
import type { ReportEntry } from './report-entry';
import { monthOf, monthsOf } from './report-period';

export type LeafLevel = 'task' | 'user';

export interface ReportFilter {
  /** Empty or absent: every one. */
  clientIds?: readonly number[];
  projectIds?: readonly number[];
  userIds?: readonly number[];
}

export interface BreakdownRow {
  /** "c:12", "c:12/p:4", "c:12/p:4/t:9" (or "/u:3"); ids are null for entries without one. */
  key: string;
  level: 'client' | 'project' | LeafLevel;
  clientId: number | null;
  projectId: number | null;
  /** A task or user id on the leaf level. */
  leafId: number | null;
  figures: Figures;
  children: BreakdownRow[];
}

export interface MonthFigures {
  month: string;
  figures: Figures;
}

export interface Report {
  totals: Figures;
  rows: BreakdownRow[];
  months: MonthFigures[];
}

export function matchesFilter(entry: ReportEntry, filter: ReportFilter): boolean {
  const has = (ids: readonly number[] | undefined, id: number | null) =>
    ids === undefined || ids.length === 0 || (id !== null && ids.includes(id));
  return (
    has(filter.clientIds, entry.clientId) &&
    has(filter.projectIds, entry.projectId) &&
    has(filter.userIds, entry.userId)
  );
}

class Node {
  readonly sum: FigureSum;
  /** Keyed by the child's id (-1 for none): numbers, so adding an entry builds no string. */
  readonly children = new Map<number, Node>();
  constructor(
    readonly row: Omit<BreakdownRow, 'figures' | 'children'>,
    options: FigureOptions,
  ) {
    this.sum = new FigureSum(options);
  }
  toRow(): BreakdownRow {
    return {
      ...this.row,
      figures: this.sum.figures,
      children: [...this.children.values()].map((c) => c.toRow()),
    };
  }
}

const idPart = (prefix: string, id: number | null) => `${prefix}:${id ?? '-'}`;

/** Totals, the three-level breakdown and one set of figures per month the range touches. */
export function buildReport(
  entries: Iterable<ReportEntry>,
  range: DateRange,
  options: FigureOptions & { filter?: ReportFilter; leaf?: LeafLevel },
): Report {
  const filter = options.filter ?? {};
  const leaf = options.leaf ?? 'task';
  const totals = new FigureSum(options);
  const clients = new Map<number, Node>();
  const months = new Map<string, FigureSum>(monthsOf(range).map((month) => [month, new FigureSum(options)]));
  const preparer = new EntryPreparer(options);
  for (const entry of entries) {
    if (entry.date < range.from || entry.date > range.to || !matchesFilter(entry, filter)) continue;
    const prep = preparer.prepare(entry);
    totals.addPrepared(entry, prep);
    months.get(monthOf(entry.date))?.addPrepared(entry, prep);
    let client = clients.get(entry.clientId ?? -1);
    if (client === undefined) {
      const key = idPart('c', entry.clientId);
      client = new Node(
        { key, level: 'client', clientId: entry.clientId, projectId: null, leafId: null },
        options,
      );
      clients.set(entry.clientId ?? -1, client);
    }
    let project = client.children.get(entry.projectId ?? -1);
    if (project === undefined) {
      const key = `${client.row.key}/${idPart('p', entry.projectId)}`;
      project = new Node(
        { key, level: 'project', clientId: entry.clientId, projectId: entry.projectId, leafId: null },
        options,
      );
      client.children.set(entry.projectId ?? -1, project);
    }
    const leafId = leaf === 'task' ? entry.taskId : entry.userId;
    let leafNode = project.children.get(leafId ?? -1);
    if (leafNode === undefined) {
      const key = `${project.row.key}/${idPart(leaf === 'task' ? 't' : 'u', leafId)}`;
      leafNode = new Node(
        { key, level: leaf, clientId: entry.clientId, projectId: entry.projectId, leafId },
        options,
      );
      project.children.set(leafId ?? -1, leafNode);
    }
    client.sum.addPrepared(entry, prep);
    project.sum.addPrepared(entry, prep);
    leafNode.sum.addPrepared(entry, prep);
  }
  return {
    totals: totals.figures,
    rows: [...clients.values()].map((node) => node.toRow()),
    months: [...months].map(([month, sum]) => ({ month, figures: sum.figures })),
  };
}

export type SortKey = 'name' | 'worked' | 'direct' | 'billed' | 'unbilled' | 'revenue' | 'unbilledValue';

const FIGURE_OF: Record<Exclude<SortKey, 'name'>, (f: Figures) => number> = {
  worked: (f) => f.workedMinutes,
  direct: (f) => f.directMinutes,
  billed: (f) => f.billedMinutes,
  unbilled: (f) => f.unbilledMinutes,
  revenue: (f) => f.revenueCents,
  unbilledValue: (f) => f.unbilledValueCents,
};

/** Rows sorted at every level; `name` sorts by the label the caller gives each row. */
export function sortRows(
  rows: readonly BreakdownRow[],
  key: SortKey,
  descending: boolean,
  label: (row: BreakdownRow) => string,
): BreakdownRow[] {
  const sign = descending ? -1 : 1;
  const compare =
    key === 'name'
      ? (a: BreakdownRow, b: BreakdownRow) => sign * label(a).localeCompare(label(b), 'nl')
      : (a: BreakdownRow, b: BreakdownRow) => sign * (FIGURE_OF[key](a.figures) - FIGURE_OF[key](b.figures));
  return [...rows]
    .sort((a, b) => compare(a, b) || a.key.localeCompare(b.key))
    .map((row) => ({ ...row, children: sortRows(row.children, key, descending, label) }));
}
