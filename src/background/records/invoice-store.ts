/**
 * Invoice records (docs/architecture.md, Storage and migrations; docs/architecture.md, Filling Exact's grid):
 * the panel's selection, the lines Urenbrug wrote, and the entries billed on each invoice, kept per invoice
 * key so they survive reloads and worker restarts. Every change runs in one transaction with its audit
 * records and, for a saved invoice, the write-back it asks of Keeping.
 */

import { UrenbrugError } from '../../shared/errors';
import {
  type FilledLine,
  type InvoiceRecord,
  type InvoiceRef,
  type InvoiceSelection,
  invoiceKey,
} from '../../shared/invoice-types';
import type { AuditActor, AuditRecord, StoredInvoice, UrenbrugDatabase } from '../db/database';
import { type InvoiceTx, invoiceTx } from '../db/invoice-tx';
import { enqueueWriteBack } from '../write-back/queue';
import { assertClientEntries } from './client-entries';

export interface InvoiceContext {
  organisationId: number;
  now: () => number;
  /** The bookkeeper, for the audit log; absent in callers that have none (restores, tests). */
  actor?: AuditActor | null;
}

export interface InvoiceChange {
  record: InvoiceRecord;
  /** Write-back items queued by this change (0 for drafts and pure selection changes). */
  queued: number;
}

/** The contract's view of a stored record: without the background's own bookkeeping. */
export function toInvoiceRecord(stored: StoredInvoice): InvoiceRecord {
  const {
    organisationId: _org,
    associatedEntryIds: _associated,
    markedEntryIds: _marked,
    ...record
  } = stored;
  return record;
}

function keyOf(ref: InvoiceRef): string {
  try {
    return invoiceKey(ref);
  } catch (error) {
    throw new UrenbrugError('invalid_request', error instanceof Error ? error.message : String(error));
  }
}

function sortedUnique(ids: Iterable<number>): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

function without(ids: readonly number[], removed: ReadonlySet<number>): number[] {
  return ids.filter((id) => !removed.has(id));
}

function relink(record: StoredInvoice): void {
  record.linkedEntryIds = sortedUnique([
    ...record.lines.flatMap((line) => line.entryIds),
    ...record.associatedEntryIds,
  ]);
}

function emptyRecord(ref: InvoiceRef, organisationId: number, now: number): StoredInvoice {
  return {
    key: keyOf(ref),
    division: ref.division,
    invoiceId: ref.invoiceId,
    draftKey: ref.invoiceId ? null : ref.draftKey,
    invoiceNumber: null,
    selection: null,
    lines: [],
    linkedEntryIds: [],
    keepingClientId: null,
    revision: 0,
    updatedAt: now,
    organisationId,
    associatedEntryIds: [],
    markedEntryIds: [],
  };
}

/** The stored record of this organisation under `key`; one of another organisation counts as none. */
async function current(
  tx: InvoiceTx,
  key: string,
  organisationId: number,
): Promise<StoredInvoice | undefined> {
  const record = await tx.objectStore('invoices').get(key);
  return record?.organisationId === organisationId ? record : undefined;
}

/** What a change to the billed hours was made against, as the panel last read the record. */
export interface ChangeBasis {
  /** The record's revision the panel holds; 0 when it had no record. */
  revision: number;
}

/** Refuses a change made against an older revision: another tab changed the invoice since. */
function assertRevision(record: StoredInvoice, basis: ChangeBasis): void {
  if (record.revision === basis.revision) return;
  throw new UrenbrugError(
    'conflict',
    `The invoice changed since it was read (revision ${basis.revision}, now ${record.revision})`,
  );
}

/** An invoice bills one Keeping client's hours; switching needs its hours taken off first. */
function assertSameClient(record: StoredInvoice, keepingClientId: number, keptIds: readonly number[]): void {
  if (keptIds.length === 0 || record.keepingClientId === null) return;
  if (record.keepingClientId === keepingClientId) return;
  throw new UrenbrugError(
    'invalid_request',
    `This invoice bills hours of Keeping client ${record.keepingClientId}, not ${keepingClientId}`,
  );
}

