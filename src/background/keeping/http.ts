/**
 * One HTTP exchange with Keeping, made safe: every call goes through the shared limiter, has a
 * timeout, is decoded only when it says it is JSON, and is validated before anyone sees it.
 * GETs are retried (429 after Keeping's wait, network errors and 5xx with backoff); writes never
 * are, because a repeated POST/PATCH can double hours on an `hours` timesheet (docs/keeping-api.md,
 * Time-entry rules).
 */
import type * as v from 'valibot';
import { version } from '../../../package.json';
import { UrenbrugError } from '../../shared/errors';
import type { Limiter } from './limiter';
import { realSleep } from './limiter';
import { encodeQuery, type Query } from './query';
import { statusError } from './status-error';
import { validateResponse } from './validate';

export interface KeepingHttpOptions {
  token: string;
  /** Default https://api.keeping.nl/v1 */
  baseUrl?: string;
  language: 'nl' | 'en';
  limiter: Limiter;
  fetch?: typeof fetch;
  /** Per attempt, from the moment the limiter lets it start. Default 15 000. */
  timeoutMs?: number;
  /** Extra attempts for a GET, counted separately for 429s and for network/5xx. Default 3. */
  maxRetries?: number;
  /** First backoff after a network error or 5xx; doubles each time. Default 500. */
  retryBaseMs?: number;
  /** A 429 asking for a longer wait than this fails at once (the pause still holds). Default 90 000. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  userAgent?: string;
}

export type WriteMethod = 'POST' | 'PATCH' | 'DELETE';

export interface KeepingHttp {
  get<S extends v.GenericSchema>(path: string, query: Query, schema: S): Promise<v.InferOutput<S>>;
  write<S extends v.GenericSchema>(
    method: WriteMethod,
    path: string,
    body: unknown,
    schema: S,
  ): Promise<v.InferOutput<S>>;
  serverOffsetMs(): number | null;
}

export const DEFAULT_BASE_URL = 'https://api.keeping.nl/v1';
export const DEFAULT_USER_AGENT = `Urenbrug/${version} (+https://github.com/urenbrug)`;
/** Keeping's documented Retry-After, used when a 429 carries no usable header. */
const FALLBACK_RATE_LIMIT_WAIT_MS = 60_000;
/**
 * After a 401 the token is not tried again for this long, restarts of the worker included: a
 * revoked or expired token stays refused, and asking again on every wake would only spend the
 * account's budget. A new token is another key and is tried at once.
 */
export const AUTH_PAUSE_MS = 5 * 60_000;

/**
 * A short, stable key for a token, so the limiter's memory (storage.session) holds no token.
 * Not a secret and not security-relevant: it only tells tokens apart (cyrb53).
 */
export function tokenKey(token: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What one attempt came to, when it is not simply a value or a final error. */
type Attempt<T> =
  | { kind: 'done'; value: T }
  | { kind: 'rate_limited'; resumeAt: number; error: UrenbrugError }
  | { kind: 'transient'; error: UrenbrugError };

export function createKeepingHttp(options: KeepingHttpOptions): KeepingHttp {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 90_000;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const { limiter } = options;
  const key = tokenKey(options.token);
  let serverOffset: number | null = null;

  const baseHeaders: Record<string, string> = {
    Authorization: `Bearer ${options.token}`,
    Accept: 'application/json',
    'Accept-Language': options.language,
    'User-Agent': options.userAgent ?? DEFAULT_USER_AGENT,
  };

  function noteServerTime(headers: Headers): void {
    const serverMs = Number(headers.get('X-Server-Time-Ms'));
    if (headers.has('X-Server-Time-Ms') && Number.isFinite(serverMs)) serverOffset = serverMs - now();
  }

  /** Local epoch ms at which Keeping will take requests again after a 429. */
  function rateLimitResumeAt(headers: Headers): number {
    const retryAfter = headers.get('Retry-After')?.trim();
    if (retryAfter && /^\d+$/.test(retryAfter)) return now() + Number(retryAfter) * 1000;
    // Both an HTTP date and X-RateLimit-Reset are on the server's clock.
    const skew = serverOffset ?? 0;
    const retryDate = retryAfter ? Date.parse(retryAfter) : Number.NaN;
    if (Number.isFinite(retryDate)) return retryDate - skew;
    const reset = Number(headers.get('X-RateLimit-Reset'));
    if (headers.has('X-RateLimit-Reset') && Number.isFinite(reset) && reset > 0) return reset * 1000 - skew;
    return now() + FALLBACK_RATE_LIMIT_WAIT_MS;
  }

  async function attempt<S extends v.GenericSchema>(
    method: 'GET' | WriteMethod,
    url: string,
    what: string,
    body: unknown,
    schema: S,
  ): Promise<Attempt<v.InferOutput<S>>> {
    return limiter.run(async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        let response: Response;
        let text: string;
        try {
          response = await fetchImpl(url, {
            method,
            headers:
              body === undefined ? baseHeaders : { ...baseHeaders, 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: controller.signal,
          });
          noteServerTime(response.headers);
          text = await response.text();
        } catch (error) {
          if (controller.signal.aborted) {
            throw new UrenbrugError('timeout', `Keeping did not answer ${what} within ${timeoutMs} ms`);
          }
          const detail = error instanceof Error ? error.message : String(error);
          return {
            kind: 'transient',
            error: new UrenbrugError('network', `Could not reach Keeping for ${what}`, detail),
          };
        }
        return interpret(response, text, what, schema);
      } finally {
        clearTimeout(timer);
      }
    });
  }

  function interpret<S extends v.GenericSchema>(
    response: Response,
    text: string,
    what: string,
    schema: S,
  ): Attempt<v.InferOutput<S>> {
    const { status } = response;
    const contentType = response.headers.get('Content-Type') ?? '';
    const isJson = /^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim());
    let decoded: unknown;
    let malformed = false;
    if (isJson && text.trim() !== '') {
      try {
        decoded = JSON.parse(text);
      } catch {
        malformed = true;
      }
    }

    if (status === 204) return { kind: 'done', value: validateResponse(schema, null, what, status) };
    if (status >= 200 && status < 300) {
      if (!isJson) {
        throw new UrenbrugError(
          'unexpected_response',
          `Keeping sent an unexpected answer to ${what}`,
          `Content-Type ${contentType || '(none)'} instead of JSON`,
          status,
        );
      }
      if (malformed || decoded === undefined) {
        throw new UrenbrugError(
          'unexpected_response',
          `Keeping sent an unexpected answer to ${what}`,
          'malformed JSON',
          status,
        );
      }
      return { kind: 'done', value: validateResponse(schema, decoded, what, status) };
    }
    const error = statusError(status, what, decoded);
    if (status === 401) limiter.refuseToken(key, now() + AUTH_PAUSE_MS);
    if (status === 429) return { kind: 'rate_limited', resumeAt: rateLimitResumeAt(response.headers), error };
    if (status >= 500) return { kind: 'transient', error };
    throw error;
  }

