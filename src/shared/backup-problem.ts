/**
 * Why a backup file was refused. The background throws an `invalid_request` UrenbrugError whose
 * `reason` names the problem; the options page reads it back to show a localised reason
 * (`options_data_import_<problem>`).
 */
import { BACKUP_PROBLEMS, type BackupProblem, UrenbrugError } from './errors';

/** Far beyond years of one firm's invoices; a larger file is not a backup of ours. */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;

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
