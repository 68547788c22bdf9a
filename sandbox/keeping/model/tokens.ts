/**
 * Fixed sandbox tokens shaped like Keeping's Laravel Passport JWTs (header.payload.signature,
 * base64url). They are built once from constant input, so every run sees the same strings; the
 * server looks them up as opaque strings and never verifies the signature.
 */
import { Buffer } from 'node:buffer';
import { createRandom } from './prng';
import type { Scope } from './types';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function makeJwt(jti: string, subject: number, scopes: Scope[], issuedAt: number, expiresAt: number): string {
  const header = encode({ typ: 'JWT', alg: 'RS256', jti });
  const payload = encode({
    aud: '1',
    jti,
    iat: issuedAt,
    nbf: issuedAt,
    exp: expiresAt,
    sub: String(subject),
    scopes,
  });
  // 256 bytes like an RS256 signature; derived from the jti so each token differs.
  const random = createRandom([...jti].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) >>> 0);
  const signature = Buffer.from(Array.from({ length: 256 }, () => random.int(0, 255))).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

const ISSUED = Date.UTC(2026, 0, 5, 9, 12) / 1000;
// Personal access tokens live a year; the sandbox ones are issued far enough ahead to never lapse.
const VALID_UNTIL = Date.UTC(2036, 0, 5, 9, 12) / 1000;

export const ALL_SCOPES: Scope[] = ['time', 'team', 'reporting', 'project_management'];
export const MEMBER_SCOPES: Scope[] = ['time', 'reporting'];
export const NO_REPORTING_SCOPES: Scope[] = ['time', 'team', 'project_management'];

/** Tokens for tests and `npm start`. `admin` and `noReporting` belong to the same account. */
export const SANDBOX_TOKENS = {
  admin: makeJwt('4f1c2a9e7b3d5f60a8c1e2d3b4a59687c0d1e2f3', 100201, ALL_SCOPES, ISSUED, VALID_UNTIL),
  member: makeJwt('9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3', 100202, MEMBER_SCOPES, ISSUED, VALID_UNTIL),
  noReporting: makeJwt(
    '1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4',
    100201,
    NO_REPORTING_SCOPES,
    ISSUED,
    VALID_UNTIL,
  ),
  expired: makeJwt(
    'e0d1c2b3a4958677f8e9dacbbcad9e8f70615243',
    100201,
    ALL_SCOPES,
    Date.UTC(2024, 4, 1) / 1000,
    Date.UTC(2025, 4, 1) / 1000,
  ),
  otherAccount: makeJwt('7766554433221100ffeeddccbbaa998877665544', 100203, ALL_SCOPES, ISSUED, VALID_UNTIL),
} as const;
