/**
 * Decides, before anything is typed into Exact, what filling the invoice means for each grid
 * row: update the rows Urenbrug wrote (found again by their fingerprint), reuse those the plan
 * no longer needs, add new lines in empty rows, clear what is left over, and never touch a row
 * a person added. A row a person changed is reported and only overwritten when asked to.
 */
import type { Locale } from '../../core/locale';
import type { FilledLine } from '../../shared/invoice-types';
import type { GridRow, LineToWrite } from '../exact/types';
import { rowFingerprint, rowShows } from './fingerprint';

/** One line of the preview, ready to write, with what the stored record needs. */
export interface PlannedLine {
  lineKey: string;
  /** The line's number in the preview (1 = first), to name it in the summary. */
  position: number;
  write: LineToWrite;
  /** The quantity Exact should keep, in ten-thousandths of an hour (see core/hours.ts). */
  quantityTenThousandths: number;
  entryIds: number[];
  minutes: number;
  unitPriceCents: number;
  amountCents: number;
}

export type FillStep =
  /** Type the line into `rowId` (null: the first empty row). `replaces` is the row's record. */
  | {
      kind: 'write';
      line: PlannedLine;
      rowId: string | null;
      replaces: FilledLine | null;
      reason: 'update' | 'reuse' | 'new' | 'overwrite';
    }
  /** The row already shows exactly this line: nothing to type. */
  | { kind: 'keep'; line: PlannedLine; row: GridRow; replaces: FilledLine }
  /** A row Urenbrug wrote that the plan no longer needs. */
  | { kind: 'clear'; rowId: string; replaces: FilledLine }
  /** A row Urenbrug wrote and a person changed since: left as it is, its record kept. */
  | { kind: 'leave'; stored: FilledLine; row: GridRow };

export interface FillConflict {
  stored: FilledLine;
  row: GridRow;
  /** The plan still has a line for it (else it would be cleared). */
  inPlan: boolean;
}

export interface FillReconciliation {
  steps: FillStep[];
  /** Rows a person changed after Urenbrug wrote them. */
  conflicts: FillConflict[];
  /** Stored lines whose row is gone (deleted in Exact): they are written again if still planned. */
  vanished: FilledLine[];
}

/**
 * Plans the fill. Stored lines are matched to rows by fingerprint: first at their own row id,
 * then anywhere in the grid (Exact renumbers rows after a delete and a reload); a stored line
 * whose row id still exists but no longer matches is a conflict. With `overwriteChanged`,
 * conflicting rows are treated as Urenbrug's own. `locale` is the page's number format.
 */
export function reconcileFill(
  lines: readonly PlannedLine[],
  stored: readonly FilledLine[],
  rows: readonly GridRow[],
  overwriteChanged: boolean,
  locale: Locale,
): FillReconciliation {
  const rowsById = new Map(rows.map((row) => [row.rowId, row]));
  const hashes = new Map(rows.map((row) => [row.rowId, rowFingerprint(row)]));
  const claimed = new Set<string>();
  const owned: { stored: FilledLine; row: GridRow }[] = [];
  const conflicts: FillConflict[] = [];
  const vanished: FilledLine[] = [];
  const planned = new Set(lines.map((line) => line.lineKey));

  const unmatched: FilledLine[] = [];
  for (const record of stored) {
    const row = rowsById.get(record.rowId);
    if (row && !claimed.has(row.rowId) && hashes.get(row.rowId) === record.hash) {
      claimed.add(row.rowId);
      owned.push({ stored: record, row });
    } else unmatched.push(record);
  }
  const stillUnmatched: FilledLine[] = [];
  for (const record of unmatched) {
    const row = rows.find(
      (candidate) => !claimed.has(candidate.rowId) && hashes.get(candidate.rowId) === record.hash,
    );
    if (row) {
      claimed.add(row.rowId);
      owned.push({ stored: record, row });
    } else stillUnmatched.push(record);
  }
  for (const record of stillUnmatched) {
    const row = rowsById.get(record.rowId);
    if (row && !claimed.has(row.rowId)) {
      claimed.add(row.rowId);
      conflicts.push({ stored: record, row, inPlan: planned.has(record.lineKey) });
    } else vanished.push(record);
  }

  // A line key belongs to one row; a second record with the same key only frees its row.
  const ownedByKey = new Map<string, { stored: FilledLine; row: GridRow }>();
  const pool: { stored: FilledLine; row: GridRow }[] = [];
  for (const match of owned) {
    if (planned.has(match.stored.lineKey) && !ownedByKey.has(match.stored.lineKey)) {
      ownedByKey.set(match.stored.lineKey, match);
    } else pool.push(match);
  }
  const conflictByKey = new Map<string, FillConflict>();
  const leaves: FillStep[] = [];
  for (const conflict of conflicts) {
    if (overwriteChanged && conflict.inPlan && !conflictByKey.has(conflict.stored.lineKey)) {
      conflictByKey.set(conflict.stored.lineKey, conflict);
    } else if (overwriteChanged) pool.push({ stored: conflict.stored, row: conflict.row });
    else leaves.push({ kind: 'leave', stored: conflict.stored, row: conflict.row });
  }
  const leftAlone = new Set(leaves.flatMap((step) => (step.kind === 'leave' ? [step.stored.lineKey] : [])));
  // Pool rows are reused in grid order, so new lines keep the grid's reading order.
  const rowOrder = new Map(rows.map((row, index) => [row.rowId, index]));
  pool.sort((a, b) => (rowOrder.get(a.row.rowId) ?? 0) - (rowOrder.get(b.row.rowId) ?? 0));

  const steps: FillStep[] = [];
  for (const line of lines) {
    const mine = ownedByKey.get(line.lineKey);
    if (mine) {
      steps.push(
        rowShows(mine.row, line.write, locale)
          ? { kind: 'keep', line, row: mine.row, replaces: mine.stored }
          : { kind: 'write', line, rowId: mine.row.rowId, replaces: mine.stored, reason: 'update' },
      );
      continue;
    }
    const changed = conflictByKey.get(line.lineKey);
    if (changed) {
      steps.push({
        kind: 'write',
        line,
        rowId: changed.row.rowId,
        replaces: changed.stored,
        reason: 'overwrite',
      });
      continue;
    }
    // Writing it elsewhere while the person's version stays would bill these hours twice.
    if (leftAlone.has(line.lineKey)) continue;
    const reuse = pool.shift();
    steps.push(
      reuse
        ? { kind: 'write', line, rowId: reuse.row.rowId, replaces: reuse.stored, reason: 'reuse' }
        : { kind: 'write', line, rowId: null, replaces: null, reason: 'new' },
    );
  }
  steps.push(...leaves);
  for (const spare of pool) steps.push({ kind: 'clear', rowId: spare.row.rowId, replaces: spare.stored });
  return { steps, conflicts, vanished };
}

/** Steps that type into Exact (for progress): writes and clears. */
export function countWork(steps: readonly FillStep[]): number {
  return steps.filter((step) => step.kind === 'write' || step.kind === 'clear').length;
}
