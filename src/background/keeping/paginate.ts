/**
 * Walks Keeping's `page`/`last_page` pagination (docs/keeping-api.md, Pagination). After page 1 tells how
 * many pages there are, up to `concurrency` pages are asked at once; the shared limiter still decides when
 * each one really starts, and a small concurrency leaves room in its queue for other calls.
 */
import { UrenbrugError } from '../../shared/errors';
import type { KeepingPaginationMeta } from './schemas';

/** Keeping's documented maximum page size (the smaller of the two the spec states). */
export const PAGE_SIZE = 100;
/** A million records at 100 a page; a larger last_page is a broken answer, not a walk to start. */
const MAX_PAGES = 10_000;

export interface Page<T> {
  items: T[];
  meta: KeepingPaginationMeta;
}

export interface PaginateOptions<T = unknown> {
  concurrency?: number;
  /** After each page: pages fetched so far, the page count Keeping reports, and that page's items. */
  onPage?: (done: number, total: number, items: readonly T[]) => void;
  /** Aborted: no further page is asked for and the walk rejects with a `cancelled` error. */
  signal?: AbortSignal;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UrenbrugError('cancelled', 'The read was superseded or cancelled');
}

/** Fetches every page and returns the items in page order, each id once. */
export async function fetchAllPages<T extends { id: number }>(
  fetchPage: (page: number) => Promise<Page<T>>,
  options: PaginateOptions<T> = {},
): Promise<T[]> {
  const concurrency = Math.max(1, options.concurrency ?? 3);
  const { signal } = options;
  throwIfCancelled(signal);
  const first = await fetchPage(1);
  throwIfCancelled(signal);
  // last_page is null when there is nothing at all.
  let lastPage = checkedLastPage(first.meta.last_page ?? 1);
  const pages = new Map<number, T[]>([[1, first.items]]);
  options.onPage?.(1, lastPage, first.items);

  let nextPage = 2;
  let failed = false;
  async function worker(): Promise<void> {
    while (!failed && nextPage <= lastPage) {
      const page = nextPage++;
      try {
        // Checked before each page: a superseded read stops spending Keeping's budget at once.
        throwIfCancelled(signal);
        const result = await fetchPage(page);
        throwIfCancelled(signal);
        pages.set(page, result.items);
        // Records added while walking can add a page; removed ones only leave later pages short.
        const reported = result.meta.last_page;
        if (reported !== null && reported > lastPage) lastPage = checkedLastPage(reported);
      } catch (error) {
        failed = true; // the caller gets this error; stop asking for pages nobody will use
        throw error;
      }
      options.onPage?.(pages.size, Math.max(lastPage, pages.size), pages.get(page) ?? []);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));

  // A record that moved across a page boundary during the walk can appear twice.
  const seen = new Set<number>();
  const items: T[] = [];
  for (const [, pageItems] of [...pages.entries()].sort(([a], [b]) => a - b)) {
    for (const item of pageItems) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

function checkedLastPage(lastPage: number): number {
  if (!Number.isInteger(lastPage) || lastPage < 1 || lastPage > MAX_PAGES) {
    throw new UrenbrugError(
      'unexpected_response',
      'Keeping sent an unexpected page count',
      `last_page ${lastPage}`,
    );
  }
  return lastPage;
}
