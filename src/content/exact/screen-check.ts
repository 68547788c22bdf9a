/**
 * The screen check: every anchor, found or missing, and which id or heuristic found it — the facts
 * a live check gathers (docs/exact-online.md, Checking a live administration), for a user to read
 * and to send.
 */
import { findGrid, gridRows, planGrid, type RowField } from './columns';
import { liveRows } from './grid';
import {
  locateCustomer,
  locateInput,
  locateInvoiceId,
  locateInvoiceNumber,
  locateLineCount,
  locateNumberLocale,
  locateSaveButton,
  locateSpinner,
  locateTitle,
  locateTotal,
  pageAmounts,
} from './locate';
import { ANCHORS, LABELS } from './selectors';
import { type AnchorCheck, type AnchorName, REQUIRED_ANCHORS } from './types';

function row(anchor: AnchorName, found: { how: string } | null, missing: string): AnchorCheck {
  return {
    anchor,
    required: (REQUIRED_ANCHORS as readonly string[]).includes(anchor),
    found: found !== null,
    how: found === null ? missing : found.how,
    costly: found === null,
  };
}

function gridChecks(doc: Document): AnchorCheck[] {
  const grid = findGrid(doc);
  const rows = grid === null ? [] : gridRows(grid.grid);
  let sample: HTMLTableRowElement | undefined;
  try {
    sample = liveRows(doc)[0];
  } catch {
    sample = undefined;
  }
  const checks = [
    row('grid', grid, 'no table#grd, no table with the four column headers'),
    row(
      'rows',
      rows.length > 0 ? { how: `tr#${grid?.grid.id || '?'}_r<N> (${rows.length})` } : null,
      'no row',
    ),
  ];
  const plan = grid !== null && sample !== undefined ? planGrid(doc, grid, sample) : null;
  const fields: [AnchorName, RowField][] = [
    ['item', 'item'],
    ['description', 'description'],
    ['quantity', 'quantity'],
    ['unitPrice', 'unitPrice'],
    ['amount', 'amount'],
    ['notes', 'notes'],
  ];
  for (const [anchor, field] of fields) {
    const found = plan?.fields[field];
    checks.push(row(anchor, found && found.kind !== 'missing' ? found : null, found?.how ?? 'no grid row'));
  }
  return checks;
}

/** Every anchor of the screen in `doc`, in the order the screen check shows them. */
export function checkScreen(doc: Document): AnchorCheck[] {
  const title = locateTitle(doc);
  const number = locateInvoiceNumber(doc);
  const id = locateInvoiceId(doc);
  const locale = locateNumberLocale(doc, pageAmounts(doc));
  const checks = [
    ...gridChecks(doc),
    row(
      'title',
      title?.value.language ? title : null,
      title
        ? `${title.how} without "verkoopfactuur"/"sales invoice"`
        : 'no span.HdrTitle, no matching document title',
    ),
    row(
      'customer',
      locateCustomer(doc),
      'no #InvoiceTo/#OrderedBy, no lookup beside "Factuur aan"/"Invoice to"',
    ),
    row('invoiceNumber', number, 'no #InvoiceNumber, no number in the title'),
    row('invoiceId', id, 'no #EntryID, no EntryID/ID in the address or form'),
    row(
      'totals',
      locateTotal(doc, locale.value),
      'no #TotalAmountExclVAT, no amount beside "Totaal excl. btw"/"Total excl. VAT"',
    ),
    row('lineCount', locateLineCount(doc), 'no #LineCount'),
    row('saveButton', locateSaveButton(doc), 'no #btnSave/[id$="_Save"], no button "Opslaan"/"Save"'),
    row('spinner', locateSpinner(doc), 'no #WaitMessageImg'),
    row(
      'invoiceDate',
      locateInput(doc, ANCHORS.invoiceDate, LABELS.invoiceDate),
      'no #InvoiceDate, no label "Factuurdatum"',
    ),
    row(
      'invoiceDescription',
      locateInput(doc, ANCHORS.invoiceDescription, LABELS.invoiceDescription),
      'no #Description, no label "Omschrijving"',
    ),
    {
      anchor: 'numberFormat',
      required: false,
      found: true,
      how: `${locale.value}: ${locale.how}`,
      costly: false,
    } as AnchorCheck,
  ];
  // A new invoice has neither number nor id yet: that is no loss. One without the other is.
  if (number === null && id === null) {
    for (const check of checks)
      if (check.anchor === 'invoiceNumber' || check.anchor === 'invoiceId') check.costly = false;
  }
  return checks;
}
