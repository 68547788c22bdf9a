/**
 * Request routing of the fake Exact Online. Paths are matched without regard to case, as IIS
 * does. The division comes from `_Division_`; without it the first division is used, as Exact
 * falls back to the user's current division.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { newEntryView, rejectedEntryView, savedEntryView } from '../model/entry-model';
import { lookup } from '../model/lookup';
import { readPostedInvoice } from '../model/posted-form';
import { saveInvoice } from '../model/save-invoice';
import { createSeedState } from '../model/seed';
import { type ExactDivision, type ExactState, findDivision, findInvoice } from '../model/state';
import { labelsFor } from '../page/labels';
import { pageScript, SCRIPT_PREFIX } from './assets';
import { errorPage, HttpError, readForm, redirect, sendHtml, sendJson, sendText } from './http-util';
import {
  isReferenceVariant,
  OptionError,
  pageUrl,
  type RequestOptions,
  type ResolvedOptions,
  resolveRequestOptions,
} from './options';
import { referenceEntry } from './reference-entry';
import { LOOKUP_PATH, renderEntry } from './render-entry';
import { layoutFor } from './render-grid';
import { LOGIN_PATH, renderLogin } from './render-login';
import { ENTRY_PATH, renderShell, SHELL_PATH } from './render-shell';
import { API_PREFIX, handleRestApi } from './rest-api';
import { handleRestControls } from './rest-controls';
import { type RestRuntime, sessionCookies } from './rest-session';

export interface HandlerContext {
  state: ExactState;
  rest: RestRuntime;
  /** Whether the REST API is on at a reset (the server option). */
  restApiDefault: boolean;
  options(): ResolvedOptions;
  now(): Date;
  sleep(ms: number): Promise<void>;
}

interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  request: RequestOptions;
}

export async function handle(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const method = req.method ?? 'GET';
  const path = url.pathname.toLowerCase();
  try {
    if (path.startsWith('/__sandbox/')) return await handleTestApi(ctx, method, path, req, res);
    if (path.startsWith(API_PREFIX)) return await handleRestApi(ctx, req, res, url);
    const request = resolveRequestOptions(ctx.options(), url.searchParams);
    const r: Request = { method, path, query: url.searchParams, request };
    if (path === '/' || path === '/docs/' || path === '/docs') {
      return redirect(res, 302, pageUrl(SHELL_PATH, [], request.carry));
    }
    if (path === SHELL_PATH.toLowerCase()) return await handleShell(ctx, r, res);
    if (path === ENTRY_PATH.toLowerCase()) return await handleEntry(ctx, r, req, res);
    if (path === LOOKUP_PATH.toLowerCase()) return await handleLookup(ctx, r, res);
    if (path === LOGIN_PATH.toLowerCase()) return await handleLogin(ctx, r, res);
    if (path.startsWith(SCRIPT_PREFIX.toLowerCase())) {
      const script = await pageScript(url.pathname);
      if (script !== null) return sendText(res, 200, script, 'text/javascript');
    }
    if (path === '/favicon.ico') return sendText(res, 204, '');
    const labels = labelsFor(request.options.language);
    sendHtml(res, 404, errorPage(labels.appTitle, labels.errPageNotFound));
  } catch (error) {
    if (error instanceof OptionError) return sendText(res, 400, error.message);
    if (error instanceof HttpError) return sendText(res, error.status, error.message);
    throw error;
  }
}

function resolveDivision(ctx: HandlerContext, r: Request): ExactDivision {
  const raw = r.query.get('_Division_');
  const division = raw === null ? ctx.state.divisions[0] : findDivision(ctx.state, Number(raw));
  if (!division || (raw !== null && !/^\d+$/.test(raw))) {
    const labels = labelsFor(r.request.options.language);
    throw new PageError(403, labels.errDivisionNotFound);
  }
  return division;
}

class PageError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function withPageErrors(r: Request, res: ServerResponse, run: () => void | Promise<void>): Promise<void> {
  return Promise.resolve()
    .then(run)
    .catch((error: unknown) => {
      if (!(error instanceof PageError)) throw error;
      const labels = labelsFor(r.request.options.language);
      sendHtml(res, error.status, errorPage(labels.appTitle, error.message));
    });
}

