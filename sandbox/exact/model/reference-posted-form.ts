/**
 * Reads the second screen's posted form: field names equal their ids (`grd_r1_Quantity`,
 * `Debtor`, `EntryDate`), the price is `NetPrice`, and a removed row is simply absent. Rows
 * come out in document order, as the browser serialises them.
 */

import type { PostedInvoice } from './posted-form';

const ROW_FIELD = /^(grd_r\d+)_(.+)$/;

export function readReferencePostedInvoice(form: URLSearchParams): PostedInvoice {
  const rows = new Map<string, Map<string, string>>();
  for (const [name, value] of form) {
    const match = ROW_FIELD.exec(name);
    if (!match) continue;
    const [, rowId = '', suffix = ''] = match;
    let fields = rows.get(rowId);
    if (!fields) {
      fields = new Map();
      rows.set(rowId, fields);
    }
    fields.set(suffix, value);
  }
  return {
    customerId: form.get('Debtor') ?? '',
    customerAlt: form.get('Debtor_alt') ?? '',
    invoiceDate: form.get('EntryDate') ?? '',
    description: form.get('InvoiceDescription') ?? '',
    rows: [...rows.values()].map((fields) => ({
      itemId: fields.get('Item') ?? '',
      itemAlt: fields.get('Item_alt') ?? '',
      description: fields.get('Description') ?? '',
      quantity: fields.get('Quantity') ?? '',
      unitPrice: fields.get('NetPrice') ?? '',
      vatCode: fields.get('VATCode') ?? '',
      notes: fields.get('Notes') ?? '',
      deleted: false,
    })),
  };
}
