import * as v from 'valibot';

/** How many issues to spell out; the rest are counted, so one broken page or file stays readable. */
const MAX_LISTED_ISSUES = 5;

/**
 * Valibot's issues as one line for an error's `detail`: each failing path and its message
 * (`time_entries.3.hours: Invalid type`), the first few only, and how many more there were.
 * `whole` names the value itself when the issue has no path (the request, the file, the body).
 */
export function issueText(issues: readonly v.BaseIssue<unknown>[], whole: string): string {
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => `${v.getDotPath(issue) ?? `(${whole})`}: ${issue.message}`);
  const more = issues.length - listed.length;
  if (more > 0) listed.push(`and ${more} more`);
  return listed.join('; ');
}
