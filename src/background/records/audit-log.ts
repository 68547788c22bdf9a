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
