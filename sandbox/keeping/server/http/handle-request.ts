/**
 * One request through Keeping's pipeline: queued fault → route (404/405) → token (401) → rate
 * limit (429) → organisation membership (403) → body (400) → handler. Every answer carries the
 * rate-limit and server-time headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrganisationData, SandboxAccount, SandboxState } from '../../model/types';
import { ROUTES } from '../routes';
import { ApiError } from './api-error';
import type { BaseContext } from './context';
import { handleControl } from './control';
import { respondWithFault } from './faults-respond';
import { pickLang } from './messages';
import { Query } from './query';
import { errorJson, rateHeaders, write } from './respond';
import { matchRoute } from './router';
import type { SandboxRuntime } from './runtime';

const MAX_BODY = 1_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function findToken(state: SandboxState, header: string | undefined) {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!token) return undefined;
  for (const account of state.accounts) {
    const found = account.tokens.find((item) => item.token === token);
    if (found) return { account, token: found };
  }
  return undefined;
}

function organisationFor(state: SandboxState, account: SandboxAccount, id: number) {
  const membership = account.memberships.find((item) => item.organisationId === id);
  const data: OrganisationData | undefined = [state, ...state.otherOrganisations].find(
    (item) => item.organisation.id === id,
  );
  const me = data?.users.find((user) => user.id === membership?.userId);
  return membership && data && me ? { data, me } : undefined;
}

function parseBody(method: string, raw: string): Record<string, unknown> {
  if ((method !== 'POST' && method !== 'PATCH') || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'bad_request');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ApiError(400, 'bad_request');
  return parsed as Record<string, unknown>;
}

export async function handleRequest(
  runtime: SandboxRuntime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const nowMs = runtime.now();
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const rawBody = await readBody(req);
  if (url.pathname.startsWith('/__sandbox/'))
    return handleControl(runtime, res, method, url.pathname, rawBody);

  const path = url.pathname + url.search;
  const log = (status: number) => runtime.requestLog.push({ method, path, at: nowMs, status });
  const found = findToken(runtime.state, req.headers.authorization);
  const lang = pickLang(req.headers['accept-language'], found?.account.locale ?? 'en');
  let decision = runtime.limiter.peek(found?.account.id);
  const fail = (error: ApiError, extra: Record<string, string> = {}) => {
    write(res, error.status, errorJson(lang, error.key, error), {
      ...rateHeaders(decision, nowMs),
      ...extra,
    });
    log(error.status);
  };

  const fault = runtime.faults.take(path);
  if (fault) {
    const status = respondWithFault(res, fault, lang, decision, nowMs);
    if (status === 0) {
      runtime.hanging.add(res);
      res.on('close', () => runtime.hanging.delete(res));
    }
    return void log(status);
  }

  const match = matchRoute(ROUTES, method, url.pathname);
  if (match.kind === 'not_found') return fail(new ApiError(404, 'not_found'));
  if (match.kind === 'method_not_allowed') {
    return fail(new ApiError(405, 'method_not_allowed'), { Allow: match.allow.join(', ') });
  }
  if (!found) return fail(new ApiError(401, 'unauthenticated'));
  if (found.token.expired) return fail(new ApiError(401, 'token_expired'));

  decision = runtime.limiter.consume(found.account.id);
  if (!decision.allowed) {
    return fail(new ApiError(429, 'rate_limited'), {
      'Retry-After': String(decision.retryAfterSeconds),
      'X-RateLimit-Reset': String(decision.resetAt),
    });
  }

  try {
    const base: BaseContext = {
      state: runtime.state,
      method,
      url,
      query: new Query(url.searchParams),
      params: match.params,
      lang,
      nowMs,
      account: found.account,
      scopes: found.token.scopes,
      body: parseBody(method, rawBody),
    };
    const { route } = match;
    let result: { status: number; body?: unknown };
    if (route.global) {
      result = route.handler(base);
    } else {
      const organisation = organisationFor(runtime.state, found.account, Number(match.params.org));
      if (!organisation) throw new ApiError(403, 'not_member');
      result = route.handler({ ...base, org: organisation.data, me: organisation.me });
    }
    const text = result.body === undefined ? null : JSON.stringify(result.body);
    write(res, result.status, text, rateHeaders(decision, nowMs));
    log(result.status);
  } catch (error) {
    if (error instanceof ApiError) return fail(error);
    console.error('[keeping sandbox]', error);
    fail(new ApiError(500, 'server_error'));
  }
}
