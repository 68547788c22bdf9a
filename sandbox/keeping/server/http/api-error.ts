/** A refusal with a Keeping status code; the server renders it as `{ error: { message } }`. */
import type { FieldProblem, MessageKey } from './messages';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    /**
     * 422 only: which fields failed, Laravel style (docs/keeping-api.md, Status codes and errors: assumed).
     */
    readonly fields?: Record<string, FieldProblem>,
  ) {
    super(key);
  }
}

export const notFound = (): ApiError => new ApiError(404, 'not_found');
export const forbidden = (key: MessageKey = 'forbidden'): ApiError => new ApiError(403, key);
export const invalid = (field: string, problem: FieldProblem = 'invalid'): ApiError =>
  new ApiError(422, 'validation', { [field]: problem });
