/**
 * The Overzicht's breakdown (client → project → task or person) and its monthly series, from
 * the same per-entry sums as the totals, so each level sums to the level above and to the total.
 * Filters narrow the entries first; the totals are then the filtered entries' totals.
 */
import type { DateRange } from '../period';
import { type FigureOptions, FigureSum, type Figures } from './figures';
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
  readonly children = new Map<string, Node>();
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

function child(
  parent: Map<string, Node>,
  key: string,
  row: Omit<BreakdownRow, 'figures' | 'children' | 'key'>,
  options: FigureOptions,
): Node {
  let node = parent.get(key);
  if (node === undefined) {
    node = new Node({ ...row, key }, options);
    parent.set(key, node);
  }
  return node;
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
  const clients = new Map<string, Node>();
  const months = new Map<string, FigureSum>(monthsOf(range).map((month) => [month, new FigureSum(options)]));
  for (const entry of entries) {
    if (entry.date < range.from || entry.date > range.to || !matchesFilter(entry, filter)) continue;
    totals.add(entry);
    months.get(monthOf(entry.date))?.add(entry);
    const clientKey = idPart('c', entry.clientId);
    const base = { clientId: entry.clientId, projectId: null, leafId: null };
    const client = child(clients, clientKey, { ...base, level: 'client' }, options);
    const projectKey = `${clientKey}/${idPart('p', entry.projectId)}`;
    const project = child(
      client.children,
      projectKey,
      { ...base, projectId: entry.projectId, level: 'project' },
      options,
    );
    const leafId = leaf === 'task' ? entry.taskId : entry.userId;
    const leafNode = child(
      project.children,
      `${projectKey}/${idPart(leaf === 'task' ? 't' : 'u', leafId)}`,
      { clientId: entry.clientId, projectId: entry.projectId, leafId, level: leaf },
      options,
    );
    client.sum.add(entry);
    project.sum.add(entry);
    leafNode.sum.add(entry);
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
