/**
 * Carries out a reconciled fill against the page, one row at a time, and works out which
 * records to store afterwards. Stopping halfway (cancel, a refused value, a changed screen)
 * keeps the records of every row not yet touched, so no row Urenbrug wrote is ever forgotten.
 */

import type { Locale } from '../../core/locale';
import type { KeptQuantity } from '../../core/quantity-precision';
import type { FilledLine } from '../../shared/invoice-types';
import type { ExactInvoicePage, GridRow } from '../exact/types';
import { rowFingerprint } from './fingerprint';
import { countWork, type FillStep, type PlannedLine } from './plan';
import { type ReadBackDifference, readBackLine } from './readback';

export type FillStatus = 'done' | 'cancelled' | 'failed';

export interface FillOutcome {
  status: FillStatus;
  /** What Exact's grid now holds of Urenbrug's lines: the records to store. */
  records: FilledLine[];
  /** The records of lines this run wrote or found already right (a subset of `records`). */
  placed: FilledLine[];
  written: number;
  kept: number;
  cleared: number;
  /** Rows a person changed that were left alone. */
  left: number;
  /** Where Exact kept another quantity, price or amount than the preview, per line. */
  readBack: ReadBackDifference[];
  /** Every written quantity and what Exact kept of it, to detect the administration's precision. */
  keptQuantities: KeptQuantity[];
  error: unknown;
  failedLine: PlannedLine | null;
}

export interface FillProgress {
  done: number;
  total: number;
}

type RowWriter = Pick<ExactInvoicePage, 'writeLine' | 'clearLine'>;

function record(line: PlannedLine, row: GridRow, now: number): FilledLine {
  return {
    lineKey: line.lineKey,
    rowId: row.rowId,
    entryIds: line.entryIds,
    itemCode: line.write.itemCode,
    description: line.write.description,
    quantityText: line.write.quantityText,
    unitPriceCents: line.unitPriceCents,
    amountCents: line.amountCents,
    minutes: line.minutes,
    hash: rowFingerprint(row),
    writtenAt: now,
  };
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'AbortError');
}

/** Runs the steps in order; never throws (errors end up in the outcome). */
export async function runFill(
  page: RowWriter,
  steps: readonly FillStep[],
  signal: AbortSignal,
  onProgress: (progress: FillProgress) => void,
  locale: Locale,
  now: () => number = Date.now,
): Promise<FillOutcome> {
  const outcome: FillOutcome = {
    status: 'done',
    records: [],
    placed: [],
    written: 0,
    kept: 0,
    cleared: 0,
    left: 0,
    readBack: [],
    keptQuantities: [],
    error: null,
    failedLine: null,
  };
  const total = countWork(steps);
  let done = 0;
  onProgress({ done, total });

  for (const step of steps) {
    if (step.kind === 'leave') {
      outcome.records.push(step.stored);
      outcome.left += 1;
      continue;
    }
    if (step.kind === 'keep') {
      const kept = record(step.line, step.row, now());
      outcome.records.push(kept);
      outcome.placed.push(kept);
      outcome.kept += 1;
      continue;
    }
    if (outcome.status !== 'done' || signal.aborted) {
      if (outcome.status === 'done') outcome.status = 'cancelled';
      // Not touched: the row still holds what its record says.
      if (step.replaces) outcome.records.push(step.replaces);
      continue;
    }
    try {
      if (step.kind === 'clear') {
        await page.clearLine(step.rowId, signal);
        outcome.cleared += 1;
      } else {
        const row = await page.writeLine(step.rowId, step.line.write, signal);
        const written = record(step.line, row, now());
        outcome.records.push(written);
        outcome.placed.push(written);
        outcome.written += 1;
        const kept = readBackLine(row, step.line, locale);
        outcome.readBack.push(...kept.differences);
        outcome.keptQuantities.push(kept.quantity);
      }
      done += 1;
      onProgress({ done, total });
    } catch (error) {
      outcome.status = isAbort(error, signal) ? 'cancelled' : 'failed';
      outcome.error = isAbort(error, signal) ? null : error;
      outcome.failedLine = step.kind === 'write' && outcome.status === 'failed' ? step.line : null;
      if (step.replaces) outcome.records.push(step.replaces);
    }
  }
  return outcome;
}
