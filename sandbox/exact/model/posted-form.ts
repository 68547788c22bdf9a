/**
 * Reads the posted invoice form. Row fields arrive as `<rowId>$<Suffix>` (ASP.NET naming);
 * rows come out in document order, which is the order the browser serialises the form in, so
 * a row inserted in the middle keeps its place whatever its number.
 */

import type { GridLayout } from '../server/render-grid';

export interface PostedRow {
  itemId: string;
  itemAlt: string;
  description: string;
  quantity: string;
  unitPrice: string;
  vatCode: string;
  notes: string;
  deleted: boolean;
}

export interface PostedInvoice {
  customerId: string;
  customerAlt: string;
  invoiceDate: string;
  description: string;
  rows: PostedRow[];
}

export function readPostedInvoice(form: URLSearchParams, layout: GridLayout): PostedInvoice {
  const rowPattern = new RegExp(`^(${layout.grid}_r\\d+)\\$(.+)$`);
  const rows = new Map<string, Map<string, string>>();
  for (const [name, value] of form) {
    const match = rowPattern.exec(name);
    if (!match) continue;
    const [, rowId = '', suffix = ''] = match;
    let fields = rows.get(rowId);
    if (!fields) {
      fields = new Map();
      rows.set(rowId, fields);
    }
    fields.set(suffix, value);
  }
  const item = layout.itemField;
  return {
    customerId: form.get('InvoiceTo') ?? '',
    customerAlt: form.get('InvoiceTo_alt') ?? '',
    invoiceDate: form.get('InvoiceDate') ?? '',
    description: form.get('Description') ?? '',
    rows: [...rows.values()].map((fields) => ({
      itemId: fields.get(item) ?? '',
      itemAlt: fields.get(`${item}_alt`) ?? '',
      description: fields.get('Description') ?? '',
      quantity: fields.get('Quantity') ?? '',
      unitPrice: fields.get('UnitPrice') ?? '',
      vatCode: fields.get('VATCode') ?? '',
      notes: fields.get('Notes') ?? '',
      deleted: fields.get('Deleted') === '1',
    })),
  };
}

/** A row nobody typed in (the trailing empty row) is not a line. */
export function isBlankRow(row: PostedRow): boolean {
  return [row.itemId, row.itemAlt, row.description, row.quantity, row.unitPrice, row.notes].every(
    (value) => value.trim() === '',
  );
}
