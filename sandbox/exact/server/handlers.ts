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
  OptionError,
  pageUrl,
  type RequestOptions,
  type ResolvedOptions,
  resolveRequestOptions,
} from './options';
import { LOOKUP_PATH, renderEntry } from './render-entry';
import { layoutFor } from './render-grid';
import { ENTRY_PATH, renderShell, SHELL_PATH } from './render-shell';

export interface HandlerContext {
  state: ExactState;
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
    if (path.startsWith('/__sandbox/')) return await handleTestApi(ctx, method, path, res);
    const request = resolveRequestOptions(ctx.options(), url.searchParams);
    const r: Request = { method, path, query: url.searchParams, request };
    if (path === '/' || path === '/docs/' || path === '/docs') {
      return redirect(res, 302, pageUrl(SHELL_PATH, [], request.carry));
    }
    if (path === SHELL_PATH.toLowerCase()) return await handleShell(ctx, r, res);
    if (path === ENTRY_PATH.toLowerCase()) return await handleEntry(ctx, r, req, res);
    if (path === LOOKUP_PATH.toLowerCase()) return await handleLookup(ctx, r, res);
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
    if (r.method !== 'GET' && r.method !== 'POST') throw new HttpError(405, 'Method not allowed');
    const division = resolveDivision(ctx, r);
    const { options, carry } = r.request;
    const labels = labelsFor(options.language);
    const base = { state: ctx.state, division, language: options.language, variant: options.variant, carry };
    const rawEntryId = r.query.get('EntryID');
    let existing = null;
    if (rawEntryId !== null) {
      const entryId = ENTRY_ID.exec(rawEntryId)?.[1]?.toLowerCase();
      existing = entryId ? (findInvoice(ctx.state, division.code, entryId) ?? null) : null;
      if (!existing) throw new PageError(404, labels.errEntryNotFound);
    }
    if (r.method === 'GET') {
      const view = existing ? savedEntryView(base, existing) : newEntryView(base, ctx.now());
      return sendHtml(res, 200, renderEntry(view));
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

async function handleTestApi(
  ctx: HandlerContext,
  method: string,
  path: string,
  res: ServerResponse,
): Promise<void> {
  if (method === 'GET' && path === '/__sandbox/invoices') return sendJson(res, 200, ctx.state.invoices);
  if (method === 'GET' && path === '/__sandbox/state') return sendJson(res, 200, ctx.state);
  if (method === 'POST' && path === '/__sandbox/reset') {
    // Reset in place: holders of `sandbox.state` keep seeing the live object.
    Object.assign(ctx.state, createSeedState());
    return sendJson(res, 200, { ok: true });
  }
  sendJson(res, 404, { error: 'not found' });
}