/** Only screens of this site may be opened in the frame: a `/docs/*.aspx` path. */
const TARGET = /^\/docs\/[A-Za-z0-9_]+\.aspx(\?[^#]*)?$/;

function handleShell(ctx: HandlerContext, r: Request, res: ServerResponse): Promise<void> {
  return withPageErrors(r, res, () => {
    if (r.method !== 'GET') throw new HttpError(405, 'Method not allowed');
    const division = resolveDivision(ctx, r);
    const { carry, options } = r.request;
    const target = r.query.get('target');
    let mainSrc = pageUrl(ENTRY_PATH, [['_Division_', String(division.code)]], carry);
    if (target !== null && TARGET.test(target)) {
      const targetUrl = new URL(target, 'http://sandbox.invalid');
      for (const [name, value] of carry) {
        if (!targetUrl.searchParams.has(name)) targetUrl.searchParams.append(name, value);
      }
      mainSrc = targetUrl.pathname + targetUrl.search;
    }
    sendHtml(
      res,
      200,
      renderShell({ state: ctx.state, division, language: options.language, mainSrc, carry }),
      sessionCookies(ctx.rest, division.code),
    );
  });
}

const ENTRY_ID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

function handleEntry(
  ctx: HandlerContext,
  r: Request,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  return withPageErrors(r, res, async () => {
    const method = r.method;
    if (method !== 'GET' && method !== 'POST') throw new HttpError(405, 'Method not allowed');
    const division = resolveDivision(ctx, r);
    const { options, carry } = r.request;
    const labels = labelsFor(options.language);
    const base = { state: ctx.state, division, language: options.language, variant: options.variant, carry };
    const cookies = sessionCookies(ctx.rest, division.code);
    if (isReferenceVariant(options.variant)) {
      const answer = await referenceEntry({
        state: ctx.state,
        division,
        base,
        method,
        query: r.query,
        readForm: () => readForm(req),
        now: ctx.now(),
        lookupUrl: pageUrl(LOOKUP_PATH, [['_Division_', String(division.code)]], carry),
        recalcDelayMs: Math.round(options.lookupLatencyMs / 2),
        totals: options.variant !== 'reference2-nototals',
      });
      if ('notFound' in answer) throw new PageError(404, labels.errEntryNotFound);
      return sendHtml(res, answer.status, answer.body, cookies);
    }
    const rawEntryId = r.query.get('EntryID');
    let existing = null;
    if (rawEntryId !== null) {
      const entryId = ENTRY_ID.exec(rawEntryId)?.[1]?.toLowerCase();
      existing = entryId ? (findInvoice(ctx.state, division.code, entryId) ?? null) : null;
      if (!existing) throw new PageError(404, labels.errEntryNotFound);
    }
    if (r.method === 'GET') {
      const view = existing ? savedEntryView(base, existing) : newEntryView(base, ctx.now());
      return sendHtml(res, 200, renderEntry(view), cookies);
    }
    const posted = readPostedInvoice(await readForm(req), layoutFor(options.variant));
    const result = saveInvoice(ctx.state, division, posted, options.language, existing, ctx.now());
    if (!result.ok)
      return sendHtml(res, 200, renderEntry(rejectedEntryView(base, posted, existing, result.errors)));
    const params: [string, string][] = [
      ['_Division_', String(division.code)],
      ['EntryID', `{${result.invoice.entryId}}`],
    ];
    redirect(res, 303, pageUrl(ENTRY_PATH, params, carry));
  });
}

async function handleLookup(ctx: HandlerContext, r: Request, res: ServerResponse): Promise<void> {
  const division = findDivision(ctx.state, Number(r.query.get('_Division_')));
  if (!division) return sendJson(res, 403, { error: 'unknown division' });
  const type = r.query.get('Type');
  if (type !== 'Item' && type !== 'Account')
    return sendJson(res, 400, { error: 'Type must be Item or Account' });
  await ctx.sleep(r.request.options.lookupLatencyMs);
  sendJson(res, 200, lookup(ctx.state, division.code, type, r.query.get('Code') ?? ''));
}

/** The login page; posting it signs the session in again and goes back where it came from. */
async function handleLogin(ctx: HandlerContext, r: Request, res: ServerResponse): Promise<void> {
  const division = ctx.state.divisions[0]?.code ?? 0;
  if (r.method === 'POST') {
    ctx.rest.signedIn = true;
    const back = r.query.get('ReturnUrl') ?? '';
    const target = back.startsWith('/') && !back.startsWith('//') ? back : SHELL_PATH;
    res.setHeader('Set-Cookie', sessionCookies(ctx.rest, division));
    return redirect(res, 303, target);
  }
  const action = `${LOGIN_PATH}?${r.query.toString()}`;
  sendHtml(res, 200, renderLogin(r.request.options.language, action));
}

async function handleTestApi(
  ctx: HandlerContext,
  method: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (await handleRestControls(ctx, method, path, req, res)) return;
  if (method === 'GET' && path === '/__sandbox/invoices') return sendJson(res, 200, ctx.state.invoices);
  if (method === 'GET' && path === '/__sandbox/state') return sendJson(res, 200, ctx.state);
  if (method === 'POST' && path === '/__sandbox/reset') {
    // Reset in place: holders of `sandbox.state` keep seeing the live object.
    Object.assign(ctx.state, createSeedState());
    Object.assign(ctx.rest, {
      enabled: ctx.restApiDefault,
      signedIn: true,
      signedOutAnswer: 'redirect',
      meDivision: null,
      meShape: 'results',
      lineSkew: null,
    });
    ctx.rest.limiter.reset();
    return sendJson(res, 200, { ok: true });
  }
  sendJson(res, 404, { error: 'not found' });
}
