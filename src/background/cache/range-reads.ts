/**
 * The entry reads in flight, one per reader (a panel). A reader that asks for another client or
 * period supersedes its own earlier read: that one is aborted before its next page, so it stops
 * spending Keeping's 120 a minute (docs/keeping-api.md, Rate limit). While a read runs, the pages
 * that have arrived are kept here, so the panel can show them and how far the read is.
 *
 * Module state is only a cache (docs/architecture.md, The worker can stop at any moment): a worker
 * that stops takes its reads with it, and the panel's next ask starts a new one.
 */
import type { Entry } from '../../core/keeping-types';
import type { RangeProgress } from '../../shared/messages';

interface RangeRead {
  key: string;
  controller: AbortController;
  pages: number;
  totalPages: number;
  arrived: Entry[];
  promise: Promise<unknown>;
}

export interface ReadHooks {
  signal: AbortSignal;
  onPage: (done: number, total: number, entries: readonly Entry[]) => void;
}

const reads = new Map<string, RangeRead>();

/**
 * Runs `run` as `readerId`'s read of `key`. The same reader asking for the same key again joins
 * the read already running; asking for another key aborts the earlier one first.
 */
export function startRead<T>(
  readerId: string,
  key: string,
  run: (hooks: ReadHooks) => Promise<T>,
): Promise<T> {
  const current = reads.get(readerId);
  if (current?.key === key) return current.promise as Promise<T>;
  current?.controller.abort();
  const controller = new AbortController();
  const read: RangeRead = {
    key,
    controller,
    pages: 0,
    totalPages: 0,
    arrived: [],
    promise: Promise.resolve(),
  };
  const promise = run({
    signal: controller.signal,
    onPage(done, total, entries) {
      read.pages = done;
      read.totalPages = total;
      for (const entry of entries) read.arrived.push(entry);
    },
  }).finally(() => {
    if (reads.get(readerId) === read) reads.delete(readerId);
  });
  read.promise = promise;
  reads.set(readerId, read);
  return promise;
}

/** How far the reader's read of `key` is (any key when omitted); null when none runs. */
export function readProgress(readerId: string, key?: string): RangeProgress | null {
  const read = reads.get(readerId);
  if (!read || (key !== undefined && read.key !== key)) return null;
  return { pages: read.pages, totalPages: read.totalPages, entries: read.arrived.length };
}

/** The entries the reader's running read of `key` has received so far. */
export function arrivedEntries(readerId: string, key: string): readonly Entry[] | null {
  const read = reads.get(readerId);
  return read && read.key === key ? read.arrived : null;
}

/** Stops the reader's read (the panel went away); true when one was running. */
export function cancelRead(readerId: string): boolean {
  const read = reads.get(readerId);
  if (!read) return false;
  read.controller.abort();
  reads.delete(readerId);
  return true;
}

/** How many reads run (tests: a superseded one must be gone). */
export function runningReads(): number {
  return reads.size;
}
