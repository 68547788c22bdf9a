/**
 * The client's entries for the period: the cache at once (with its age), then Keeping's fresh
 * answer behind it — unless the cache is inside the background's freshness window, when the
 * refresh asks Keeping nothing. While a first read of a range runs, the pages that have arrived
 * are shown and the view stays `partial` (nothing may be filled or linked from it). A range
 * longer than a few months is estimated first (Keeping's grouped totals, two calls) and, when
 * reading its entries takes a minute or more, waits for the bookkeeper's go. A superseded read
 * is cancelled in the background, not left to spend Keeping's budget.
 */
import { computed, signal } from '@preact/signals';
import { differenceInCalendarDays } from '../../../core/calendar';
import { parseYmd } from '../../../core/period';
import { isOffline, toUrenbrugError, type UrenbrugError } from '../../../shared/errors';
import { type EntriesView, type RangeEstimate, type RangeProgress, send } from '../../../shared/messages';

export interface EntriesRequest {
  from: string;
  to: string;
  keepingClientId: number;
}

export interface EntriesModelOptions {
  /** How often a running read is asked how far it is. */
  pollMs?: number;
}

/** "Longer than a few months": from here on the range is estimated before its entries are read. */
export const LONG_RANGE_DAYS = 92;
/** A read this long or longer waits for the bookkeeper's go. */
export const ASK_BEFORE_SECONDS = 60;

export type EntriesModel = ReturnType<typeof createEntriesModel>;

function newReaderId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `r-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

function rangeDays(request: EntriesRequest): number {
  const from = parseYmd(request.from);
  const to = parseYmd(request.to);
  return from && to ? differenceInCalendarDays(to, from) + 1 : 0;
}

export function createEntriesModel(options: EntriesModelOptions = {}) {
  const pollMs = options.pollMs ?? 500;
  const readerId = newReaderId();
  const view = signal<EntriesView | null>(null);
  const loading = signal(false);
  const refreshing = signal(false);
  const error = signal<UrenbrugError | null>(null);
  const progress = signal<RangeProgress | null>(null);
  const estimate = signal<RangeEstimate | null>(null);
  /** A long read that waits for `start()`. */
  const awaitingStart = signal(false);
  const offline = computed(() => isOffline(error.value));
  /** Not the whole period (never read in full, or still arriving): no fill, no link. */
  const partial = computed(() => {
    const current = view.value;
    return current !== null && current.fetchedAt === null;
  });
  let generation = 0;
  let last: EntriesRequest | null = null;
  let reading = false;

  function cancelRunning(): void {
    if (!reading) return;
    reading = false;
    send('entries.cancel', { readerId }).catch(() => undefined);
  }

  async function load(request: EntriesRequest): Promise<void> {
    cancelRunning();
    generation += 1;
    const mine = generation;
    last = request;
    view.value = null;
    error.value = null;
    progress.value = null;
    estimate.value = null;
    awaitingStart.value = false;
    loading.value = true;
    refreshing.value = true;
    let cached: EntriesView | null = null;
    try {
      cached = await send('entries.range', { ...request, fresh: false, readerId });
      if (mine === generation) view.value = cached;
    } catch (caught) {
      if (mine === generation) error.value = toUrenbrugError(caught);
    }
    if (mine !== generation) return;
    loading.value = false;
    if (cached?.fresh) {
      refreshing.value = false;
      return;
    }
    if (rangeDays(request) > LONG_RANGE_DAYS) {
      try {
        const estimated = await send('entries.estimate', request);
        if (mine !== generation) return;
        estimate.value = estimated;
        if (estimated.seconds >= ASK_BEFORE_SECONDS) {
          awaitingStart.value = true;
          refreshing.value = false;
          return;
        }
      } catch (caught) {
        if (mine !== generation) return;
        // Without an estimate the read still runs; the bookkeeper sees its progress.
        error.value = toUrenbrugError(caught);
      }
    }
    await refresh(mine, false);
  }

  /** Shows what a running read has received, growing in steps so a long read is not re-sent whole. */
  function watchProgress(mine: number): () => void {
    let shownEntries = 0;
    let asking = false;
    const timer = setInterval(() => {
      if (asking || mine !== generation || last === null) return;
      asking = true;
      const request = last;
      void (async () => {
        try {
          const next = await send('entries.progress', { readerId });
          if (mine !== generation || !next) return;
          progress.value = next;
          // The first page at once, then in growing steps: a year is not sent to the tab 500 times.
          const step = shownEntries === 0 ? 1 : Math.max(500, shownEntries / 4);
          if (view.value?.fetchedAt === null && next.entries - shownEntries >= step) {
            const partialView = await send('entries.range', { ...request, fresh: false, readerId });
            if (mine !== generation || !reading) return;
            shownEntries = next.entries;
            view.value = partialView;
          }
        } catch {
          // A missed progress report changes nothing; the read itself reports its outcome.
        } finally {
          asking = false;
        }
      })();
    }, pollMs);
    return () => clearInterval(timer);
  }

  async function refresh(mine: number, force: boolean): Promise<void> {
    if (last === null) return;
    awaitingStart.value = false;
    refreshing.value = true;
    reading = true;
    const stop = watchProgress(mine);
    try {
      const fresh = await send('entries.range', { ...last, fresh: true, force, readerId });
      if (mine !== generation) return;
      view.value = fresh;
      error.value = null;
    } catch (caught) {
      if (mine === generation) error.value = toUrenbrugError(caught);
    } finally {
      stop();
      if (mine === generation) {
        reading = false;
        progress.value = null;
        refreshing.value = false;
        loading.value = false;
      }
    }
  }

  function reset(): void {
    cancelRunning();
    generation += 1;
    last = null;
    view.value = null;
    error.value = null;
    progress.value = null;
    estimate.value = null;
    awaitingStart.value = false;
    loading.value = false;
    refreshing.value = false;
  }

  return {
    view,
    loading,
    refreshing,
    error,
    offline,
    partial,
    progress,
    estimate,
    awaitingStart,
    load,
    /** The bookkeeper's refresh: always asks Keeping, also inside the freshness window. */
    refresh: () => refresh(generation, true),
    /** The go for a long read that was waiting. */
    start: () => refresh(generation, false),
    /** The panel went away: its read stops spending Keeping's budget. */
    dispose: cancelRunning,
    reset,
  };
}