type Audit = Omit<
  AuditRecord,
  'seq' | 'at' | 'organisationId' | 'invoiceKey' | 'invoiceNumber' | 'keepingUser'
>;

/** Writes the record and its audit records, then waits for the whole transaction. */
async function commit(
  tx: InvoiceTx,
  context: InvoiceContext,
  record: StoredInvoice,
  audits: Audit[],
  queued: number,
  extra: Promise<unknown>[] = [],
): Promise<InvoiceChange> {
  const at = record.updatedAt;
  const writes: Promise<unknown>[] = [...extra, tx.objectStore('invoices').put(record)];
  for (const audit of audits) {
    const always = audit.action === 'fill' || audit.action === 'saved' || audit.action === 'release';
    if (audit.entryIds.length === 0 && !always) continue;
    writes.push(
      tx.objectStore('audit').add({
        ...audit,
        at,
        organisationId: record.organisationId,
        invoiceKey: record.key,
        invoiceNumber: record.invoiceNumber,
        keepingUser: context.actor ?? null,
      }),
    );
  }
  await Promise.all([...writes, tx.done]);
  return { record: toInvoiceRecord(record), queued };
}

export async function loadInvoice(
  db: UrenbrugDatabase,
  organisationId: number,
  ref: InvoiceRef,
): Promise<InvoiceRecord | null> {
  const record = await db.get('invoices', keyOf(ref));
  return record && record.organisationId === organisationId ? toInvoiceRecord(record) : null;
}

export async function saveSelection(
  db: UrenbrugDatabase,
  context: InvoiceContext,
  ref: InvoiceRef,
  selection: InvoiceSelection,
): Promise<InvoiceChange> {
  const now = context.now();
  const tx = invoiceTx(db);
  const record =
    (await current(tx, keyOf(ref), context.organisationId)) ?? emptyRecord(ref, context.organisationId, now);
  record.selection = selection;
  record.updatedAt = now;
  return commit(tx, context, record, [], 0);
}

/**
 * Replaces the filled lines; the entries on them are linked, entries only on the old lines are
 * unlinked (one-click associations stay). Keeping is told when the invoice is saved.
 */
export async function recordFill(
  db: UrenbrugDatabase,
  context: InvoiceContext,
  ref: InvoiceRef,
  lines: FilledLine[],
  basis: ChangeBasis & { keepingClientId: number | null },
): Promise<InvoiceChange> {
  const now = context.now();
  const filledIds = lines.flatMap((line) => line.entryIds);
  await assertClientEntries(db, context.organisationId, basis.keepingClientId, filledIds);
  const tx = invoiceTx(db);
  const record =
    (await current(tx, keyOf(ref), context.organisationId)) ?? emptyRecord(ref, context.organisationId, now);
  assertRevision(record, basis);
  if (basis.keepingClientId !== null) {
    assertSameClient(record, basis.keepingClientId, record.associatedEntryIds);
    record.keepingClientId = basis.keepingClientId;
  }
  const before = new Set(record.linkedEntryIds);
  record.lines = lines;
  record.revision += 1;
  record.updatedAt = now;
  relink(record);
  const after = new Set(record.linkedEntryIds);
  return commit(
    tx,
    context,
    record,
    [
      { action: 'fill', entryIds: record.linkedEntryIds, detail: `${lines.length} lines` },
      {
        action: 'unlink',
        entryIds: [...before].filter((id) => !after.has(id)),
        detail: 'not on the filled lines',
      },
    ],
    0,
  );
}

