/**
 * Keeping's page meta: default 25 per page, at most 100 (docs/keeping-api.md, Pagination), `last_page` null
 * when empty.
 */
import type { Query } from './query';

export interface PageMeta {
  total: number;
  per_page: number;
  current_page: number;
  last_page: number | null;
}

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 100;

export function paginate<T>(items: readonly T[], query: Query): { items: T[]; meta: PageMeta } {
  const page = query.int('page') ?? 1;
  const perPage = Math.min(query.int('per_page') ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const start = (page - 1) * perPage;
  return {
    items: items.slice(start, start + perPage),
    meta: {
      total: items.length,
      per_page: perPage,
      current_page: page,
      last_page: items.length === 0 ? null : Math.ceil(items.length / perPage),
    },
  };
}
