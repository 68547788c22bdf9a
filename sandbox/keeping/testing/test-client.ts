/** Test helper: real HTTP calls against a running sandbox, with Keeping's request headers. */
import { SANDBOX_TOKENS } from '../model/tokens';

export interface CallOptions {
  token?: string | null;
  method?: string;
  body?: unknown;
  lang?: 'nl' | 'en';
  signal?: AbortSignal;
}

export interface ErrorBody {
  error: { message: string; errors?: Record<string, string[]> };
}

export interface CallResult<T> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, typed by the caller (undefined when the body is empty or not JSON). */
  json: T;
}

/** A fixed clock (14:20 in Amsterdam on a Friday) so tests never depend on the real date. */
export const TEST_NOW = Date.parse('2026-11-27T14:20:00+01:00');
export const TEST_TODAY = '2026-11-27';

export async function call<T = ErrorBody>(
  baseUrl: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': 'urenbrug-tests/0 (dev@example.nl)',
  };
  const token = options.token === undefined ? SANDBOX_TOKENS.admin : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (options.lang) headers['Accept-Language'] = options.lang;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as T };
}
