/**
 * The Overzicht's breakdown (client → project → task or person) and its monthly series, from
 * the same per-entry sums as the totals, so each level sums to the level above and to the total.
 * Filters narrow the entries (or the worker's cells) first; the totals are then the filtered
 * ones' totals. A division filter narrows revenue only: hours are not per division.
 */
import type { DateRange } from '../period';
import type { ReportCells } from './cells';
import { CELL_WIDTH, EntryPreparer, type FigureOptions, FigureSum, type Figures } from './figures';
import type { ReportEntry } from './report-entry';
import { monthOf, monthsOf } from './report-period';

export type LeafLevel = 'task' | 'user';

export interface ReportFilter {
  /** Empty or absent: every one. */
  clientIds?: readonly number[];
  projectIds?: readonly number[];
  userIds?: readonly number[];
  /**
   * Exact divisions (administrations) whose revenue counts; empty or absent: every one. Hours are
   * not per division and stay; revenue not known (an invoice known only by reference) stays too.
   */
  divisions?: readonly number[];
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

const allows = (ids: readonly number[] | undefined, id: number | null | undefined) =>
  ids === undefined || ids.length === 0 || (id !== null && id !== undefined && ids.includes(id));

export function matchesFilter(
  item: { clientId: number | null; projectId: number | null; userId: number },
  filter: ReportFilter,
): boolean {
  return (
    allows(filter.clientIds, item.clientId) &&
    allows(filter.projectIds, item.projectId) &&
    allows(filter.userIds, item.userId)
  );
}

/** Whether revenue of this division counts under the filter (absent division: revenue not known). */
export function countsRevenue(filter: ReportFilter, division: number | null | undefined): boolean {
  return division === undefined || division === null || allows(filter.divisions, division);
}

class Node {
  readonly sum: FigureSum;
  /** Keyed by the child's id (-1 for none): numbers, so adding an item builds no string. */
  readonly children = new Map<number, Node>();
  constructor(readonly row: Omit<BreakdownRow, 'figures' | 'children'>) {
    this.sum = new FigureSum();
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

/** Where one entry or cell belongs in the tree, and how it adds itself to a sum. */
interface Placed {
  clientId: number | null;
  projectId: number | null;
  taskId: number | null;
  userId: number;
  month: string;
  add: (sum: FigureSum) => void;
}

/** The tree and the months from placed items: one job, whether the items are entries or cells. */
class ReportTree {
  private readonly totals = new FigureSum();
  private readonly clients = new Map<number, Node>();
  private readonly months: Map<string, FigureSum>;

  constructor(
    range: DateRange,
    private readonly leaf: LeafLevel,
  ) {
    this.months = new Map(monthsOf(range).map((month) => [month, new FigureSum()]));
  }

  place(item: Placed): void {
    const leaf = this.leaf;
    item.add(this.totals);
    const month = this.months.get(item.month);
    if (month !== undefined) item.add(month);
    let client = this.clients.get(item.clientId ?? -1);
    if (client === undefined) {
      const key = idPart('c', item.clientId);
      client = new Node({ key, level: 'client', clientId: item.clientId, projectId: null, leafId: null });
      this.clients.set(item.clientId ?? -1, client);
    }
    let project = client.children.get(item.projectId ?? -1);
    if (project === undefined) {
      const key = `${client.row.key}/${idPart('p', item.projectId)}`;
      project = new Node({
        key,
        level: 'project',
        clientId: item.clientId,
        projectId: item.projectId,
        leafId: null,
      });
      client.children.set(item.projectId ?? -1, project);
    }
    const leafId = leaf === 'task' ? item.taskId : item.userId;
    let leafNode = project.children.get(leafId ?? -1);
    if (leafNode === undefined) {
      const key = `${project.row.key}/${idPart(leaf === 'task' ? 't' : 'u', leafId)}`;
      leafNode = new Node({ key, level: leaf, clientId: item.clientId, projectId: item.projectId, leafId });
      project.children.set(leafId ?? -1, leafNode);
    }
    item.add(client.sum);
    item.add(project.sum);
    item.add(leafNode.sum);
  }

  report(): Report {
    return {
      totals: this.totals.figures,
      rows: [...this.clients.values()].map((node) => node.toRow()),
      months: [...this.months].map(([month, sum]) => ({ month, figures: sum.figures })),
    };
  }
}

export interface ReportOptions extends FigureOptions {
  filter?: ReportFilter;
  leaf?: LeafLevel;
}

/** Totals, the three-level breakdown and one set of figures per month the range touches. */
export function buildReport(
  entries: Iterable<ReportEntry>,
  range: DateRange,
  options: ReportOptions,
): Report {
  const filter = options.filter ?? {};
  const tree = new ReportTree(range, options.leaf ?? 'task');
  const preparer = new EntryPreparer(options);
  for (const entry of entries) {
    if (entry.date < range.from || entry.date > range.to || !matchesFilter(entry, filter)) continue;
    const prep = preparer.prepare(entry);
    const revenue = countsRevenue(filter, entry.billing?.division);
    tree.place({
      clientId: entry.clientId,
      projectId: entry.projectId,
      taskId: entry.taskId,
      userId: entry.userId,
      month: monthOf(entry.date),
      add: (sum) => sum.addPrepared(entry, prep, revenue),
    });
  }
  return tree.report();
}

/**
 * The same report from the worker's cells (core/report/cells.ts): a few thousand sums instead of
 * 50,000 entries. The cells were made for one period with today's ages and rates, so `range` is
 * theirs; filters combine whole cells, as each cell holds one client, project, task, person,
 * month and division.
 */
export function buildReportFromCells(
  cells: ReportCells,
  options: { filter?: ReportFilter; leaf?: LeafLevel } = {},
): Report {
  const filter = options.filter ?? {};
  const tree = new ReportTree(cells, options.leaf ?? 'task');
  for (let i = 0; i < cells.userId.length; i++) {
    const clientId = cells.clientId[i] ?? null;
    const projectId = cells.projectId[i] ?? null;
    const userId = cells.userId[i] ?? 0;
    if (!matchesFilter({ clientId, projectId, userId }, filter)) continue;
    const revenue = countsRevenue(filter, cells.division[i]);
    const invoices = cells.unknownInvoices[i] ?? null;
    const at = i * CELL_WIDTH;
    tree.place({
      clientId,
      projectId,
      taskId: cells.taskId[i] ?? null,
      userId,
      month: cells.months[cells.month[i] ?? -1] ?? '',
      add: (sum) => sum.addCell(cells.values, at, invoices, revenue),
    });
  }
  return tree.report();
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
