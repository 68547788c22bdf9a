/**
 * Which Exact screen this frame shows. The panel only acts on the sales-invoice entry screen; a
 * frame at that screen's address whose anchors are gone means Exact changed the screen, which
 * the panel must say out loud instead of guessing (docs/architecture.md, Anchor tiers).
 */
import { liveRows, rowFields } from './grid';
import { createExactInvoicePage } from './page';
import { requireAnchor } from './read-anchor';
import { ANCHORS, INVOICE_SCREEN_PATH, INVOICE_TITLES } from './selectors';
import { type ExactInvoicePage, ScreenChangedError } from './types';

export type ScreenDetection =
  | { kind: 'invoice'; page: ExactInvoicePage }
  | { kind: 'changed'; missing: string }
  | { kind: 'other' };

/** Looks at the document once; call again after Exact re-renders. */
export function detectInvoiceScreen(doc: Document): ScreenDetection {
  const path = doc.defaultView?.location.pathname ?? '';
  if (!INVOICE_SCREEN_PATH.test(path)) return { kind: 'other' };
  try {
    const title = (requireAnchor(doc, ANCHORS.title).textContent ?? '').trim().toLowerCase();
    if (!INVOICE_TITLES.includes(title)) throw new ScreenChangedError(ANCHORS.title.name);
    const page = createExactInvoicePage(doc);
    page.readScreen();
    const firstRow = liveRows(doc)[0];
    if (!firstRow) throw new ScreenChangedError('grid row');
    rowFields(doc, firstRow);
    page.readTotals();
    return { kind: 'invoice', page };
  } catch (error) {
    if (error instanceof ScreenChangedError) return { kind: 'changed', missing: error.anchor };
    throw error;
  }
}
