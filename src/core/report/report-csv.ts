/**
 * The Overzicht's table as CSV (core/csv.ts: BOM, `;`, decimal comma): the period as dd-mm-jjjj,
 * then one row per breakdown row in the order on screen, the columns of the table plus the ids,
 * and the total last. The numbers are the same integers the screen shows, formatted once.
 */
import { csvHours, toCsv } from '../csv';
import { formatPrice } from '../money';
import type { DateRange } from '../period';
import type { BreakdownRow } from './breakdown';
import { billedPermille, type Figures } from './figures';

export interface ReportCsvText {
  period: string;
  headers: {
    level: string;
    clientId: string;
    projectId: string;
    leafId: string;
    name: string;
    worked: string;
    direct: string;
    indirect: string;
    billed: string;
    unbilled: string;
    billedShare: string;
    revenue: string;
    unbilledValue: string;
    noRate: string;
    unknownRevenue: string;
  };
  total: string;
  levels: Record<BreakdownRow['level'], string>;
}

/** 31-12-2026 of 2026-12-31. */
export function csvDay(ymd: string): string {
  return `${ymd.slice(8, 10)}-${ymd.slice(5, 7)}-${ymd.slice(0, 4)}`;
}

/** Tenths of a percent as "87,5". */
export function csvPermille(permille: number | null): string {
  if (permille === null) return '';
  return `${Math.floor(permille / 10)},${permille % 10}`;
}

function figureCells(f: Figures): string[] {
  return [
    csvHours(f.workedMinutes),
    csvHours(f.directMinutes),
    csvHours(f.indirectMinutes),
    csvHours(f.billedMinutes),
    csvHours(f.unbilledMinutes),
    csvPermille(billedPermille(f)),
    formatPrice(f.revenueCents, 'nl'),
    formatPrice(f.unbilledValueCents, 'nl'),
    csvHours(f.noRateMinutes),
    csvHours(f.unknownRevenueMinutes),
  ];
}

/** Visible rows (a folded parent's children left out by the caller) in screen order. */
export function reportCsv(
  range: DateRange,
  rows: readonly BreakdownRow[],
  totals: Figures,
  label: (row: BreakdownRow) => string,
  text: ReportCsvText,
): string {
  const h = text.headers;
  const lines: string[][] = [
    [text.period, csvDay(range.from), csvDay(range.to)],
    [
      h.level,
      h.clientId,
      h.projectId,
      h.leafId,
      h.name,
      h.worked,
      h.direct,
      h.indirect,
      h.billed,
      h.unbilled,
      h.billedShare,
      h.revenue,
      h.unbilledValue,
      h.noRate,
      h.unknownRevenue,
    ],
  ];
  const id = (value: number | null) => (value === null ? '' : String(value));
  const walk = (list: readonly BreakdownRow[]) => {
    for (const row of list) {
      lines.push([
        text.levels[row.level],
        id(row.clientId),
        id(row.projectId),
        id(row.leafId),
        label(row),
        ...figureCells(row.figures),
      ]);
      walk(row.children);
    }
  };
  walk(rows);
  lines.push([text.total, '', '', '', '', ...figureCells(totals)]);
  return toCsv(lines);
}
