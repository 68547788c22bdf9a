import * as v from 'valibot';
import { UrenbrugError } from '../../shared/errors';
import { issueText } from '../validation/issue-text';

/**
 * Validates a decoded Keeping body. A mismatch becomes `unexpected_response` whose message names
 * the request and the paths that failed (e.g. `time_entries.3.hours`), so a changed API is
 * diagnosable from a bug report without the data itself.
 */
export function validateResponse<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  what: string,
  status?: number,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  throw new UrenbrugError(
    'unexpected_response',
    `Keeping sent an unexpected answer to ${what}`,
    issueText(result.issues, 'root'),
    status,
  );
}
