/** Writing responses with the headers Keeping puts on every answer. */
import type { ServerResponse } from 'node:http';
import type { ApiError } from './api-error';
import { fieldMessage, type Lang, type MessageKey, message } from './messages';
import type { RateDecision } from './rate-limiter';

export function rateHeaders(decision: RateDecision, nowMs: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-Server-Time-Ms': String(Math.floor(nowMs)),
  };
}

export function write(
  res: ServerResponse,
  status: number,
  body: string | null,
  headers: Record<string, string>,
  contentType = 'application/json',
): void {
  res.writeHead(status, { 'Content-Type': contentType, ...headers });
  res.end(body ?? undefined);
}

export function errorJson(lang: Lang, key: MessageKey, error?: ApiError): string {
  const fields = error?.fields;
  const errors = fields
    ? Object.fromEntries(
        Object.entries(fields).map(([field, problem]) => [field, [fieldMessage(problem, lang)]]),
      )
    : undefined;
  return JSON.stringify({ error: { message: message(key, lang), ...(errors ? { errors } : {}) } });
}
