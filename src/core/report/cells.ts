/**
 * The Overzicht's figures summed per cell (one client, project, task, person, month and revenue
 * division), for the trip from the worker to the page: a year of a 40-person firm is about
 * 48,000 entries but a few thousand cells, and a cell's sums are all the page needs to build the
 * breakdown at any leaf level and under any filter of clients, projects, people or divisions.
 * The cell's figures are the entries' exact integer sums, so every figure is the same as from
 * the entries themselves (property-tested against buildReport in cells.test.ts).
 */
import type { DateRange } from '../period';
import {
  CELL_WIDTH,
  cellValues,
  EntryPreparer,
  type FigureOptions,
  FigureSum,
  type Figures,
} from './figures';
import type { ReportEntry } from './report-entry';
import { monthOf, monthsOf } from './report-period';

export interface ReportCells extends DateRange {
  /** Every month the period touches, in order; `month` indexes into it. */
  months: string[];
  clientId: (number | null)[];
  projectId: (number | null)[];
  taskId: (number | null)[];
  userId: number[];
  month: number[];
  /** The division of the cell's known revenue; null: the cell has none. */
  division: (number | null)[];
  /** CELL_WIDTH figures per cell, in the order of core/report/figures.ts `cellValues`. */
  values: number[];
  /** Per cell, the invoices whose revenue is unknown (each counts once however many cells hold it). */
  unknownInvoices: (string[] | null)[];
}

interface Cell {
  clientId: number | null;
  projectId: number | null;
  taskId: number | null;
  userId: number;
  month: number;
  division: number | null;
  sum: FigureSum;
}

/** Sums the period's entries into cells; entries outside the period are left out by Keeping's date. */
export function toCells(
  entries: Iterable<ReportEntry>,
  range: DateRange,
  options: FigureOptions,
): ReportCells {
  const months = monthsOf(range);
  const monthIndex = new Map(months.map((month, index) => [month, index]));
  const preparer = new EntryPreparer(options);
  const byKey = new Map<string, Cell>();
  for (const entry of entries) {
    if (entry.date < range.from || entry.date > range.to) continue;
    const month = monthIndex.get(monthOf(entry.date)) ?? -1;
    const division = entry.billing?.revenueCents != null ? (entry.billing.division ?? null) : null;
    const key = `${entry.clientId}|${entry.projectId}|${entry.taskId}|${entry.userId}|${month}|${division}`;
    let cell = byKey.get(key);
    if (cell === undefined) {
      cell = {
        clientId: entry.clientId,
        projectId: entry.projectId,
        taskId: entry.taskId,
        userId: entry.userId,
        month,
        division,
        sum: new FigureSum(),
      };
      byKey.set(key, cell);
    }
    cell.sum.addPrepared(entry, preparer.prepare(entry));
  }
  const cells: ReportCells = {
    from: range.from,
    to: range.to,
    months,
    clientId: [],
    projectId: [],
    taskId: [],
    userId: [],
    month: [],
    division: [],
    values: [],
    unknownInvoices: [],
  };
  for (const cell of byKey.values()) {
    cells.clientId.push(cell.clientId);
    cells.projectId.push(cell.projectId);
    cells.taskId.push(cell.taskId);
    cells.userId.push(cell.userId);
    cells.month.push(cell.month);
    cells.division.push(cell.division);
    const values = cellValues(cell.sum.figures);
    for (let i = 0; i < CELL_WIDTH; i++) cells.values.push(values[i] ?? 0);
    cells.unknownInvoices.push(cell.sum.unknownInvoices.size > 0 ? [...cell.sum.unknownInvoices] : null);
  }
  return cells;
}

/** The period's totals from its cells alone, without the breakdown (the popup's ratio line). */
export function cellTotals(cells: ReportCells): Figures {
  const sum = new FigureSum();
  for (let i = 0; i < cells.userId.length; i++) {
    sum.addCell(cells.values, i * CELL_WIDTH, cells.unknownInvoices[i] ?? null, true);
  }
  return sum.figures;
}

/** The divisions whose revenue the cells hold, ascending (the division filter's choices). */
export function cellDivisions(cells: ReportCells): number[] {
  const divisions = new Set<number>();
  for (const division of cells.division) if (division !== null) divisions.add(division);
  return [...divisions].sort((a, b) => a - b);
}
