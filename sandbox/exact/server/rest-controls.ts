/**
 * Test controls of the fake REST API (not Exact): sign the session out or in, turn the API off
 * or on, lower the limits to reach them in a test, and read how much budget is left.
 *   POST /__sandbox/session  {"signedIn": false, "answer": "redirect" | "login-page" | "401"}
 *   POST /__sandbox/rest-api {"enabled": false, "minutelyLimit": 5, "dailyLimit": 100, "resetLimits": true}
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
    sendJson(res, 200, status(ctx));
    return true;
  }
  return false;
}
