/**
 * Exact's REST API from the content script, with the user's own session (docs/exact-online.md,
 * REST API with the session): same-origin GETs of `/api/v1/…` with the cookies and
 * `Accept: application/json`. `current/Me` is probed once per tab session (it does not count
 * against Exact's limits, docs/exact-online.md, Limits) and its division must be the page's.
 * Any failure turns the path off and the panel carries on from the DOM: nothing depends on it.
 */
import { meSchema, type ODataPage, ODataShapeError, parsePage, type RecordSchema } from './odata';
import { DEFAULT_RESERVE, type RateReserve, type RateStop, stopFromHeaders } from './rate-budget';
import { type FetchLike, RestWriteRefused, readOnlyFetch } from './read-only-fetch';

export type RestOffReason =
  /** The page's division is unknown, so no answer can be checked against it. */
  | 'no-division'
  /** The API refused the session (401/403 as JSON): not allowed for this session. */
  | 'refused'
  /** Not JSON (a login page, a redirect): the session is not signed in for the API. */
  | 'signed-out'
  | 'network'
  /** JSON in another shape, or an error answer. */
  | 'bad-answer'
  /** Me's CurrentDivision is not the page's division. */
  | 'division-mismatch';

export type RestState =
  | { kind: 'unknown' }
  | { kind: 'on'; division: number }
  | { kind: 'off'; reason: RestOffReason; detail: string | null }
  /** On, but paused until Exact's minute or day resets. */
  | { kind: 'limited'; division: number; stop: RateStop };

/** Thrown by a call that did not happen or did not answer usably; the state says why. */
export class RestUnavailable extends Error {
  override name = 'RestUnavailable';
  constructor(readonly state: RestState) {
    super(state.kind === 'off' ? `Exact REST off: ${state.reason}` : `Exact REST ${state.kind}`);
  }
}

export interface RestClientOptions {
  /** The frame's origin (`https://start.exactonline.nl`). */
  origin: string;
  /** The division the page shows (`_Division_`); null when it could not be read. */
  pageDivision: number | null;
  fetch?: FetchLike;
  /** The tab's sessionStorage: the probe's answer is kept there for the session. */
  storage?: Storage | null;
  now?: () => number;
  reserve?: RateReserve;
  /** Pages of 60 one collection read may follow. */
  maxPages?: number;
  /** Calls one page load may make at all: a handful per invoice, never per line. */
  maxCalls?: number;
  onState?: (state: RestState) => void;
}

export type ExactRestClient = ReturnType<typeof createRestClient>;

const STORAGE_KEY = 'urenbrug.exactRest';
const ON_TTL_MS = 30 * 60_000;
/** A failed probe is an error in Exact's count of 10 an hour: do not ask again for a while. */
const OFF_TTL_MS = 10 * 60_000;

interface Cached {
  at: number;
  division: number | null;
  reason: RestOffReason | null;
  stop: RateStop | null;
}

function readCache(storage: Storage | null): Cached | null {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<Cached>;
    if (typeof value.at !== 'number') return null;
    return {
      at: value.at,
      division: typeof value.division === 'number' ? value.division : null,
      reason: typeof value.reason === 'string' ? (value.reason as RestOffReason) : null,
      stop:
        value.stop && typeof value.stop.until === 'number'
          ? { until: value.stop.until, scope: value.stop.scope === 'day' ? 'day' : 'minute' }
          : null,
    };
  } catch {
    return null;
  }
}

function writeCache(storage: Storage | null, value: Cached): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Only saves a probe next time.
  }
}

function isJson(response: Response): boolean {
  return /\bjson\b/i.test(response.headers.get('Content-Type') ?? '');
}

function errorText(body: unknown): string | null {
  const error = (body as { error?: { message?: { value?: unknown } } } | null)?.error;
  const value = error?.message?.value;
  return typeof value === 'string' ? value : null;
}

