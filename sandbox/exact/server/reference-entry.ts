/**
 * GET and POST of the second screen. Saving is an ASP.NET postback whose answer is the screen
 * itself, reloaded with the invoice number in its title (reference §6.2: "saving reloads the
 * page"), not a redirect as on the standard screen; the saved invoice's id travels in the form's
 * action as `ID={guid}`. Quantities are kept with 2 decimals, on screen and on save.
 */

import { newEntryView, rejectedEntryView, savedEntryView } from '../model/entry-model';
import { readReferencePostedInvoice } from '../model/reference-posted-form';
import { saveInvoice } from '../model/save-invoice';
import { type ExactDivision, type ExactInvoice, type ExactState, findInvoice } from '../model/state';
import { formatScaled } from '../page/number-format';
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
}

export type ReferenceAnswer = { status: number; body: SafeHtml } | { notFound: true };

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** The screen shows what it keeps: a saved quantity with 2 decimals, whatever was stored. */
function keptQuantities(view: EntryView, invoice: ExactInvoice): EntryView {
  const scale = 10 ** REFERENCE_QUANTITY_DECIMALS;
  return {
    ...view,
    rows: view.rows.map((row, index) => ({
      ...row,
      quantity: formatScaled(
        Math.round((invoice.lines[index]?.quantity ?? 0) * scale),
        view.language,
        REFERENCE_QUANTITY_DECIMALS,
      ),
    })),
  };
}

export async function referenceEntry(request: ReferenceRequest): Promise<ReferenceAnswer> {
  const { state, division, base } = request;
  const render = (view: EntryView): SafeHtml =>
    renderReferenceEntry(view, { lookupUrl: request.lookupUrl, recalcDelayMs: request.recalcDelayMs });
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
