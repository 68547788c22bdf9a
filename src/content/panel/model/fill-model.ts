/**
 * "Regels invullen": plan against the grid, ask about rows a person changed, type the lines
 * with progress and cancel, store what was written, and check the result against the page's
 * totals. Every failure ends up in a signal; nothing is thrown at the view.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { Locale } from '../../../core/locale';
import type { KeptQuantity } from '../../../core/quantity-precision';
import { toUrenbrugError, type UrenbrugError } from '../../../shared/errors';
import type { FilledLine, InvoiceRecord, InvoiceRef } from '../../../shared/invoice-types';
import { send } from '../../../shared/messages';
import { type FillConflict, type PlannedLine, reconcileFill } from '../../fill/plan';
import { type FillProgress, runFill } from '../../fill/run';
import { type FillSummary, summariseFill } from '../../fill/summary';
import { isScreenChanged, type PageGuard } from './page-guard';

export type FillPhase = 'idle' | 'confirm' | 'filling' | 'finished';

export type FillModel = ReturnType<typeof createFillModel>;

interface Deps {
  guard: PageGuard;
  lines: ReadonlySignal<PlannedLine[]>;
  storedLines: () => readonly FilledLine[];
  ref: () => InvoiceRef | null;
  /** The record's revision as the panel read it; the fill is recorded against it. */
  revision: () => number;
  /** The Keeping client whose hours are on the lines. */
  keepingClientId: () => number | null;
  /** The stored record after a fill, or null with the lines kept locally when storing failed. */
  onRecorded: (record: InvoiceRecord | null, lines: FilledLine[]) => void;
  /** Another tab changed the invoice since it was read: reload the record. */
  onStale: () => Promise<void>;
  /** Runs before anything is typed; false stops the fill (the hook says why in the panel). */
  beforeFill?: (lines: readonly PlannedLine[]) => Promise<boolean>;
  now: () => number;
  /** How the page writes numbers, to read back what Exact kept. */
  numberLocale: () => Locale;
  /** Learns the administration's quantity precision from what Exact kept. */
  onKeptQuantities?: (kept: readonly KeptQuantity[]) => Promise<void>;
  /** True while only part of the period's entries is here: a partial period is never filled. */
  partial?: () => boolean;
}

export interface FillFailure {
  /** The description of the line Exact refused, when it was a line. */
  line: string | null;
  message: string;
}

export function createFillModel(deps: Deps) {
  const phase = signal<FillPhase>('idle');
  const progress = signal<FillProgress>({ done: 0, total: 0 });
  const conflicts = signal<FillConflict[]>([]);
  const summary = signal<FillSummary | null>(null);
  const failure = signal<FillFailure | null>(null);
  const storeError = signal<UrenbrugError | null>(null);
  let controller: AbortController | null = null;
  let checking = false;

  /**
   * Fills the grid. Without `overwriteChanged`, rows a person changed stop the fill and are
   * listed for the bookkeeper to decide; `true` overwrites them, `false` leaves them alone.
   */
  async function start(overwriteChanged?: boolean): Promise<void> {
    if (phase.value === 'filling' || checking || deps.partial?.()) return;
    try {
      if (deps.beforeFill) {
        checking = true;
        const go = await deps.beforeFill(deps.lines.value).finally(() => {
          checking = false;
        });
        if (!go) return;
      }
      await fillOnce(overwriteChanged);
    } catch (error) {
      // A page read failing in an unexpected way: report it like a refused line, never rethrow.
      failure.value = { line: null, message: error instanceof Error ? error.message : String(error) };
      phase.value = 'idle';
    }
  }

  async function fillOnce(overwriteChanged: boolean | undefined): Promise<void> {
    const page = deps.guard.usable();
    if (!page) return;
    failure.value = null;
    storeError.value = null;
    const rows = deps.guard.read((usable) => usable.readRows());
    if (rows === null) return;
    const plan = reconcileFill(
      deps.lines.value,
      deps.storedLines(),
      rows,
      overwriteChanged === true,
      deps.numberLocale(),
    );
    if (overwriteChanged === undefined && plan.conflicts.length > 0) {
      conflicts.value = plan.conflicts;
      phase.value = 'confirm';
      return;
    }
    conflicts.value = [];
    summary.value = null;
    phase.value = 'filling';
    controller = new AbortController();
    const outcome = await runFill(
      page,
      plan.steps,
      controller.signal,
      (next) => {
        progress.value = next;
      },
      deps.numberLocale(),
      deps.now,
    );
    controller = null;

    if (outcome.error !== null) {
      if (isScreenChanged(outcome.error)) deps.guard.degrade(outcome.error);
      else {
        failure.value = {
          line: outcome.failedLine?.write.description ?? null,
          message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error),
        };
      }
    }
    await store(outcome.records);
    const rowsAfter = deps.guard.read((usable) => usable.readRows());
    const totals = deps.guard.read((usable) => usable.readTotals());
    summary.value = summariseFill(outcome, rowsAfter, totals);
    phase.value = 'finished';
    await deps.onKeptQuantities?.(outcome.keptQuantities);
  }

  async function store(records: FilledLine[]): Promise<void> {
    const ref = deps.ref();
    if (!ref) {
      deps.onRecorded(null, records);
      return;
    }
    try {
      const recorded = await send('invoice.recordFill', {
        ref,
        lines: records,
        revision: deps.revision(),
        keepingClientId: deps.keepingClientId(),
      });
      deps.onRecorded(recorded, records);
    } catch (caught) {
      // The lines are in Exact: keep their records in memory so filling again in this session
      // still updates instead of duplicating, and say that they could not be stored.
      const error = toUrenbrugError(caught);
      deps.onRecorded(null, records);
      if (error.code === 'conflict') {
        // Another tab recorded a fill or link first: nothing of it was overwritten. Reload
        // what it recorded so the entries and the next fill reconcile against it.
        await deps.onStale();
      } else storeError.value = error;
    }
  }

  function cancel(): void {
    controller?.abort();
  }

  function dismiss(): void {
    if (phase.value === 'confirm') conflicts.value = [];
    if (phase.value !== 'filling') phase.value = 'idle';
  }

  return { phase, progress, conflicts, summary, failure, storeError, start, cancel, dismiss };
}
