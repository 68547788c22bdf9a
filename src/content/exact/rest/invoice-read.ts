/**
 * After saving: the invoice as Exact stored it, by `InvoiceNumber` (an Int32, filtered without
 * quotes), and its lines by `InvoiceID` (docs/exact-online.md, Sales invoices in the REST API).
 * Two calls, plus one per 60 lines.
 */
import {
  type SalesInvoiceLineRecord,
  type SalesInvoiceRecord,
  salesInvoiceLineSchema,
  salesInvoiceSchema,
  selectOf,
} from './odata';
import type { ExactRestClient } from './rest-client';

export interface StoredInvoice {
  invoice: SalesInvoiceRecord;
  /** In `LineNumber` order (Exact pages by key, not by line). */
  lines: SalesInvoiceLineRecord[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The saved invoice and its lines, or null when Exact has no invoice with that number. */
export async function readInvoiceBack(
  client: ExactRestClient,
  invoiceNumber: number,
): Promise<StoredInvoice | null> {
  if (!Number.isSafeInteger(invoiceNumber) || invoiceNumber <= 0) return null;
  const invoices = await client.list(
    'salesinvoice/SalesInvoices',
    { $select: selectOf(salesInvoiceSchema), $filter: `InvoiceNumber eq ${invoiceNumber}` },
    salesInvoiceSchema,
  );
  const invoice = invoices[0];
  if (!invoice || !GUID.test(invoice.InvoiceID)) return null;
  const lines = await client.list(
    'salesinvoice/SalesInvoiceLines',
    { $select: selectOf(salesInvoiceLineSchema), $filter: `InvoiceID eq guid'${invoice.InvoiceID}'` },
    salesInvoiceLineSchema,
  );
  lines.sort((a, b) => (a.LineNumber ?? 0) - (b.LineNumber ?? 0));
  return { invoice, lines };
}
