/**
 * The records of the stores added in database version 2 (docs/architecture.md, Storage and migrations): the
 * bookkeeper's own work — customer mappings, line defaults, invoice records — plus the write-back queue and
 * the audit log. Every record names the Keeping organisation it belongs to, so a connection to another
 * organisation can drop what no longer applies (see `keepOnlyOrganisation` in db.ts).
 */
import type { ExternalReference } from '../../core/keeping-types';
import type { SerializedError } from '../../shared/errors';
import type { ClientMapping, LineDefaults, QuantityPrecisionSetting } from '../../shared/invoice-types';
import type { WriteBackSkipReason } from '../../shared/messages';

/** `mappings` store: customer mappings and quantity precision per division, line defaults per organisation. */
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
    }
  | {
      /** `precision:<org>:<division>` */
      key: string;
      kind: 'quantityPrecision';
      organisationId: number;
      division: number;
      value: QuantityPrecisionSetting;
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
  /** The entry's project when enqueued, to narrow the fresh read (absent on version 2 records). */
  projectId?: number | null;
  op: 'add' | 'remove';
  invoiceKey: string;
  reference: ExternalReference;
  enqueuedAt: number;
  attempts: number;
  lastAttemptAt: number | null;
  lastError: SerializedError | null;
  /**
   * What became of the wish, kept until the bookkeeper acts on it (issue 7, "every write-back
   * outcome stays visible"): `verify` is written and waits for the next wake to check that the
   * reference is still there; `conflict` found another invoice's mark and was not written;
   * `skipped` could not be written (see `skip`); `failed` gave up after retries. A done and
   * verified wish leaves the queue: the invoice's `markedEntryIds` count it as done.
   * Fields below `state` were added without a migration: records of version 2 lack them.
   */
  state: WriteBackState;
  /** Set in state `conflict`: the other invoice the entry already carries. */
  conflict?: WriteBackConflict | null;
  /** Set in state `skipped`. */
  skip?: WriteBackSkip | null;
  /** The bookkeeper confirmed adding our mark next to another invoice's; the PATCH may go ahead. */
  override?: { reason: string; by: string; at: number } | null;
  /** When the PATCH was answered (state `verify`). */
  writtenAt?: number | null;
  /** Which wake of the queue wrote it: a later wake checks it (a worker's wakes differ too). */
  writtenWake?: string | null;
}

export type WriteBackState = 'pending' | 'verify' | 'conflict' | 'skipped' | 'failed';

export interface WriteBackConflict {
  /** Another Urenbrug invoice, or one of Keeping's own invoicing integrations. */
  kind: 'urenbrug_reference' | 'keeping_invoice';
  referenceId: string;
  /** The other invoice as Keeping names it ("Factuur 20260077 (Exact Online)"). */
  invoice: string;
  foundAt: number;
}

/**
 * Why a wish was not written (shared/messages.ts). `integration`: Keeping's own invoicing
 * integration billed the entry on this same invoice — harmless. The others need the bookkeeper:
 * `locked` (locked without an invoice reference), `forbidden` (403), `not_found` (404, deleted),
 * `full` (ten references already).
 */
export type { WriteBackSkipReason };

export interface WriteBackSkip {
  reason: WriteBackSkipReason;
  detail: string;
  at: number;
}

export type AuditAction =
  | 'fill'
  | 'link'
  | 'unlink'
  | 'saved'
  | 'writeback_done'
  | 'writeback_skipped'
  | 'writeback_failed'
  | 'writeback_conflict'
  | 'override'
  | 'release';

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
  /** The bookkeeper's reason (overrides, releases). Absent on records written before it existed. */
  reason?: string | null;
  /** The Keeping user of the connection that acted. Absent (or null) on records written before it was kept. */
  keepingUser?: AuditActor | null;
}
