/**
 * The one error type that crosses context boundaries. Each code maps to a localised message
 * (`error_<code>` in _locales); `detail` carries Keeping's own `error.message` when it sent one,
 * shown beside ours, never parsed.
 */
export type ErrorCode =
  | 'auth' // 401: token invalid, revoked or expired → reconnect
  | 'forbidden' // 403: scope, role, plan, feature, locked
  | 'not_found' // 404
  | 'invalid_request' // 400/405/422
  | 'rate_limited' // 429 that outlasted our retries
  | 'server' // 5xx
  | 'network' // offline, DNS, connection refused
  | 'timeout'
  | 'unexpected_response' // HTML, malformed JSON, wrong shape
  | 'not_connected' // no token stored yet
  | 'not_allowed' // a sender tier asked for something it may not do
  | 'conflict' // the invoice changed elsewhere (another tab, a save) since it was read
  | 'cancelled' // a read superseded by a newer one (another period, client) or stopped
  | 'read_only' // the data is newer than this code (the extension was rolled back): reads only
  | 'internal';

/** Why a backup file was refused; the options page shows `options_data_import_<problem>`. */
export const BACKUP_PROBLEMS = [
  'too_large',
  'not_json',
  'format',
  'version',
  'organisation',
  'shape',
  // The export itself: more than this build writes (backup-problem.ts, MAX_EXPORT_BYTES).
  'export_too_large',
] as const;

export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

/**
 * A finer reason than the code, for the few errors whose receiver shows a text of its own. A
 * field of the error rather than a tag in its message, so it crosses the message boundary typed
 * and the message stays free text.
 */
export type ErrorReason =
  | { kind: 'backup'; problem: BackupProblem }
  /** Connecting another organisation would drop this work of the earlier one: asked first. */
  | { kind: 'organisation_switch'; organisationId: number; invoices: number; marks: number };

export interface SerializedError {
  code: ErrorCode;
  message: string;
  detail?: string;
  status?: number;
  reason?: ErrorReason;
}

export class UrenbrugError extends Error {
  override readonly name = 'UrenbrugError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
    readonly status?: number,
    readonly reason?: ErrorReason,
  ) {
    super(message);
  }

  toJSON(): SerializedError {
    const { code, message, detail, status, reason } = this;
    return { code, message, detail, status, ...(reason ? { reason } : {}) };
  }

  static from(serialized: SerializedError): UrenbrugError {
    const { code, message, detail, status, reason } = serialized;
    return new UrenbrugError(code, message, detail, status, reason);
  }
}

/**
 * True when Keeping could not be reached (offline, DNS, refused, no answer in time): what is on
 * screen is then the last fetched data, not wrong data, and the UI says so instead of alarming.
 */
export function isOffline(error: Pick<SerializedError, 'code'> | null | undefined): boolean {
  return error?.code === 'network' || error?.code === 'timeout';
}

/** Wraps anything thrown into an UrenbrugError so it can cross a message boundary. */
export function toUrenbrugError(error: unknown): UrenbrugError {
  if (error instanceof UrenbrugError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UrenbrugError('internal', message);
}
