/**
 * Why a backup file was refused. The background throws an `invalid_request` UrenbrugError whose
 * `reason` names the problem; the options page reads it back to show a localised reason
 * (`options_data_import_<problem>`).
 */
import { BACKUP_PROBLEMS, type BackupProblem, UrenbrugError } from './errors';

/**
 * The largest file a restore reads. Above what this build exports (MAX_EXPORT_BYTES), so the
 * install's own export always imports again, and below the 64 MiB a browser message may carry
 * (the text crosses one to the worker).
 */
export const MAX_BACKUP_BYTES = 60 * 1024 * 1024;

/** The largest back-up this build writes; a larger one is refused with a clear reason instead. */
export const MAX_EXPORT_BYTES = 48 * 1024 * 1024;

/** The error for a refused backup; `detail` says precisely what was wrong (English, for support). */
export function backupError(problem: BackupProblem, message: string, detail?: string): UrenbrugError {
  return new UrenbrugError('invalid_request', message, detail, undefined, { kind: 'backup', problem });
}

/** The problem of an error made by backupError, or null for any other error. */
export function backupProblemOf(error: Pick<UrenbrugError, 'code' | 'reason'>): BackupProblem | null {
  const reason = error.reason;
  if (error.code !== 'invalid_request' || reason?.kind !== 'backup') return null;
  // A reason from another context is checked against the list, not trusted.
  return BACKUP_PROBLEMS.find((problem) => problem === reason.problem) ?? null;
}
