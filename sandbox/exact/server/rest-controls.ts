/**
 * Test controls of the fake REST API (not Exact): sign the session out or in, turn the API off
 * or on, lower the limits to reach them in a test, and read how much budget is left.
 *   POST /__sandbox/session  {"signedIn": false, "answer": "redirect" | "login-page" | "401"}
 *   POST /__sandbox/rest-api {"enabled": false, "minutelyLimit": 5, "dailyLimit": 100, "resetLimits": true,
 *     "spend": {"division": 123456, "calls": 4800},   another app of the company used calls
 *     "meDivision": 999 | null, "meShape": "results" | "single",
 *     "lineSkew": {"lineNumber": 2, "cents": 1} | null, Exact stored that line a cent off
 *     "process": 20260042,                             the invoice becomes Status 50, final
 *     "creditNoteSign": "negative" | "positive"}      how a credit note's amounts are signed
 *   GET  /__sandbox/rest-api → {"enabled", "signedIn", "signedOutAnswer", "limits", "remaining": {division: …}}
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExactState } from '../model/state';
import { HttpError, readJsonObject, sendJson } from './http-util';
import { type RestRuntime, SIGNED_OUT_ANSWERS, type SignedOutAnswer } from './rest-session';

export interface RestControlContext {
  state: ExactState;
  rest: RestRuntime;
  now(): Date;
}

function optionalBoolean(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new HttpError(400, `${name} must be true or false`);
  return value;
}

function optionalLimit(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new HttpError(400, `${name} must be a whole number of 0 or more`);
  }
  return value;
}

function optionalInteger(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new HttpError(400, `${name} must be a whole number`);
  return value;
}

function objectField(
  body: Record<string, unknown>,
  name: string,
): Record<string, unknown> | null | undefined {
  const value = body[name];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new HttpError(400, `${name} must be an object`);
  return value as Record<string, unknown>;
}

/** The REST view's variations: where the reference is silent, the sandbox can answer either way. */
function applyVariations(ctx: RestControlContext, body: Record<string, unknown>): void {
  if ('meDivision' in body) {
    ctx.rest.meDivision = body.meDivision === null ? null : (optionalInteger(body, 'meDivision') ?? null);
  }
  if (body.meShape !== undefined) {
    if (body.meShape !== 'results' && body.meShape !== 'single') {
      throw new HttpError(400, 'meShape must be results or single');
    }
    ctx.rest.meShape = body.meShape;
  }
  const skew = objectField(body, 'lineSkew');
  if (skew === null) ctx.rest.lineSkew = null;
  else if (skew !== undefined) {
    const lineNumber = optionalInteger(skew, 'lineNumber');
    const cents = optionalInteger(skew, 'cents');
    if (lineNumber === undefined || cents === undefined) {
      throw new HttpError(400, 'lineSkew needs lineNumber and cents');
    }
    ctx.rest.lineSkew = { lineNumber, cents };
  }
  const spend = objectField(body, 'spend');
  if (spend) {
    const division = optionalInteger(spend, 'division');
    const calls = optionalLimit(spend, 'calls');
    if (division === undefined || calls === undefined)
      throw new HttpError(400, 'spend needs division and calls');
    ctx.rest.limiter.spend(division, calls, ctx.now().getTime());
  }
  if (body.creditNoteSign !== undefined) {
    if (body.creditNoteSign !== 'negative' && body.creditNoteSign !== 'positive') {
      throw new HttpError(400, 'creditNoteSign must be negative or positive');
    }
    ctx.rest.creditNoteSign = body.creditNoteSign;
  }
  const process = optionalInteger(body, 'process');
  if (process !== undefined) {
    const invoice = ctx.state.invoices.find((candidate) => candidate.invoiceNumber === process);
    if (!invoice) throw new HttpError(404, `no invoice ${process}`);
    invoice.status = 50;
  }
}

function status(ctx: RestControlContext): unknown {
  const now = ctx.now().getTime();
  const remaining: Record<string, unknown> = {};
  for (const division of ctx.state.divisions) {
    remaining[division.code] = ctx.rest.limiter.remaining(division.code, now);
  }
  return {
    enabled: ctx.rest.enabled,
    signedIn: ctx.rest.signedIn,
    signedOutAnswer: ctx.rest.signedOutAnswer,
    meDivision: ctx.rest.meDivision,
    meShape: ctx.rest.meShape,
    lineSkew: ctx.rest.lineSkew,
    creditNoteSign: ctx.rest.creditNoteSign,
    limits: ctx.rest.limiter.config,
    remaining,
  };
}

/** Handles the control when the path is one; false otherwise. */
export async function handleRestControls(
  ctx: RestControlContext,
  method: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (path === '/__sandbox/session' && method === 'POST') {
    const body = await readJsonObject(req);
    const signedIn = optionalBoolean(body, 'signedIn');
    const answer = body.answer;
    if (answer !== undefined && !SIGNED_OUT_ANSWERS.includes(answer as SignedOutAnswer)) {
      throw new HttpError(400, `answer must be one of ${SIGNED_OUT_ANSWERS.join(', ')}`);
    }
    if (signedIn !== undefined) ctx.rest.signedIn = signedIn;
    if (answer !== undefined) ctx.rest.signedOutAnswer = answer as SignedOutAnswer;
    sendJson(res, 200, status(ctx));
    return true;
  }
  if (path === '/__sandbox/rest-api' && method === 'GET') {
    sendJson(res, 200, status(ctx));
    return true;
  }
  if (path === '/__sandbox/rest-api' && method === 'POST') {
    const body = await readJsonObject(req);
    const enabled = optionalBoolean(body, 'enabled');
    const minutely = optionalLimit(body, 'minutelyLimit');
    const daily = optionalLimit(body, 'dailyLimit');
    const resetLimits = optionalBoolean(body, 'resetLimits');
    if (enabled !== undefined) ctx.rest.enabled = enabled;
    if (minutely !== undefined) ctx.rest.limiter.config.minutely = minutely;
    if (daily !== undefined) ctx.rest.limiter.config.daily = daily;
    if (resetLimits) ctx.rest.limiter.reset();
    applyVariations(ctx, body);
    sendJson(res, 200, status(ctx));
    return true;
  }
  return false;
}
