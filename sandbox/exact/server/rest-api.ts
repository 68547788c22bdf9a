/**
 * Exact's REST API as a content script on the Exact origin would meet it with the user's
 * session (docs/exact-online.md, REST API with the session): read-only GETs under `/api/v1/`, `current/Me` without a division
 * and uncounted, division calls counted against 60 a minute and 5,000 a day with the
 * `X-RateLimit-*` headers, a signed-out session answered with the login page or a redirect
 * (never JSON), and a switch that refuses the session altogether.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExactState } from '../model/state';
import { labelsFor } from '../page/labels';
import type { ResolvedOptions } from './options';
import { LOGIN_PATH, renderLogin } from './render-login';
import { DIVISION_SETS, ME, meRecord, recordsFor } from './rest-entities';
import {
  type EntitySetDef,
  errorJson,
  errorXml,
  nextUrl,
  ODataError,
  type ODataRecord,
  pageOf,
  parseQuery,
  toAtom,
  toJson,
} from './rest-odata';
import { hasSession, type RestRuntime, readCookies, sessionDivision } from './rest-session';

export const API_PREFIX = '/api/v1/';

export interface RestContext {
  state: ExactState;
  rest: RestRuntime;
  options(): ResolvedOptions;
  now(): Date;
}

/** The scheme and host the client used: the e2e harness forwards them, curl does not need to. */
function publicOrigin(req: IncomingMessage): string {
  const proto = req.headers['x-forwarded-proto'];
  const host = req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost';
  return `${typeof proto === 'string' ? proto : 'http'}://${host}`;
}

function wantsJson(req: IncomingMessage): boolean {
  return /application\/json/i.test(req.headers.accept ?? '');
}

function send(
  res: ServerResponse,
  status: number,
  json: boolean,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = json ? JSON.stringify(body) : String(body);
  res.writeHead(status, {
    'Content-Type': json ? 'application/json; charset=utf-8' : 'application/atom+xml;type=feed;charset=utf-8',
    'Cache-Control': 'no-cache',
    DataServiceVersion: '2.0',
    ...headers,
  });
  res.end(text);
}

function sendError(
  res: ServerResponse,
  status: number,
  json: boolean,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (json) {
    send(res, status, true, errorJson(message), headers);
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/xml; charset=utf-8', ...headers });
  res.end(errorXml(message));
}

function signedOut(ctx: RestContext, req: IncomingMessage, res: ServerResponse, path: string): void {
  const returnUrl = encodeURIComponent(req.url ?? path);
  const location = `${LOGIN_PATH}?ReturnUrl=${returnUrl}`;
  if (ctx.rest.signedOutAnswer === 'redirect') {
    res.writeHead(302, { Location: location, 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  const status = ctx.rest.signedOutAnswer === '401' ? 401 : 200;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(renderLogin(ctx.options().language, location).value);
}

export async function handleRestApi(
  ctx: RestContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const json = wantsJson(req);
  if (!ctx.rest.enabled) {
    return sendError(res, 401, json, 'Unauthorized', { 'WWW-Authenticate': 'Bearer' });
  }
  const cookies = readCookies(req);
  const rest = url.pathname.slice(API_PREFIX.length);
  if (!hasSession(ctx.rest, cookies)) return signedOut(ctx, req, res, url.pathname);
  if (req.method !== 'GET') {
    // Writing through the session is in no source (docs/exact-online.md, REST API with the session): the sandbox refuses it.
    return sendError(res, 405, json, 'The sandbox serves the REST API read-only.', { Allow: 'GET' });
  }
  const now = ctx.now();
  const serviceRoot = `${publicOrigin(req)}${API_PREFIX}`;

  if (rest.toLowerCase() === 'current/me') {
    const division = ctx.rest.meDivision ?? sessionDivision(cookies) ?? ctx.state.divisions[0]?.code ?? 0;
    const language = ctx.options().language;
    const record = meRecord(division, labelsFor(language).user, language, now);
    return answer(res, json, ME, serviceRoot, [record], url, null, now, {}, ctx.rest.meShape === 'single');
  }

  const match = /^(\d+)\/(.+)$/.exec(rest);
  const division = match ? ctx.state.divisions.find((d) => d.code === Number(match[1])) : undefined;
  if (!match || !division) {
    return sendError(res, match ? 403 : 404, json, match ? 'Forbidden' : 'Resource not found');
  }
  const decision = ctx.rest.limiter.take(division.code, now.getTime());
  if (!decision.allowed) {
    return sendError(res, 429, json, 'API rate limit exceeded.', decision.headers);
  }
  const set = DIVISION_SETS.find((candidate) => candidate.path.toLowerCase() === match[2]?.toLowerCase());
  if (!set) return sendError(res, 404, json, 'Resource not found', decision.headers);
  const root = `${serviceRoot}${division.code}/`;
  return answer(
    res,
    json,
    set,
    root,
    recordsFor(set, ctx.state, division.code, {
      skew: ctx.rest.lineSkew,
      creditNoteSign: ctx.rest.creditNoteSign,
    }),
    url,
    root,
    now,
    decision.headers,
  );
}

function answer(
  res: ServerResponse,
  json: boolean,
  set: EntitySetDef,
  serviceRoot: string,
  records: ODataRecord[],
  url: URL,
  pagedRoot: string | null,
  now: Date,
  headers: Record<string, string>,
  single = false,
): void {
  try {
    const query = parseQuery(set, url.searchParams);
    const page = pageOf(set, records, query);
    const next =
      page.nextToken !== null && pagedRoot !== null
        ? nextUrl(pagedRoot, set.path, url.searchParams, page.nextToken)
        : null;
    const body = json
      ? toJson(set, serviceRoot, page, query, next, single)
      : toAtom(set, serviceRoot, page, query, next, now);
    send(res, 200, json, body, headers);
  } catch (error) {
    if (!(error instanceof ODataError)) throw error;
    sendError(res, error.status, json, error.message, headers);
  }
}
