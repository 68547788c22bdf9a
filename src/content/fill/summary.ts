/**
 * What a fill achieved, checked against Exact's own arithmetic: the lines placed, their hours
 * and amount, and whether Exact agrees to the cent. Where the page shows its total, that total
 * must equal what the preview predicts for the whole grid (Urenbrug's lines at the preview's
 * amounts plus any other lines at the page's amounts); without it, the line amounts Exact shows
 * for Urenbrug's rows must add up to the preview's.
 */
import type { FilledLine } from '../../shared/invoice-types';
import type { GridRow, PageTotals } from '../exact/types';
import type { ReadBackDifference } from './readback';
import type { FillOutcome, FillStatus } from './run';

export interface FillSummary {
  status: FillStatus;
  lineCount: number;
  minutes: number;
  amountCents: number;
  written: number;
  kept: number;
  cleared: number;
  /** Rows a person changed that were left alone. */
  left: number;
  /** Rows Urenbrug did not write (a person's lines) counted in the page total. */
  otherRows: number;
  /** What Exact's figure was checked against: its total, its line amounts, or nothing readable. */
  checkedAgainst: 'total' | 'lines' | null;
  /** Exact's figure: the page total, or the sum of the line amounts it shows for Urenbrug's rows. */
  pageTotalCents: number | null;
  expectedTotalCents: number;
  matches: boolean | null;
  /** Line keys whose amount in Exact differs from the preview. */
  amountDiffers: string[];
  /** Quantities, prices and amounts Exact kept differently, per line. */
  readBack: ReadBackDifference[];
}

/** Summarises `outcome` given the grid and the page's totals read after the run. */
export function summariseFill(
  outcome: FillOutcome,
  rowsAfter: readonly GridRow[] | null,
  totals: PageTotals | null,
): FillSummary {
  const placed: readonly FilledLine[] = outcome.placed;
  const byRow = new Map(placed.map((line) => [line.rowId, line]));
  const previewTotal = placed.reduce((total, line) => total + line.amountCents, 0);
  let gridExpected = previewTotal;
  let otherRows = 0;
  /** The amounts Exact shows on Urenbrug's rows; null once one of them shows none. */
  let oursShown: number | null = rowsAfter ? 0 : null;
  let oursFound = 0;
  const amountDiffers: string[] = [];
  if (rowsAfter) {
    gridExpected = 0;
    for (const row of rowsAfter) {
      const ours = byRow.get(row.rowId);
      if (ours) {
        oursFound += 1;
        gridExpected += ours.amountCents;
        // A row without an amount field has nothing to disagree with; the total still checks it.
        if (row.amountCents !== null && row.amountCents !== ours.amountCents)
          amountDiffers.push(ours.lineKey);
        oursShown = oursShown === null || row.amountCents === null ? null : oursShown + row.amountCents;
      } else {
        otherRows += 1;
        gridExpected += row.amountCents ?? 0;
      }
    }
  }
  // Every placed line must be on the grid for its amounts to stand for the fill.
  const linesReadable = oursShown !== null && oursFound === placed.length && placed.length > 0;
  const checkedAgainst = totals ? 'total' : linesReadable ? 'lines' : null;
  const pageTotalCents = totals ? totals.amountExclVatCents : linesReadable ? oursShown : null;
  const expectedTotalCents = checkedAgainst === 'lines' ? previewTotal : gridExpected;
  return {
    status: outcome.status,
    lineCount: placed.length,
    minutes: placed.reduce((total, line) => total + line.minutes, 0),
    amountCents: previewTotal,
    written: outcome.written,
    kept: outcome.kept,
    cleared: outcome.cleared,
    left: outcome.left,
    otherRows,
    checkedAgainst,
    pageTotalCents,
    expectedTotalCents,
    matches:
      pageTotalCents === null ? null : pageTotalCents === expectedTotalCents && amountDiffers.length === 0,
    amountDiffers,
    readBack: outcome.readBack,
  };
}