export function createRestClient(options: RestClientOptions) {
  const now = options.now ?? Date.now;
  const storage = options.storage ?? null;
  const reserve = options.reserve ?? DEFAULT_RESERVE;
  const maxPages = options.maxPages ?? 10;
  const maxCalls = options.maxCalls ?? 30;
  const get = readOnlyFetch(options.fetch ?? ((input, init) => fetch(input, init)), options.origin);
  let state: RestState = { kind: 'unknown' };
  let probing: Promise<RestState> | null = null;
  let stop: RateStop | null = null;
  let calls = 0;

  function setState(next: RestState): RestState {
    state = next;
    options.onState?.(next);
    return next;
  }

  function current(): RestState {
    if (state.kind === 'limited' && now() >= state.stop.until) {
      stop = null;
      return setState({ kind: 'on', division: state.division });
    }
    return state;
  }

  function onOrLimited(division: number): RestState {
    return stop && stop.until > now() ? { kind: 'limited', division, stop } : { kind: 'on', division };
  }

  function turnOff(reason: RestOffReason, detail: string | null = null): RestUnavailable {
    writeCache(storage, { at: now(), division: null, reason, stop: null });
    return new RestUnavailable(setState({ kind: 'off', reason, detail }));
  }

  function remember(division: number): void {
    writeCache(storage, { at: now(), division, reason: null, stop });
  }

  /** One GET; the answer's JSON, or a RestUnavailable with the path turned off or paused. */
  async function call(path: string, counted: boolean): Promise<unknown> {
    let response: Response;
    try {
      response = await get(path);
    } catch (error) {
      if (error instanceof RestWriteRefused) throw turnOff('bad-answer', error.message);
      throw turnOff('network', error instanceof Error ? error.message : String(error));
    }
    if (counted) {
      const division = state.kind === 'on' || state.kind === 'limited' ? state.division : null;
      const next = stopFromHeaders(response.status, response.headers, now(), reserve);
      if (next && division !== null) {
        stop = next;
        remember(division);
        setState({ kind: 'limited', division, stop: next });
        if (response.status === 429) throw new RestUnavailable(state);
      }
    }
    if (!isJson(response))
      throw turnOff(
        'signed-out',
        `HTTP ${response.status}, ${response.headers.get('Content-Type') ?? 'no type'}`,
      );
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw turnOff('bad-answer', 'unreadable JSON');
    }
    if (response.status === 401 || response.status === 403) throw turnOff('refused', errorText(body));
    if (!response.ok) throw turnOff('bad-answer', `HTTP ${response.status}: ${errorText(body) ?? ''}`.trim());
    return body;
  }

  async function probeOnce(): Promise<RestState> {
    const pageDivision = options.pageDivision;
    if (pageDivision === null) return setState({ kind: 'off', reason: 'no-division', detail: null });
    const cached = readCache(storage);
    if (cached?.stop && cached.stop.until > now()) stop = cached.stop;
    if (cached && cached.reason !== null && now() - cached.at < OFF_TTL_MS) {
      return setState({ kind: 'off', reason: cached.reason, detail: null });
    }
    // The cached division is only trusted for the same page division; another one asks again.
    if (cached?.division === pageDivision && now() - cached.at < ON_TTL_MS) {
      return setState(onOrLimited(pageDivision));
    }
    try {
      const body = await call('/api/v1/current/Me?$select=CurrentDivision,UserID,LanguageCode', false);
      const me = parsePage(body, meSchema).records[0];
      if (!me || !Number.isSafeInteger(me.CurrentDivision)) return turnOff('bad-answer', 'Me').state;
      if (me.CurrentDivision !== pageDivision) {
        // Not cached as off: the next page may be in Me's division.
        writeCache(storage, { at: now(), division: me.CurrentDivision, reason: null, stop });
        return setState({
          kind: 'off',
          reason: 'division-mismatch',
          detail: `${me.CurrentDivision} ≠ ${pageDivision}`,
        });
      }
      remember(pageDivision);
      return setState(onOrLimited(pageDivision));
    } catch (error) {
      if (error instanceof RestUnavailable) return error.state;
      if (error instanceof ODataShapeError) return turnOff('bad-answer', error.message).state;
      throw error;
    }
  }

  /** Probes `current/Me` once per client; later calls share the first answer. */
  function probe(): Promise<RestState> {
    probing ??= probeOnce();
    return probing;
  }

  /**
   * Every record of a division collection (`logistics/Items`, …) matching `query`, following
   * `__next` for at most `maxPages` pages. Throws RestUnavailable when the path is off, paused
   * or goes off during the read.
   */
  async function list<T>(
    resource: string,
    query: Record<string, string>,
    schema: RecordSchema<T>,
  ): Promise<T[]> {
    const ready = await probe().then(() => current());
    if (ready.kind !== 'on') throw new RestUnavailable(ready);
    const division = ready.division;
    const search = new URLSearchParams(query).toString().replace(/%24/g, '$').replace(/%2C/g, ',');
    let path: string | null = `/api/v1/${division}/${resource}?${search}`;
    const records: T[] = [];
    for (let pageIndex = 0; path !== null; pageIndex += 1) {
      if (pageIndex >= maxPages) throw turnOff('bad-answer', `more than ${maxPages} pages of ${resource}`);
      const before = current();
      if (before.kind === 'limited') throw new RestUnavailable(before);
      if (calls >= maxCalls) throw turnOff('bad-answer', `more than ${maxCalls} calls on one page`);
      calls += 1;
      let page: ODataPage<T>;
      try {
        page = parsePage(await call(path, true), schema);
      } catch (error) {
        if (error instanceof ODataShapeError) throw turnOff('bad-answer', error.message);
        throw error;
      }
      records.push(...page.records);
      path = page.next === null ? null : nextPath(page.next, division);
    }
    return records;
  }

  /** `__next` is a full URL; only its path and query are followed, on this origin and division. */
  function nextPath(next: string, division: number): string {
    const url = new URL(next, options.origin);
    if (!url.pathname.startsWith(`/api/v1/${division}/`)) {
      throw turnOff('bad-answer', `__next outside the division: ${url.pathname}`);
    }
    return `${url.pathname}${url.search}`;
  }

  return {
    probe,
    list,
    state: current,
    /** Counted calls (with a division) this client made. */
    calls: () => calls,
  };
}
