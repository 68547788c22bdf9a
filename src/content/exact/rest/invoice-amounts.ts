/**
 * Revenue for invoices known only by their number (a colleague's install, Keeping's own
 * integration): Exact's amounts by `InvoiceNumber`, 20 numbers a call (docs/exact-online.md,
 * Sales invoices in the REST API). `AmountFCExclVat` is excl. VAT; only `Status` 50 is final
 * (open invoices can still change); a credit note (`Type` 8021) counts negative whatever sign
 * Exact gives its amount. For the reports: a number Exact does not know is simply absent, so the
 * caller counts it as "revenue unknown", never as zero. 200 numbers are 10 calls: a caller with
 * more than a client's `maxCalls` (30 by default, sized for one invoice) makes its client with a
 * larger one, and still stops at Exact's reserve.
 */
import { orFilters, salesInvoiceSchema, selectOf } from './odata';
import { scaled } from './reconcile';
import type { ExactRestClient } from './rest-client';

export const NUMBERS_PER_CALL = 20;
export const STATUS_FINAL = 50;
export const TYPE_CREDIT_NOTE = 8021;

export interface InvoiceAmount {
  invoiceNumber: number;
  invoiceId: string;
  /** Excl. VAT, in cents; negative for a credit note. */
  revenueCents: number;
  /** Status 50: processed, can no longer change. */
  final: boolean;
  status: number;
  type: number;
}

/** Amounts by invoice number for the numbers Exact knows in the client's division. */
export async function invoiceAmountsByNumber(
  client: ExactRestClient,
  invoiceNumbers: readonly number[],
): Promise<Map<number, InvoiceAmount>> {
  const numbers = [...new Set(invoiceNumbers.filter((n) => Number.isSafeInteger(n) && n > 0))];
  const found = new Map<number, InvoiceAmount>();
  for (const filter of orFilters('InvoiceNumber', numbers.map(String), NUMBERS_PER_CALL)) {
    const invoices = await client.list(
      'salesinvoice/SalesInvoices',
      { $select: selectOf(salesInvoiceSchema), $filter: filter },
      salesInvoiceSchema,
    );
    for (const invoice of invoices) {
      const cents = Math.abs(scaled(invoice.AmountFCExclVat, 2) ?? 0);
      const credit = invoice.Type === TYPE_CREDIT_NOTE;
      const signed = credit ? -cents : (scaled(invoice.AmountFCExclVat, 2) ?? 0);
      found.set(invoice.InvoiceNumber, {
        invoiceNumber: invoice.InvoiceNumber,
        invoiceId: invoice.InvoiceID.toLowerCase(),
        revenueCents: signed === 0 ? 0 : signed,
        final: invoice.Status === STATUS_FINAL,
        status: invoice.Status,
        type: invoice.Type,
      });
    }
  }
  return found;
}