/** One-click association: links entries without lines; on a saved invoice Keeping is told. */
export async function linkEntries(
  db: UrenbrugDatabase,
  context: InvoiceContext,
  ref: InvoiceRef,
  invoiceNumber: string | null,
  entryIds: number[],
  basis: ChangeBasis & { keepingClientId: number },
): Promise<InvoiceChange> {
  const now = context.now();
  await assertClientEntries(db, context.organisationId, basis.keepingClientId, entryIds);
  const tx = invoiceTx(db);
  const record =
    (await current(tx, keyOf(ref), context.organisationId)) ?? emptyRecord(ref, context.organisationId, now);
  assertRevision(record, basis);
  assertSameClient(record, basis.keepingClientId, record.linkedEntryIds);
  record.keepingClientId = basis.keepingClientId;
  if (invoiceNumber) record.invoiceNumber = invoiceNumber;
  record.associatedEntryIds = sortedUnique([...record.associatedEntryIds, ...entryIds]);
  record.revision += 1;
  record.updatedAt = now;
  relink(record);
  const queued = await enqueueWriteBack(tx, record, 'add', entryIds, now);
  if (queued > 0) record.markedEntryIds = sortedUnique([...record.markedEntryIds, ...entryIds]);
  return commit(
    tx,
    context,
    record,
    [{ action: 'link', entryIds: sortedUnique(entryIds), detail: null }],
    queued,
  );
}

/** Takes entries off the invoice (lines keep their fingerprints); on a saved invoice Keeping is told. */
export async function unlinkEntries(
  db: UrenbrugDatabase,
  context: InvoiceContext,
  ref: InvoiceRef,
  entryIds: number[],
  basis: ChangeBasis,
): Promise<InvoiceChange> {
  const now = context.now();
  const tx = invoiceTx(db);
  const record = await current(tx, keyOf(ref), context.organisationId);
  if (!record) throw new UrenbrugError('not_found', 'Urenbrug has no record of this invoice');
  assertRevision(record, basis);
  record.revision += 1;
  const removed = new Set(entryIds);
  const wasLinked = record.linkedEntryIds.filter((id) => removed.has(id));
  record.associatedEntryIds = without(record.associatedEntryIds, removed);
  record.lines = record.lines.map((line) => ({ ...line, entryIds: without(line.entryIds, removed) }));
  record.markedEntryIds = without(record.markedEntryIds, removed);
  record.updatedAt = now;
  relink(record);
  // Every id, not only those marked here: another install may have marked the same invoice.
  const queued = await enqueueWriteBack(tx, record, 'remove', sortedUnique(entryIds), now);
  return commit(tx, context, record, [{ action: 'unlink', entryIds: wasLinked, detail: null }], queued);
}

/**
 * True when every line the draft wrote is still on the saved invoice's grid, compared by the
 * rows' fingerprints (each row counts once): the grid that Exact saved is the draft's.
 */
function gridShowsLines(lines: readonly FilledLine[], rowHashes: readonly string[]): boolean {
  const left = new Map<string, number>();
  for (const hash of rowHashes) left.set(hash, (left.get(hash) ?? 0) + 1);
  return lines.every((line) => {
    const count = left.get(line.hash) ?? 0;
    if (count === 0) return false;
    left.set(line.hash, count - 1);
    return true;
  });
}

/**
 * "Ontkoppelen" (issue 7, release hours): the invoice was credited or deleted in Exact. Every
 * entry comes off it, so the hours are billable again in Urenbrug, and Keeping is asked to take
 * our mark off them (only ours: every other reference is sent back). The lines stay as a record
 * of what was filled; the audit log keeps the reason and who released.
 */
