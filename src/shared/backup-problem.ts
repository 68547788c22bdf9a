/**
 * Why a backup file was refused. The background throws an `invalid_request` UrenbrugError whose
 * message starts with a problem tag; the options page reads the tag back to show a localised
 * reason (`options_data_import_<problem>`), since SerializedError carries no field of its own
 * for it.
 */
import { UrenbrugError } from './errors';

export const BACKUP_PROBLEMS = [
  'too_large',
  'not_json',
  'format',
  'version',
  'organisation',
  'shape',
] as const;

export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

/** Far beyond years of one firm's invoices; a larger file is not a backup of ours. */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;

const PREFIX = 'backup:';

/** The error for a refused backup; `detail` says precisely what was wrong (English, for support). */
export function backupError(problem: BackupProblem, message: string, detail?: string): UrenbrugError {
  return new UrenbrugError('invalid_request', `${PREFIX}${problem} ${message}`, detail);
}

/** The problem tag of an error made by backupError, or null for any other error. */
export function backupProblemOf(error: Pick<UrenbrugError, 'code' | 'message'>): BackupProblem | null {
  if (error.code !== 'invalid_request' || !error.message.startsWith(PREFIX)) return null;
  const tag = error.message.slice(PREFIX.length).split(' ', 1)[0];
  return BACKUP_PROBLEMS.find((problem) => problem === tag) ?? null;
}
