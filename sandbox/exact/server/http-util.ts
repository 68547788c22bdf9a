/** Small response and request helpers for the node:http handlers. */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { html, type SafeHtml } from './html';
import { ERROR_CSS } from './styles';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 1_000_000;

export function sendHtml(
  res: ServerResponse,
  status: number,
  body: SafeHtml,
  cookies: readonly string[] = [],
): void {
  if (cookies.length > 0) res.setHeader('Set-Cookie', [...cookies]);
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // Exact's pages may only be framed by Exact itself; the shell is same-origin, so this holds.
    'X-Frame-Options': 'SAMEORIGIN',
  });
  res.end(body.value);
}

export function sendJson(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(data));
}

export function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain'): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(text);
}

export function redirect(res: ServerResponse, status: 302 | 303, location: string): void {
  res.writeHead(status, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

/** An Exact-styled error page inside the frame, as Exact shows one. */
export function errorPage(title: string, message: string): SafeHtml {
  return html`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}</title><style>${ERROR_CSS}</style></head>
<body><div class="ErrorPage" id="ErrorMessage">${message}</div></body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req));
}

/** A JSON object body (the sandbox controls); anything else is a 400. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Body must be JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new HttpError(400, 'Body must be a JSON object');
  }
  return data as Record<string, unknown>;
}
