import * as v from 'valibot';
import { UrenbrugError } from '../../shared/errors';

/** How many issues to spell out; the rest are counted, so one broken page stays readable. */
const MAX_LISTED_ISSUES = 3;

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
  const listed = result.issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  const more = result.issues.length - listed.length;
  if (more > 0) listed.push(`and ${more} more`);
  throw new UrenbrugError(
    'unexpected_response',
    `Keeping sent an unexpected answer to ${what}`,
    listed.join('; '),
    status,
  );
}
