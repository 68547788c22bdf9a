/**
 * How long marking an invoice's hours in Keeping takes (issue 10). Keeping takes 120 calls a minute
 * per account (docs/keeping-api.md, Rate limit); the write-back costs one PATCH per entry, a fresh
 * read per page of 100 before it and a check per page of 100 on the next wake
 * (docs/architecture.md, The write-back queue). Pure: the panel and the options page both say it.
 */

/** Keeping's budget, per account and minute (docs/keeping-api.md, Rate limit). */
export const KEEPING_CALLS_PER_MINUTE = 120;

/** One page of Keeping's bulk read: the fresh read before writing and the check after. */
const ENTRIES_PER_READ = 100;

/** Keeping calls to mark `marks` entries: a PATCH each, plus a read before and a check after per page. */
export function writeBackCalls(marks: number): number {
  if (!Number.isSafeInteger(marks) || marks <= 0) return 0;
  return marks + 2 * Math.ceil(marks / ENTRIES_PER_READ);
}

/**
 * Whole minutes (rounded up) that marking `marks` entries takes at Keeping's pace, when nothing
 * else uses the account's budget meanwhile; 0 for none.
 */
export function writeBackMinutes(marks: number): number {
  return Math.ceil(writeBackCalls(marks) / KEEPING_CALLS_PER_MINUTE);
}
