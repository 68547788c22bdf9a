/**
 * The audit log: what Urenbrug filled, linked, unlinked and wrote back to Keeping, and when.
 * Append-only (records are added, never changed or deleted by the extension's own flows), so the
 * bookkeeper can trust — and check — what was marked as billed.
 */
import type { AuditRecord, UrenbrugDatabase } from '../db/database';

/** Every audit record of one invoice, oldest first. */
export function readAudit(db: UrenbrugDatabase, invoiceKey: string): Promise<AuditRecord[]> {
  return db.getAllFromIndex('audit', 'by-invoice', invoiceKey);
}

/** The newest `limit` audit records of all invoices, newest first. */
export async function readRecentAudit(db: UrenbrugDatabase, limit = 200): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  let cursor = await db.transaction('audit').store.openCursor(null, 'prev');
  while (cursor && records.length < limit) {
    records.push(cursor.value);
    cursor = await cursor.continue();
  }
  return records;
}

export interface AuditPageQuery {
  organisationId: number;
  /** Lower-case part of an invoice number or key; '' matches every invoice. */
  invoice: string;
  entryId: number | null;
  limit: number;
  /** Only records with a smaller seq; null: from the newest. */
  before: number | null;
}

export interface AuditPageResult {
  /** Newest first, each with the invoice number the invoice record knows when its own is empty. */
  records: (AuditRecord & { seq: number; resolvedNumber: string | null })[];
  nextBefore: number | null;
}

/** Records read per request while walking back: a page rarely needs more than one. */
const CHUNK = 500;

/**
 * One page of the organisation's audit log, newest first, filtered by invoice and entry. The
 * store has no index on entries, so it is walked back from the newest in key ranges of CHUNK
 * (getAll per range, far faster than a cursor) until the page is full. Write-back records carry
 * no invoice number; the invoice's number is looked up from its record, so filtering by number
 * finds them too.
 */
export async function readAuditPage(db: UrenbrugDatabase, query: AuditPageQuery): Promise<AuditPageResult> {
  const numbers = new Map<string, string>();
  for (const invoice of await db.getAll('invoices')) {
    if (invoice.organisationId === query.organisationId && invoice.invoiceNumber)
      numbers.set(invoice.key, invoice.invoiceNumber);
  }
  const matches = (record: AuditRecord, number: string | null): boolean => {
    if (record.organisationId !== query.organisationId) return false;
    if (query.entryId !== null && !record.entryIds.includes(query.entryId)) return false;
    if (query.invoice === '') return true;
    return (
      (number ?? '').toLowerCase().includes(query.invoice) ||
      record.invoiceKey.toLowerCase().includes(query.invoice)
    );
  };

  const store = db.transaction('audit').store;
  const newest = await store.openCursor(
    query.before === null ? null : IDBKeyRange.upperBound(query.before, true),
    'prev',
  );
  const records: AuditPageResult['records'] = [];
  let high = newest?.value.seq ?? 0;
  while (high > 0 && records.length <= query.limit) {
    const low = Math.max(1, high - CHUNK + 1);
    const chunk = await store.getAll(IDBKeyRange.bound(low, high));
    for (let index = chunk.length - 1; index >= 0; index--) {
      const record = chunk[index]!;
      const number = record.invoiceNumber ?? numbers.get(record.invoiceKey) ?? null;
      if (matches(record, number)) records.push({ ...record, seq: record.seq!, resolvedNumber: number });
      if (records.length > query.limit) break;
    }
    high = low - 1;
  }
  // One more than asked tells whether an older page exists without reading it twice.
  const more = records.length > query.limit;
  const page = records.slice(0, query.limit);
  return { records: page, nextBefore: more ? (page.at(-1)?.seq ?? null) : null };
}

/** The minutes of each entry id that is in the organisation's cache. */
export async function cachedMinutes(
  db: UrenbrugDatabase,
  organisationId: number,
  entryIds: Iterable<number>,
): Promise<Map<number, number>> {
  const ids = [...new Set(entryIds)];
  const store = db.transaction('entries').store;
  const found = await Promise.all(ids.map((id) => store.get([organisationId, id])));
  const minutes = new Map<number, number>();
  found.forEach((entry, index) => {
    if (entry) minutes.set(ids[index]!, entry.minutes);
  });
  return minutes;
}
