/** A query value: arrays are sent PHP-style (`k[]=1&k[]=2`), undefined values are left out. */
export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/**
 * Encodes a query the way Keeping documents it (docs/keeping-api.md, Query parameters); '' when nothing is
 * set.
 */
export function encodeQuery(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(`${key}[]`, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  const encoded = params.toString();
  return encoded === '' ? '' : `?${encoded}`;
}
