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
import type { AuditRecord, StoredInvoice, UrenbrugDatabase } from '../db/database';
import { type InvoiceTx, invoiceTx } from '../db/invoice-tx';
import { enqueueWriteBack } from '../write-back/queue';

export interface InvoiceContext {
  organisationId: number;
  now: () => number;
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

type Audit = Omit<AuditRecord, 'seq' | 'at' | 'organisationId' | 'invoiceKey' | 'invoiceNumber'>;

/** Writes the record and its audit records, then waits for the whole transaction. */
async function commit(
  tx: InvoiceTx,
  record: StoredInvoice,
  audits: Audit[],
  queued: number,
  extra: Promise<unknown>[] = [],
): Promise<InvoiceChange> {
  const at = record.updatedAt;
  const writes: Promise<unknown>[] = [...extra, tx.objectStore('invoices').put(record)];
  for (const audit of audits) {
    if (audit.entryIds.length === 0 && audit.action !== 'fill' && audit.action !== 'saved') continue;
    writes.push(
      tx.objectStore('audit').add({
        ...audit,
        at,
        organisationId: record.organisationId,
        invoiceKey: record.key,
        invoiceNumber: record.invoiceNumber,
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
  return commit(tx, record, [], 0);
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
): Promise<InvoiceChange> {
  const now = context.now();
  const tx = invoiceTx(db);
  const record =
    (await current(tx, keyOf(ref), context.organisationId)) ?? emptyRecord(ref, context.organisationId, now);
  const before = new Set(record.linkedEntryIds);
  record.lines = lines;
  record.updatedAt = now;
  relink(record);
  const after = new Set(record.linkedEntryIds);
  return commit(
    tx,
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
): Promise<InvoiceChange> {
  const now = context.now();
  const tx = invoiceTx(db);
  const record =
    (await current(tx, keyOf(ref), context.organisationId)) ?? emptyRecord(ref, context.organisationId, now);
  if (invoiceNumber) record.invoiceNumber = invoiceNumber;
  record.associatedEntryIds = sortedUnique([...record.associatedEntryIds, ...entryIds]);
  record.updatedAt = now;
  relink(record);
  const queued = await enqueueWriteBack(tx, record, 'add', entryIds, now);
  if (queued > 0) record.markedEntryIds = sortedUnique([...record.markedEntryIds, ...entryIds]);
  return commit(tx, record, [{ action: 'link', entryIds: sortedUnique(entryIds), detail: null }], queued);
}

/** Takes entries off the invoice (lines keep their fingerprints); on a saved invoice Keeping is told. */
export async function unlinkEntries(
  db: UrenbrugDatabase,
  context: InvoiceContext,
  ref: InvoiceRef,
  entryIds: number[],
): Promise<InvoiceChange> {
  const now = context.now();
  const tx = invoiceTx(db);
  const record = await current(tx, keyOf(ref), context.organisationId);
  if (!record) throw new UrenbrugError('not_found', 'Urenbrug has no record of this invoice');
  const removed = new Set(entryIds);
  const wasLinked = record.linkedEntryIds.filter((id) => removed.has(id));
  record.associatedEntryIds = without(record.associatedEntryIds, removed);
  record.lines = record.lines.map((line) => ({ ...line, entryIds: without(line.entryIds, removed) }));
  record.markedEntryIds = without(record.markedEntryIds, removed);
  record.updatedAt = now;
  relink(record);
  // Every id, not only those marked here: another install may have marked the same invoice.
  const queued = await enqueueWriteBack(tx, record, 'remove', sortedUnique(entryIds), now);
  return commit(tx, record, [{ action: 'unlink', entryIds: wasLinked, detail: null }], queued);
}

/** The newer record's work wins; ids linked on either are kept. */
function merge(a: StoredInvoice, b: StoredInvoice): StoredInvoice {
  const [older, newer] = a.updatedAt <= b.updatedAt ? [a, b] : [b, a];
  return {
    ...newer,
    selection: newer.selection ?? older.selection,
    lines: newer.lines.length > 0 ? newer.lines : older.lines,
    associatedEntryIds: sortedUnique([...older.associatedEntryIds, ...newer.associatedEntryIds]),
    markedEntryIds: sortedUnique([...older.markedEntryIds, ...newer.markedEntryIds]),
  };
}

/**
 * The invoice was saved in Exact: its record moves from the draft key to the real invoice key
 * (merged with a record already there), takes the number, and Keeping is asked to mark every
 * linked entry — and to unmark entries marked before that are no longer on it.
 */
export async function invoiceSaved(
  db: UrenbrugDatabase,
  context: InvoiceContext,
  draft: InvoiceRef,
  invoiceId: string,
  invoiceNumber: string,
): Promise<InvoiceChange> {
  const now = context.now();
  const { organisationId } = context;
  const savedRef: InvoiceRef = { division: draft.division, invoiceId, draftKey: null };
  const draftKey = keyOf(draft);
  const savedKey = keyOf(savedRef);
  const tx = invoiceTx(db);
  const [fromDraft, existing] = await Promise.all([
    current(tx, draftKey, organisationId),
    draftKey === savedKey ? undefined : current(tx, savedKey, organisationId),
  ]);
  const base =
    fromDraft && existing
      ? merge(fromDraft, existing)
      : (fromDraft ?? existing ?? emptyRecord(savedRef, organisationId, now));
  const record: StoredInvoice = {
    ...base,
    key: savedKey,
    invoiceId,
    draftKey: null,
    invoiceNumber,
    updatedAt: now,
  };
  relink(record);

  const linked = new Set(record.linkedEntryIds);
  const unmark = record.markedEntryIds.filter((id) => !linked.has(id));
  const queued =
    (await enqueueWriteBack(tx, record, 'add', record.linkedEntryIds, now)) +
    (await enqueueWriteBack(tx, record, 'remove', unmark, now));
  record.markedEntryIds = [...record.linkedEntryIds];
  const extra = fromDraft && draftKey !== savedKey ? [tx.objectStore('invoices').delete(draftKey)] : [];
  return commit(
    tx,
    record,
    [
      {
        action: 'saved',
        entryIds: record.linkedEntryIds,
        detail: draftKey === savedKey ? null : `from ${draftKey}`,
      },
      { action: 'unlink', entryIds: unmark, detail: 'not on the saved invoice' },
    ],
    queued,
    extra,
  );
}
