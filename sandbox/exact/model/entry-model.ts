/**
 * Turns a new invoice, a saved invoice, or a rejected post into what the entry screen shows.
 * A rejected post comes back with the user's text as typed, like an ASP.NET postback would.
 */

import { type AmountLine, invoiceTotals, lineAmountCents, lineVatCents } from '../page/amounts';
import { formatDisplayDate } from '../page/date-format';
import { labelsFor } from '../page/labels';
import {
  formatCents,
  formatQuantity,
  PRICE_DECIMALS,
  parseScaled,
  QUANTITY_DECIMALS,
} from '../page/number-format';
import type { SandboxLanguage } from '../server/options';
import type { EntryView } from '../server/render-entry';
import type { RowView } from '../server/render-grid';
import { isBlankRow, type PostedInvoice } from './posted-form';
import type { ExactInvoice } from './state';

type ViewBase = Pick<EntryView, 'state' | 'division' | 'language' | 'variant' | 'carry'>;

/** Today in the Netherlands as yyyy-mm-dd, the default invoice date. */
export function todayIso(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

function totalsView(lines: AmountLine[], lineCount: number, language: SandboxLanguage): EntryView['totals'] {
  const totals = invoiceTotals(lines);
  return {
    excl: formatCents(totals.exclVatCents, language),
    vat: formatCents(totals.vatCents, language),
    incl: formatCents(totals.inclVatCents, language),
    lineCount,
  };
}

export function newEntryView(base: ViewBase, now: Date): EntryView {
  return {
    ...base,
    entryId: null,
    invoiceNumber: null,
    customer: { id: '', alt: '', ref: '', invalid: false },
    invoiceDate: formatDisplayDate(todayIso(now), base.language),
    description: '',
    rows: [],
    totals: totalsView([], 0, base.language),
    errors: [],
  };
}

export function savedEntryView(base: ViewBase, invoice: ExactInvoice): EntryView {
  const { state, language } = base;
  const rows: RowView[] = invoice.lines.map((line) => ({
    itemId: line.itemId,
    itemAlt: line.itemCode,
    itemRef: state.items.find((item) => item.id === line.itemId)?.description ?? '',
    itemRefInvalid: false,
    description: line.description,
    quantity: formatQuantity(Math.round(line.quantity * 10 ** QUANTITY_DECIMALS), language),
    unitPrice: formatCents(line.unitPriceCents, language),
    vatCode: line.vatCode,
    amount: formatCents(line.amountCents, language),
    notes: line.notes,
  }));
  return {
    ...base,
    entryId: invoice.entryId,
    invoiceNumber: invoice.invoiceNumber,
    customer: {
      id: invoice.customerId,
      alt: invoice.customerCode,
      ref: invoice.customerName,
      invalid: false,
    },
    invoiceDate: formatDisplayDate(invoice.invoiceDate, language),
    description: invoice.description,
    rows,
    totals: totalsView(invoice.lines, invoice.lines.length, language),
    errors: [],
  };
}

export function rejectedEntryView(
  base: ViewBase,
  posted: PostedInvoice,
  existing: ExactInvoice | null,
  errors: string[],
  quantityDecimals: number = QUANTITY_DECIMALS,
): EntryView {
  const { state, division, language } = base;
  const labels = labelsFor(language);
  const customer = state.customers.find((c) => c.division === division.code && c.id === posted.customerId);
  const amounts: AmountLine[] = [];
  const rows: RowView[] = posted.rows
    .filter((row) => !row.deleted && !isBlankRow(row))
    .map((row) => {
      const item = state.items.find((i) => i.division === division.code && i.id === row.itemId);
      const kept = parseScaled(row.quantity, language, quantityDecimals);
      const quantity = kept === null ? null : kept * 10 ** (QUANTITY_DECIMALS - quantityDecimals);
      const price = parseScaled(row.unitPrice, language, PRICE_DECIMALS);
      let amount = '';
      if (quantity !== null && price !== null) {
        const amountCents = lineAmountCents(quantity, price);
        const percentage = state.vatCodes.find((v) => v.code === row.vatCode)?.percentage ?? 0;
        amounts.push({ amountCents, vatCents: lineVatCents(amountCents, percentage) });
        amount = formatCents(amountCents, language);
      }
      return {
        itemId: item ? item.id : '',
        itemAlt: row.itemAlt,
        itemRef: item ? item.description : row.itemAlt.trim() ? labels.unknownItem : '',
        itemRefInvalid: !item && row.itemAlt.trim() !== '',
        description: row.description,
        quantity: row.quantity,
        unitPrice: row.unitPrice,
        vatCode: row.vatCode,
        amount,
        notes: row.notes,
      };
    });
  return {
    ...base,
    entryId: existing?.entryId ?? null,
    invoiceNumber: existing?.invoiceNumber ?? null,
    customer: {
      id: customer?.id ?? '',
      alt: posted.customerAlt,
      ref: customer ? customer.name : posted.customerAlt.trim() ? labels.unknownAccount : '',
      invalid: !customer && posted.customerAlt.trim() !== '',
    },
    invoiceDate: posted.invoiceDate,
    description: posted.description,
    rows,
    totals: totalsView(amounts, rows.filter((row) => row.itemId !== '').length, language),
    errors,
  };
}
