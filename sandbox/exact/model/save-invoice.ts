/**
 * Saving the invoice screen ("Opslaan"): checks the posted form the way the server side of an
 * ASP.NET screen would — it trusts the hidden lookup ids, not the visible codes, so a code that
 * was typed but never validated does not count — and stores it with an invoice number.
 */

import { randomUUID } from 'node:crypto';
import { invoiceTotals, lineAmountCents, lineVatCents } from '../page/amounts';
import { parseDisplayDate } from '../page/date-format';
import { fillLabel, labelsFor } from '../page/labels';
import { PRICE_DECIMALS, parseScaled, QUANTITY_DECIMALS } from '../page/number-format';
import type { SandboxLanguage } from '../server/options';
import { isBlankRow, type PostedInvoice } from './posted-form';
import type { ExactDivision, ExactInvoice, ExactInvoiceLine, ExactState } from './state';

export type SaveResult = { ok: true; invoice: ExactInvoice } | { ok: false; errors: string[] };

export function saveInvoice(
  state: ExactState,
  division: ExactDivision,
  posted: PostedInvoice,
  language: SandboxLanguage,
  existing: ExactInvoice | null,
  now: Date,
  /** Decimals the screen keeps for quantities: 4 on the standard screen, 2 on 'reference2'. */
  quantityDecimals: number = QUANTITY_DECIMALS,
): SaveResult {
  const labels = labelsFor(language);
  const errors: string[] = [];
  const customer = state.customers.find((c) => c.division === division.code && c.id === posted.customerId);
  if (!customer) errors.push(labels.errRequiredInvoiceTo);
  const invoiceDate = parseDisplayDate(posted.invoiceDate);
  if (!invoiceDate) errors.push(labels.errInvalidDate);

  const lines: ExactInvoiceLine[] = [];
  const rows = posted.rows.filter((row) => !row.deleted && !isBlankRow(row));
  rows.forEach((row, index) => {
    const n = index + 1;
    const item = state.items.find((i) => i.division === division.code && i.id === row.itemId);
    const kept = parseScaled(row.quantity, language, quantityDecimals);
    const quantity = kept === null ? null : kept * 10 ** (QUANTITY_DECIMALS - quantityDecimals);
    const unitPriceCents = parseScaled(row.unitPrice, language, PRICE_DECIMALS);
    if (!item) errors.push(fillLabel(labels.errRequiredItem, { n }));
    if (quantity === null) errors.push(fillLabel(labels.errInvalidQuantity, { n }));
    if (unitPriceCents === null) errors.push(fillLabel(labels.errInvalidPrice, { n }));
    if (!item || quantity === null || unitPriceCents === null) return;
    const vat =
      state.vatCodes.find((v) => v.code === row.vatCode) ??
      state.vatCodes.find((v) => v.code === item.vatCode);
    const vatPercentage = vat?.percentage ?? 0;
    const amountCents = lineAmountCents(quantity, unitPriceCents);
    lines.push({
      lineNumber: n,
      itemId: item.id,
      itemCode: item.code,
      description: row.description,
      quantity: quantity / 10 ** QUANTITY_DECIMALS,
      unitPriceCents,
      vatCode: vat?.code ?? '',
      vatPercentage,
      amountCents,
      vatCents: lineVatCents(amountCents, vatPercentage),
      notes: row.notes,
    });
  });
  if (rows.length === 0) errors.push(labels.errNoLines);
  if (errors.length > 0 || !customer || !invoiceDate) return { ok: false, errors };

  const stamp = now.toISOString();
  const fields = {
    customerId: customer.id,
    customerCode: customer.code.trim(),
    customerName: customer.name,
    invoiceDate,
    description: posted.description,
    lines,
    totals: invoiceTotals(lines),
    modified: stamp,
  };
  if (existing) {
    Object.assign(existing, fields);
    return { ok: true, invoice: existing };
  }
  const invoice: ExactInvoice = {
    entryId: randomUUID(),
    division: division.code,
    invoiceNumber: now.getFullYear() * 10000 + division.nextInvoiceSequence,
    status: 20,
    created: stamp,
    ...fields,
  };
  division.nextInvoiceSequence += 1;
  state.invoices.push(invoice);
  return { ok: true, invoice };
}
