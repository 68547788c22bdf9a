/**
 * What the options page and the panel show about telling Keeping which hours are billed: what
 * waits, what was written, what was not and why (conflicts with another invoice's mark, skips by
 * reason, failures), per invoice and in total. Every outcome stays counted until the bookkeeper
 * acts on it (issue 7). The queue is read once per answer.
 */

import type {
  InvoiceWriteBack,
  WriteBackConflictView,
  WriteBackInvoiceView,
  WriteBackSkippedView,
  WriteBackSkipReason,
  WriteBackStatus,
} from '../../shared/messages';
import type { StoredInvoice, UrenbrugDatabase, WriteBackItem } from '../db/database';

/** Enough to see what went wrong; the audit log has the rest. */
export const RECENT_FAILURES = 5;

/** Skip reasons that are fine as they are; every other one needs the bookkeeper. */
export const HARMLESS_SKIPS: ReadonlySet<WriteBackSkipReason> = new Set(['integration']);

/** The queue of one organisation, or of all when none is connected (it waits for a reconnection). */
async function queueOf(db: UrenbrugDatabase, organisationId: number | null): Promise<WriteBackItem[]> {
  const items = await db.getAll('writeback');
  return organisationId === null ? items : items.filter((item) => item.organisationId === organisationId);
}

const labelOf = (invoice: StoredInvoice | undefined) => invoice?.invoiceNumber ?? '';

function conflictView(item: WriteBackItem, invoice: StoredInvoice | undefined): WriteBackConflictView {
  return {
    entryId: item.entryId,
    invoiceKey: item.invoiceKey,
    invoiceLabel: labelOf(invoice),
    otherInvoice: item.conflict?.invoice ?? '',
    otherKind: item.conflict?.kind ?? 'urenbrug_reference',
    foundAt: item.conflict?.foundAt ?? item.lastAttemptAt ?? 0,
  };
}

function skippedView(item: WriteBackItem, invoice: StoredInvoice | undefined): WriteBackSkippedView {
  return {
    entryId: item.entryId,
    invoiceKey: item.invoiceKey,
    invoiceLabel: labelOf(invoice),
    // A version-2 item has no reason recorded: it was found gone.
    reason: item.skip?.reason ?? 'not_found',
    detail: item.skip?.detail ?? '',
    at: item.skip?.at ?? item.lastAttemptAt ?? 0,
  };
}

/** One invoice's marks: its queue items, and its marked entries that have none left (done). */
export function summarise(
  invoice: StoredInvoice | undefined,
  items: readonly WriteBackItem[],
): InvoiceWriteBack {
  const summary: InvoiceWriteBack = {
    done: 0,
    verifying: 0,
    pending: 0,
    failed: 0,
    conflicts: [],
    skipped: [],
  };
  const open = new Set<number>();
  for (const item of items) {
    if (item.op === 'add') open.add(item.entryId);
    switch (item.state) {
      case 'pending':
        summary.pending += 1;
        break;
      case 'verify':
        if (item.op === 'add') summary.verifying += 1;
        break;
      case 'failed':
        summary.failed += 1;
        break;
      case 'conflict':
        summary.conflicts.push(conflictView(item, invoice));
        break;
      case 'skipped':
        summary.skipped.push(skippedView(item, invoice));
        break;
    }
  }
  summary.done = (invoice?.markedEntryIds ?? []).filter((entryId) => !open.has(entryId)).length;
  return summary;
}

export async function readInvoiceWriteBack(
  db: UrenbrugDatabase,
  organisationId: number,
  invoiceKey: string,
): Promise<InvoiceWriteBack> {
  // By the queue's invoice index: the panel asks every few seconds while a big invoice is marked.
  const [invoice, items] = await Promise.all([
    db.get('invoices', invoiceKey),
    db.getAllFromIndex('writeback', 'by-invoice', invoiceKey),
  ]);
  const own = invoice?.organisationId === organisationId ? invoice : undefined;
  return summarise(
    own,
    items.filter((item) => item.organisationId === organisationId),
  );
}

export async function readWriteBackStatus(
  db: UrenbrugDatabase,
  organisationId: number | null,
): Promise<WriteBackStatus> {
  const items = await queueOf(db, organisationId);
  const invoices = new Map((await db.getAll('invoices')).map((invoice) => [invoice.key, invoice]));
  const failed = items
    .filter((item) => item.state === 'failed')
    .sort((a, b) => (b.lastAttemptAt ?? 0) - (a.lastAttemptAt ?? 0));
  const skipped: Record<WriteBackSkipReason, number> = {
    integration: 0,
    locked: 0,
    forbidden: 0,
    not_found: 0,
    full: 0,
  };
  const perInvoice = new Map<string, WriteBackItem[]>();
  // Every invoice with marks in Keeping, so each can be released; those with open items join below.
  for (const invoice of invoices.values()) {
    const ours = organisationId === null || invoice.organisationId === organisationId;
    if (ours && invoice.markedEntryIds.length > 0) perInvoice.set(invoice.key, []);
  }
  for (const item of items) {
    if (item.state === 'skipped') skipped[item.skip?.reason ?? 'not_found'] += 1;
    const list = perInvoice.get(item.invoiceKey) ?? [];
    list.push(item);
    perInvoice.set(item.invoiceKey, list);
  }
  const views: WriteBackInvoiceView[] = [...perInvoice].map(([invoiceKey, list]) => {
    const invoice = invoices.get(invoiceKey);
    return {
      invoiceKey,
      division: invoice?.division ?? Number(invoiceKey.split(':')[0]),
      invoiceId: invoice?.invoiceId ?? null,
      invoiceLabel: labelOf(invoice),
      ...summarise(invoice, list),
    };
  });
  const weight = (view: WriteBackInvoiceView) =>
    view.conflicts.length * 1000 + view.skipped.length * 10 + view.failed + view.pending;
  views.sort((a, b) => weight(b) - weight(a) || a.invoiceLabel.localeCompare(b.invoiceLabel));
  return {
    pending: items.filter((item) => item.state === 'pending').length,
    verifying: items.filter((item) => item.state === 'verify').length,
    failed: failed.length,
    conflicts: items.filter((item) => item.state === 'conflict').length,
    skipped,
    recentFailures: failed.slice(0, RECENT_FAILURES).map((item) => ({
      entryId: item.entryId,
      invoiceLabel: labelOf(invoices.get(item.invoiceKey)),
      error: item.lastError,
      lastAttemptAt: item.lastAttemptAt,
    })),
    invoices: views,
  };
}

/**
 * Failed items, and skipped ones that need action (the bookkeeper unlocked or fixed the entry),
 * of the organisation back to pending with fresh attempts; answers how many.
 */
export async function resetFailed(db: UrenbrugDatabase, organisationId: number): Promise<number> {
  const tx = db.transaction('writeback', 'readwrite');
  const items = await tx.store.getAll();
  const retry = items.filter(
    (item) =>
      item.organisationId === organisationId &&
      (item.state === 'failed' ||
        (item.state === 'skipped' && !HARMLESS_SKIPS.has(item.skip?.reason ?? 'not_found'))),
  );
  await Promise.all([
    ...retry.map((item) =>
      tx.store.put({
        ...item,
        state: 'pending',
        attempts: 0,
        lastAttemptAt: null,
        lastError: null,
        skip: null,
      }),
    ),
    tx.done,
  ]);
  return retry.length;
}
