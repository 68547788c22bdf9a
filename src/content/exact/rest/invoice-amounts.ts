/**
 * Amounts of invoices known only by their number (a colleague's install, Keeping's own
 * integration), for the Overzicht's revenue: `AmountFCExclVat` by `InvoiceNumber`, 20 numbers a
 * call (docs/exact-online.md, Sales invoices in the REST API). `AmountFCExclVat` is excl. VAT; a
 * credit note (`Type` 8021) counts negative whatever sign Exact gives its amount. Whether the
 * amount is final (`Status` 50) and whose invoice it is, the worker decides
 * (core/report/elsewhere-revenue.ts); a number Exact does not know is reported as missing.
 */
import type { RevenueReport } from '../../../shared/messages';
import { orFilters, salesInvoiceSchema, selectOf } from './odata';
import { scaled } from './reconcile';
import type { ExactRestClient } from './rest-client';

export const NUMBERS_PER_CALL = 20;
export const TYPE_CREDIT_NOTE = 8021;

/** Exact's answer for `invoiceNumbers` in the client's division. */
export async function invoiceAmountsByNumber(
  client: ExactRestClient,
  invoiceNumbers: readonly number[],
): Promise<Omit<RevenueReport, 'division'>> {
  const numbers = [...new Set(invoiceNumbers.filter((n) => Number.isSafeInteger(n) && n > 0))];
  const found: RevenueReport['found'] = [];
  for (const filter of orFilters('InvoiceNumber', numbers.map(String), NUMBERS_PER_CALL)) {
    const invoices = await client.list(
      'salesinvoice/SalesInvoices',
      { $select: selectOf(salesInvoiceSchema), $filter: filter },
      salesInvoiceSchema,
    );
    for (const invoice of invoices) {
      const cents = Math.abs(scaled(invoice.AmountFCExclVat, 2) ?? 0);
      const negative = invoice.Type === TYPE_CREDIT_NOTE || invoice.AmountFCExclVat < 0;
      found.push({
        invoiceNumber: invoice.InvoiceNumber,
        invoiceId: invoice.InvoiceID,
        revenueCents: negative && cents !== 0 ? -cents : cents,
        status: invoice.Status,
      });
    }
  }
  const answered = new Set(found.map((invoice) => invoice.invoiceNumber));
  return { found, missing: numbers.filter((n) => !answered.has(n)) };
}
