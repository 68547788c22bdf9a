/**
 * The only way the REST client reaches the network. Writing through the session is in no
 * source (docs/exact-online.md, REST API with the session), so this refuses anything but a GET
 * of a same-origin `/api/v1/` address before a request leaves, whatever its caller asks.
 */

export class RestWriteRefused extends Error {
  override name = 'RestWriteRefused';
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Wraps `fetch` so that only GETs of `origin`'s `/api/v1/…` with the session go out. */
export function readOnlyFetch(fetchImpl: FetchLike, origin: string) {
  return (url: string, init: RequestInit = {}): Promise<Response> => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET')
      throw new RestWriteRefused(`Exact's REST API is read-only for Urenbrug (${method})`);
    if (init.body !== undefined && init.body !== null) throw new RestWriteRefused('a GET carries no body');
    const target = new URL(url, origin);
    if (target.origin !== origin || !target.pathname.startsWith('/api/v1/')) {
      throw new RestWriteRefused(`not Exact's REST API on this origin: ${target.origin}${target.pathname}`);
    }
    return fetchImpl(target.href, {
      method: 'GET',
      credentials: 'include',
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      signal: init.signal ?? null,
    });
  };
}
