/**
 * The records of the stores added in database version 2 (docs/architecture.md, Storage and migrations): the
 * bookkeeper's own work — customer mappings, line defaults, invoice records — plus the write-back queue and
 * the audit log. Every record names the Keeping organisation it belongs to, so a connection to another
 * organisation can drop what no longer applies (see `keepOnlyOrganisation` in db.ts).
 */
import type { ExternalReference } from '../../core/keeping-types';
import type { SerializedError } from '../../shared/errors';
import type { ClientMapping, LineDefaults } from '../../shared/invoice-types';

/** `mappings` store: customer mappings per division, line defaults per organisation. */
export type MappingRecord =
  | {
      /** `client:<org>:<division>:<exactCustomerCode>` */
      key: string;
      kind: 'client';
      organisationId: number;
      division: number;
      value: ClientMapping;
    }
  | {
      /** `lineDefaults:<org>` */
      key: string;
      kind: 'lineDefaults';
      organisationId: number;
      value: LineDefaults;
    };

/**
 * `writeback` store: one wanted change of one entry's references in Keeping. Keyed per entry and
 * reference id, so a newer wish (unlink after link) replaces an older one that has not run yet.
 */
export interface WriteBackItem {
  /** `<org>:<entryId>:<referenceId>` */
  key: string;
  /** Bumped on every enqueue; a finished run only removes the revision it worked on. */
  revision: number;
  organisationId: number;
  entryId: number;
  /** Where the entry lives, to read it back before writing (null when it was not in the cache). */
  userId: number | null;
  date: string | null;
  op: 'add' | 'remove';
  invoiceKey: string;
  reference: ExternalReference;
  enqueuedAt: number;
  attempts: number;
  lastAttemptAt: number | null;
  lastError: SerializedError | null;
  /** `failed`: will not run again unless enqueued anew (the audit log says why). */
  state: 'pending' | 'failed';
}

export type AuditAction =
  | 'fill'
  | 'link'
  | 'unlink'
  | 'saved'
  | 'writeback_done'
  | 'writeback_skipped'
  | 'writeback_failed';

/** Who was connected to Keeping when a record was written: the bookkeeper, as Keeping knows them. */
export interface AuditActor {
  /** The token owner's Keeping user id in the organisation, when the cache knows it. */
  userId: number | null;
  /** The connection's display name (as shown in the options page). */
  name: string;
}

/**
 * `audit` store: append-only, so the bookkeeper can see what Urenbrug did and when. New actions
 * are added over time; readers show an action they do not know by its name rather than drop it.
 */
export interface AuditRecord {
  /** Assigned by the store (auto-increment). */
  seq?: number;
  at: number;
  organisationId: number;
  invoiceKey: string;
  invoiceNumber: string | null;
  action: AuditAction;
  entryIds: number[];
  /** Short machine-readable detail ("3 lines", "locked", an error code and message). */
  detail: string | null;
  /** Absent (or null) on records written before it was kept. */
  keepingUser?: AuditActor | null;
}
