/**
 * The browser session the fake REST API trusts (docs/exact-online.md, REST API with the session): the pages set an auth
 * cookie and Exact's division cookie `ExactServer{<user-guid>}=Division=<n>`; an API call is
 * signed in when it carries the auth cookie and the sandbox has not been signed out. How Exact
 * answers a signed-out call is only known as "the login page or a redirect, not JSON", so the
 * sandbox can give any of those, and a 401 as the issue describes.
 */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SANDBOX_USER_ID } from './rest-entities';
import { RateLimiter } from './rest-limits';

export type SignedOutAnswer = 'redirect' | 'login-page' | '401';
export const SIGNED_OUT_ANSWERS: readonly SignedOutAnswer[] = ['redirect', 'login-page', '401'];

export const AUTH_COOKIE = '.ASPXAUTH';
export const DIVISION_COOKIE = `ExactServer{${SANDBOX_USER_ID}}`;

export interface RestRuntime {
  /** False: the API refuses the session altogether (401), as some administrations may. */
  enabled: boolean;
  signedIn: boolean;
  signedOutAnswer: SignedOutAnswer;
  /** The value of the auth cookie this server hands out; fresh on every start. */
  authToken: string;
  limiter: RateLimiter;
  /** Me's CurrentDivision regardless of the cookie: another administration than the page's. */
  meDivision: number | null;
  /** `results`: `{"d":{"results":[me]}}` as Exact's FAQ shows; `single`: `{"d":{…me}}`. */
  meShape: 'results' | 'single';
  /**
   * Cents added to the REST view of every invoice's line with this LineNumber (and so to its
   * total): Exact storing an invoice a cent off what was sent, as one public report saw
   * (docs/exact-online.md, Amounts and rounding).
   */
  lineSkew: { lineNumber: number; cents: number } | null;
  /**
   * The sign of a credit note's amounts (`Type` 8021). Exact's metadata gives the type, not the
   * sign (docs/exact-online.md, Sales invoices in the REST API): `negative` as the entry screen
   * totals it, `positive` as a document total might be kept. The extension must count both negative.
   */
  creditNoteSign: 'negative' | 'positive';
}

export function createRestRuntime(enabled: boolean): RestRuntime {
  return {
    enabled,
    signedIn: true,
    signedOutAnswer: 'redirect',
    authToken: randomUUID().replace(/-/g, '').toUpperCase(),
    limiter: new RateLimiter(),
    meDivision: null,
    meShape: 'results',
    lineSkew: null,
    creditNoteSign: 'negative',
  };
}

/** Set-Cookie values a page of the site sends: the session and the current division. */
export function sessionCookies(rest: RestRuntime, division: number): string[] {
  return [
    `${AUTH_COOKIE}=${rest.authToken}; Path=/; HttpOnly; SameSite=Lax`,
    `${DIVISION_COOKIE}=Division=${division}; Path=/; SameSite=Lax`,
  ];
}

export function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

export function hasSession(rest: RestRuntime, cookies: Map<string, string>): boolean {
  return rest.signedIn && cookies.get(AUTH_COOKIE) === rest.authToken;
}

/** The division the session is in, from the division cookie; null when there is none. */
export function sessionDivision(cookies: Map<string, string>): number | null {
  const match = /^Division=(\d+)$/.exec(cookies.get(DIVISION_COOKIE) ?? '');
  return match ? Number(match[1]) : null;
}
