/**
 * The one transaction shape for changing an invoice record: the record, the write-back queue it
 * feeds and the audit log change together or not at all; `entries` is read to know where each
 * linked entry lives in Keeping (user and day) for the write-back.
 */
import type { IDBPTransaction } from 'idb';
import type { UrenbrugDatabase, UrenbrugDb } from './database';

export const INVOICE_STORES = ['invoices', 'writeback', 'audit', 'entries'] as const;

export type InvoiceTx = IDBPTransaction<UrenbrugDb, typeof INVOICE_STORES, 'readwrite'>;

export function invoiceTx(db: UrenbrugDatabase): InvoiceTx {
  return db.transaction(INVOICE_STORES, 'readwrite');
}
