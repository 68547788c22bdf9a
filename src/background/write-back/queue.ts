/**
 * Filling the write-back queue (docs/architecture.md, The write-back queue): for each entry of a saved
 * invoice, the wish to add (or take off) Urenbrug's `generic_work_reference` in Keeping. Enqueued inside the
 * invoice's own transaction, so a record change and its write-back are stored together; write-back.ts runs
 * them.
 */
import { urenbrugReference } from '../../core/billing';
import type { ExternalReference } from '../../core/keeping-types';
import type { StoredInvoice, UrenbrugDatabase, WriteBackItem, WriteBackState } from '../db/database';
import type { InvoiceTx } from '../db/invoice-tx';

/**
 * The reference's name as Keeping shows it to everyone in the organisation. Not localised on
 * purpose: every install must write the same name for the same invoice, or two colleagues with
 * different languages would keep renaming each other's marks.
 */
export function referenceName(invoiceNumber: string | null): string {
  return invoiceNumber ? `Factuur ${invoiceNumber} (Exact Online)` : 'Factuur (Exact Online)';
}

/** The reference Urenbrug writes for a saved invoice (null for a draft: nothing to write yet). */
export function invoiceReference(invoice: StoredInvoice): ExternalReference | null {
  if (!invoice.invoiceId) return null;
  return urenbrugReference(invoice.division, invoice.invoiceId, referenceName(invoice.invoiceNumber));
}

export function writeBackKey(organisationId: number, entryId: number, referenceId: string): string {
  return `${organisationId}:${entryId}:${referenceId}`;
}

/**
 * Queues `op` for each entry, replacing any wish for the same entry and reference that has not
 * run yet (unlink after link leaves only the unlink). Returns how many items were queued; none
 * for a draft invoice.
 */
export async function enqueueWriteBack(
  tx: InvoiceTx,
  invoice: StoredInvoice,
  op: WriteBackItem['op'],
  entryIds: readonly number[],
  now: number,
): Promise<number> {
  const reference = invoiceReference(invoice);
  if (!reference || entryIds.length === 0) return 0;
  const { organisationId } = invoice;
  const queue = tx.objectStore('writeback');
  const entries = tx.objectStore('entries');
  const keys = entryIds.map((entryId) => writeBackKey(organisationId, entryId, reference.id));
  // All reads first, then all writes: no request may wait on anything but the transaction.
  const [previous, cached] = await Promise.all([
    Promise.all(keys.map((key) => queue.get(key))),
    Promise.all(entryIds.map((entryId) => entries.get([organisationId, entryId]))),
  ]);
  await Promise.all(
    entryIds.map((entryId, index) =>
      queue.put({
        key: keys[index]!,
        revision: (previous[index]?.revision ?? 0) + 1,
        organisationId,
        entryId,
        userId: cached[index]?.userId ?? null,
        date: cached[index]?.date ?? null,
        projectId: cached[index]?.projectId ?? null,
        op,
        invoiceKey: invoice.key,
        reference,
        enqueuedAt: now,
        attempts: 0,
        lastAttemptAt: null,
        lastError: null,
        state: 'pending',
        // The bookkeeper's confirmation holds for the same wish on the same invoice (a save again).
        override:
          previous[index]?.op === op && previous[index]?.invoiceKey === invoice.key
            ? (previous[index]?.override ?? null)
            : null,
      }),
    ),
  );
  return entryIds.length;
}

/** One organisation's wishes in one state, by the queue's index: never the whole queue. */
export function queueIn(
  db: UrenbrugDatabase,
  organisationId: number,
  state: WriteBackState,
): Promise<WriteBackItem[]> {
  return db.getAllFromIndex('writeback', 'by-org-state', [organisationId, state]);
}

/** How many of an organisation's wishes are in one state, without reading them. */
export function countIn(
  db: UrenbrugDatabase,
  organisationId: number,
  state: WriteBackState,
): Promise<number> {
  return db.countFromIndex('writeback', 'by-org-state', [organisationId, state]);
}
