/** What one run of the write-back queue did, counted as it goes. */
export interface WriteBackRun {
  /** Written (or found already so). */
  done: number;
  /** Not written, with a reason that stays on the item. */
  skipped: number;
  /** Not written because the entry carries another invoice's mark. */
  conflicts: number;
  failed: number;
  /** Items left pending after the run (0 when not connected: the queue was not looked at). */
  pending: number;
}

export const emptyRun = (): WriteBackRun => ({ done: 0, skipped: 0, conflicts: 0, failed: 0, pending: 0 });
