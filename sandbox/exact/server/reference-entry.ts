/**
 * GET and POST of the second screen. Saving is an ASP.NET postback whose answer is the screen
 * itself, reloaded with the invoice number in its title (docs/exact-online.md, Saving: "saving reloads
 * the page"), not a redirect as on the standard screen; the saved invoice's id travels in the form's
 * action as `ID={guid}`. Quantities are kept with 2 decimals, on screen and on save.
 */

import { newEntryView, rejectedEntryView, savedEntryView } from '../model/entry-model';
import { readReferencePostedInvoice } from '../model/reference-posted-form';
import { saveInvoice } from '../model/save-invoice';
import { type ExactDivision, type ExactInvoice, type ExactState, findInvoice } from '../model/state';
import { type AmountLine, invoiceTotals, lineAmountCents, lineVatCents } from '../page/amounts';
import { formatCents, formatScaled, QUANTITY_DECIMALS } from '../page/number-format';
import { REFERENCE_QUANTITY_DECIMALS } from '../page/reference-config';
import type { SafeHtml } from './html';
import type { EntryView } from './render-entry';
import { REFERENCE_ID_PARAM, renderReferenceEntry } from './render-reference-entry';

type ViewBase = Pick<EntryView, 'state' | 'division' | 'language' | 'variant' | 'carry'>;

export interface ReferenceRequest {
  state: ExactState;
  division: ExactDivision;
  base: ViewBase;
  method: 'GET' | 'POST';
  query: URLSearchParams;
  readForm(): Promise<URLSearchParams>;
  now: Date;
  lookupUrl: string;
  recalcDelayMs: number;
  /** Whether the screen shows its totals block ('reference2-nototals' does not). */
  totals: boolean;
}

export type ReferenceAnswer = { status: number; body: SafeHtml } | { notFound: true };

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/**
 * The screen shows what it keeps: a saved quantity with 2 decimals whatever was stored (an
 * invoice made elsewhere may carry more), and the amounts that follow from it.
 */
function keptQuantities(view: EntryView, invoice: ExactInvoice): EntryView {
  const { language } = view;
  const lines: AmountLine[] = [];
  const rows = view.rows.map((row, index) => {
    const line = invoice.lines[index];
    if (!line) return row;
    const kept = Math.round(line.quantity * 10 ** REFERENCE_QUANTITY_DECIMALS);
    const amountCents = lineAmountCents(
      kept * 10 ** (QUANTITY_DECIMALS - REFERENCE_QUANTITY_DECIMALS),
      line.unitPriceCents,
    );
    lines.push({ amountCents, vatCents: lineVatCents(amountCents, line.vatPercentage) });
    return {
      ...row,
      quantity: formatScaled(kept, language, REFERENCE_QUANTITY_DECIMALS),
      amount: formatCents(amountCents, language),
    };
  });
  const totals = invoiceTotals(lines);
  return {
    ...view,
    rows,
    totals: {
      excl: formatCents(totals.exclVatCents, language),
      vat: formatCents(totals.vatCents, language),
      incl: formatCents(totals.inclVatCents, language),
      lineCount: lines.length,
    },
  };
}

export async function referenceEntry(request: ReferenceRequest): Promise<ReferenceAnswer> {
  const { state, division, base } = request;
  const render = (view: EntryView): SafeHtml =>
    renderReferenceEntry(view, {
      lookupUrl: request.lookupUrl,
      recalcDelayMs: request.recalcDelayMs,
      totals: request.totals,
    });
  const rawId = request.query.get(REFERENCE_ID_PARAM);
  let existing: ExactInvoice | null = null;
  if (rawId !== null) {
    const id = GUID.exec(rawId)?.[1]?.toLowerCase();
    existing = id ? (findInvoice(state, division.code, id) ?? null) : null;
    if (!existing) return { notFound: true };
  }
  if (request.method === 'GET') {
    const view = existing
      ? keptQuantities(savedEntryView(base, existing), existing)
      : newEntryView(base, request.now);
    return { status: 200, body: render(view) };
  }
  const posted = readReferencePostedInvoice(await request.readForm());
  const result = saveInvoice(
    state,
    division,
    posted,
    base.language,
    existing,
    request.now,
    REFERENCE_QUANTITY_DECIMALS,
  );
  if (!result.ok) {
    const view = rejectedEntryView(base, posted, existing, result.errors, REFERENCE_QUANTITY_DECIMALS);
    return { status: 200, body: render(view) };
  }
  return {
    status: 200,
    body: render(keptQuantities(savedEntryView(base, result.invoice), result.invoice)),
  };
}
