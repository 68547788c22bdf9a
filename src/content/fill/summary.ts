/**
 * What a fill achieved, checked against Exact's own arithmetic: the lines placed, their hours
 * and amount, and whether the page's total equals what the preview predicts for the whole grid
 * (Urenbrug's lines at the preview's amounts plus any other lines at the page's amounts).
 */
import type { FilledLine } from '../../shared/invoice-types';
import type { GridRow, PageTotals } from '../exact/types';
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
  /** null when the page's totals could not be read. */
  pageTotalCents: number | null;
  expectedTotalCents: number;
  matches: boolean | null;
  /** Line keys whose amount in Exact differs from the preview. */
  amountDiffers: string[];
  readBackDiffers: string[];
}

/** Summarises `outcome` given the grid and the page's totals read after the run. */
export function summariseFill(
  outcome: FillOutcome,
  rowsAfter: readonly GridRow[] | null,
  totals: PageTotals | null,
): FillSummary {
  const placed: readonly FilledLine[] = outcome.placed;
  const byRow = new Map(placed.map((line) => [line.rowId, line]));
  let expected = placed.reduce((total, line) => total + line.amountCents, 0);
  let otherRows = 0;
  const amountDiffers: string[] = [];
  if (rowsAfter) {
    expected = 0;
    for (const row of rowsAfter) {
      const ours = byRow.get(row.rowId);
      if (ours) {
        expected += ours.amountCents;
        if (row.amountCents !== ours.amountCents) amountDiffers.push(ours.lineKey);
      } else {
        otherRows += 1;
        expected += row.amountCents ?? 0;
      }
    }
  }
  const pageTotalCents = totals?.amountExclVatCents ?? null;
  return {
    status: outcome.status,
    lineCount: placed.length,
    minutes: placed.reduce((total, line) => total + line.minutes, 0),
    amountCents: placed.reduce((total, line) => total + line.amountCents, 0),
    written: outcome.written,
    kept: outcome.kept,
    cleared: outcome.cleared,
    left: outcome.left,
    otherRows,
    pageTotalCents,
    expectedTotalCents: expected,
    matches: pageTotalCents === null ? null : pageTotalCents === expected && amountDiffers.length === 0,
    amountDiffers,
    readBackDiffers: outcome.readBackDiffers,
  };
}
