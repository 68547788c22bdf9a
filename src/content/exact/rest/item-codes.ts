/**
 * Before filling: which of the preview's item codes Exact does not know (`logistics/Items` by
 * `Code`, docs/exact-online.md, Sales invoices in the REST API). One call per 20 distinct codes,
 * never one per line.
 */
import { itemSchema, orFilters, selectOf, stringLiteral } from './odata';
import type { ExactRestClient } from './rest-client';

export const CODES_PER_CALL = 20;

/** Codes compare trimmed and without regard to case, as Exact's lookups match them. */
const normal = (code: string): string => code.trim().toLowerCase();

/** The distinct codes (as first written) that no item in the division has, in their order. */
export async function unknownItemCodes(client: ExactRestClient, codes: readonly string[]): Promise<string[]> {
  const distinct = new Map<string, string>();
  for (const code of codes) {
    const key = normal(code);
    if (key !== '' && !distinct.has(key)) distinct.set(key, code.trim());
  }
  if (distinct.size === 0) return [];
  const known = new Set<string>();
  const literals = [...distinct.values()].map(stringLiteral);
  for (const filter of orFilters('Code', literals, CODES_PER_CALL)) {
    const items = await client.list(
      'logistics/Items',
      { $select: selectOf(itemSchema), $filter: filter },
      itemSchema,
    );
    for (const item of items) known.add(normal(item.Code));
  }
  return [...distinct].filter(([key]) => !known.has(key)).map(([, code]) => code);
}
