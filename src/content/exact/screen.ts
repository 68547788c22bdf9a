/**
 * Which Exact screen this frame shows. The panel acts on the sales-invoice entry screen, where only
 * the anchors that writing a line needs are required (docs/architecture.md, Anchor tiers): the grid,
 * its rows and per row the item lookup, description, quantity and price. Every other anchor is
 * optional and never drops the page; a frame at that address without the required ones means Exact
 * changed the screen, which the panel says out loud, with the screen check, instead of guessing.
 */
import { allRowFields, liveRows } from './grid';
import { createExactInvoicePage } from './page';
import { INVOICE_SCREEN_PATH } from './selectors';
import { createScreenInspector } from './skeleton';
import { type ExactInvoicePage, ScreenChangedError, type ScreenInspector } from './types';

export type ScreenDetection =
  | { kind: 'invoice'; page: ExactInvoicePage; inspector: ScreenInspector }
  /** `page` still reads the header (customer, number) when it could be made; it writes nothing. */
  | { kind: 'changed'; missing: string; page: ExactInvoicePage | null; inspector: ScreenInspector }
  | { kind: 'other' };

/** Whether the frame is at the sales-invoice screen's address; known before its DOM is parsed. */
export function atInvoiceScreenAddress(doc: Document): boolean {
  return INVOICE_SCREEN_PATH.test(doc.defaultView?.location.pathname ?? '');
}

/** Looks at the document once; call again after Exact re-renders. */
export function detectInvoiceScreen(doc: Document): ScreenDetection {
  if (!atInvoiceScreenAddress(doc)) return { kind: 'other' };
  const inspector = createScreenInspector(doc);
  let page: ExactInvoicePage | null = null;
  try {
    page = createExactInvoicePage(doc);
    page.readScreen();
    if (liveRows(doc)[0] === undefined) throw new ScreenChangedError('grid row');
    allRowFields(doc);
    return { kind: 'invoice', page, inspector };
  } catch (error) {
    if (error instanceof ScreenChangedError)
      return { kind: 'changed', missing: error.anchor, page, inspector };
    throw error;
  }
}
