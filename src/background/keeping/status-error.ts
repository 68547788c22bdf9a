import * as v from 'valibot';
import { type ErrorCode, UrenbrugError } from '../../shared/errors';
import { errorBodySchema } from './schemas';

/** Keeping's status codes (docs/keeping-api.md, Status codes and errors) mapped onto our error codes. */
export function errorCodeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'auth';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 429:
      return 'rate_limited';
    case 400:
    case 405:
    case 422:
      return 'invalid_request';
    default:
      if (status >= 500) return 'server';
      // Any other 4xx is still our request being refused.
      return status >= 400 ? 'invalid_request' : 'unexpected_response';
  }
}

/**
 * Keeping's `error.message`, when the body is JSON of the documented shape. It is for display
 * beside our own message only; decisions are made on the status code (docs/keeping-api.md, Status codes and
 * errors).
 */
export function keepingErrorMessage(body: unknown): string | undefined {
  const result = v.safeParse(errorBodySchema, body);
  if (!result.success) return undefined;
  const message = result.output.error.message?.trim();
  return message ? message : undefined;
}

export function statusError(status: number, what: string, body: unknown): UrenbrugError {
  return new UrenbrugError(
    errorCodeForStatus(status),
    `Keeping answered ${status} to ${what}`,
    keepingErrorMessage(body),
    status,
  );
}