  async function request<S extends v.GenericSchema>(
    method: 'GET' | WriteMethod,
    path: string,
    query: Query,
    body: unknown,
    schema: S,
  ): Promise<v.InferOutput<S>> {
    const url = `${baseUrl}${path}${encodeQuery(query)}`;
    const what = `${method} ${path}`;
    const retries = method === 'GET' ? maxRetries : 0;
    let rateLimitRetries = 0;
    let transientRetries = 0;
    const refusedUntil = await limiter.tokenRefusedUntil(key);
    if (refusedUntil > 0) {
      throw new UrenbrugError(
        'auth',
        `Keeping refused this token a moment ago; ${what} was not sent`,
        `Not tried again before ${new Date(refusedUntil).toISOString()}: connect a new token in the options`,
        401,
      );
    }
    for (;;) {
      const outcome = await attempt(method, url, what, body, schema);
      if (outcome.kind === 'done') return outcome.value;
      if (outcome.kind === 'rate_limited') {
        // Pause everyone, writes included: the budget is per Keeping account, not per call.
        limiter.pauseUntil(outcome.resumeAt);
        if (rateLimitRetries >= retries || outcome.resumeAt - now() > maxRateLimitWaitMs) throw outcome.error;
        rateLimitRetries += 1;
        continue; // the limiter itself holds this retry until resumeAt
      }
      if (transientRetries >= retries) throw outcome.error;
      await sleep(retryBaseMs * 2 ** transientRetries);
      transientRetries += 1;
    }
  }

  return {
    get: (path, query, schema) => request('GET', path, query, undefined, schema),
    write: (method, path, body, schema) => request(method, path, {}, body, schema),
    serverOffsetMs: () => serverOffset,
  };
}