export async function releaseInvoice(
  db: UrenbrugDatabase,
  context: InvoiceContext,
  key: string,
  reason: string,
): Promise<InvoiceChange> {
  const text = reason.trim();
  if (text === '') throw new UrenbrugError('invalid_request', 'Releasing an invoice needs a reason');
  const now = context.now();
  const tx = invoiceTx(db);
  const record = await current(tx, key, context.organisationId);
  if (!record) throw new UrenbrugError('not_found', 'Urenbrug has no record of this invoice');
  const entryIds = sortedUnique([...record.linkedEntryIds, ...record.markedEntryIds]);
  record.associatedEntryIds = [];
  record.lines = record.lines.map((line) => ({ ...line, entryIds: [] }));
  record.markedEntryIds = [];
  record.updatedAt = now;
  // Every tab holding the record reloads it: its revision moved.
  record.revision += 1;
  relink(record);
  const queued = await enqueueWriteBack(tx, record, 'remove', entryIds, now);
  return commit(
    tx,
    context,
    record,
    [
      {
        action: 'release',
        entryIds,
        detail: `${queued} marks to remove`,
        reason: text,
      },
    ],
    queued,
  );
}

/**
 * The invoice was saved in Exact: its record moves from the draft key to the real invoice key,
 * takes the number, and Keeping is asked to mark every linked entry — and, when a saved invoice
 * is saved again, to unmark entries marked before that are no longer on it.
 *
 * A draft only moves onto an invoice Urenbrug has no record of yet, and only when the saved grid
 * still shows every line the draft wrote (`rowHashes`, the fingerprints of the grid's rows): a
 * save that was not this draft's (another invoice opened in the tab, a refused save) is refused
 * as a conflict and leaves the draft a draft, with nothing queued.
 */
export async function invoiceSaved(
  db: UrenbrugDatabase,
  context: InvoiceContext,
  draft: InvoiceRef,
  invoiceId: string,
  invoiceNumber: string,
  rowHashes: readonly string[],
): Promise<InvoiceChange> {
  const now = context.now();
  const { organisationId } = context;
  const savedRef: InvoiceRef = { division: draft.division, invoiceId, draftKey: null };
  const draftKey = keyOf(draft);
  const savedKey = keyOf(savedRef);
  const moving = draftKey !== savedKey;
  const tx = invoiceTx(db);
  const [fromDraft, existing] = await Promise.all([
    current(tx, draftKey, organisationId),
    moving ? current(tx, savedKey, organisationId) : undefined,
  ]);
  if (moving && existing) {
    throw new UrenbrugError(
      'conflict',
      `Invoice ${invoiceNumber} already has a record; the draft ${draft.draftKey} stays a draft`,
    );
  }
  if (moving && fromDraft && !gridShowsLines(fromDraft.lines, rowHashes)) {
    throw new UrenbrugError(
      'conflict',
      `The saved invoice ${invoiceNumber} does not show the lines of draft ${draft.draftKey}; it stays a draft`,
    );
  }
  if (moving && !fromDraft) {
    // Nothing was billed on the draft: nothing to move, nothing to write.
    return {
      record: toInvoiceRecord({ ...emptyRecord(savedRef, organisationId, now), invoiceNumber }),
      queued: 0,
    };
  }
  const base = fromDraft ?? emptyRecord(savedRef, organisationId, now);
  const record: StoredInvoice = {
    ...base,
    key: savedKey,
    invoiceId,
    draftKey: null,
    invoiceNumber,
    revision: base.revision + 1,
    updatedAt: now,
  };
  relink(record);

  const linked = new Set(record.linkedEntryIds);
  const unmark = record.markedEntryIds.filter((id) => !linked.has(id));
  const queued =
    (await enqueueWriteBack(tx, record, 'add', record.linkedEntryIds, now)) +
    (await enqueueWriteBack(tx, record, 'remove', unmark, now));
  record.markedEntryIds = [...record.linkedEntryIds];
  const extra = fromDraft && moving ? [tx.objectStore('invoices').delete(draftKey)] : [];
  return commit(
    tx,
    context,
    record,
    [
      {
        action: 'saved',
        entryIds: record.linkedEntryIds,
        detail: moving ? `from ${draftKey}` : null,
      },
      { action: 'unlink', entryIds: unmark, detail: 'not on the saved invoice' },
    ],
    queued,
    extra,
  );
}
