/**
 * What the panel may know about Exact's invoice screen. Everything that touches Exact's DOM sits
 * behind this interface (docs/architecture.md, Exact's DOM only in content/exact); the panel never queries
 * the page itself.
 */

export type NumberLocale = 'nl' | 'en';

/** The header of the invoice as the page shows it now. */
export interface InvoiceScreen {
  /** `_Division_` from the frame URL. */
  division: number;
  /** Exact's InvoiceID (GUID, lower case, no braces) once the invoice is saved; null for a new one. */
  invoiceId: string | null;
  invoiceNumber: string | null;
  /** The customer chosen in the header, null when none yet. */
  customer: { id: string; code: string; name: string } | null;
  /** How the page writes numbers: nl "1.234,50", en "1,234.50". */
  numberLocale: NumberLocale;
}

/** Header fields beyond the customer: what an invoice made by hand says about its period. */
export interface InvoiceHeader {
  /** The invoice date as Y-m-d, null when the field is missing or not a date. */
  invoiceDate: string | null;
  /** The invoice's own description ("Uren oktober 2026"), '' when none. */
  description: string;
}

/** One row of Exact's line grid, read back as text the way the page shows it. */
export interface GridRow {
  rowId: string;
  itemCode: string;
  description: string;
  quantityText: string;
  unitPriceText: string;
  notes: string;
  /** The page's own line amount, in cents; null when the row has none. */
  amountCents: number | null;
}

/** What Urenbrug writes into one row. Numbers already formatted in the page's locale. */
export interface LineToWrite {
  itemCode: string;
  description: string;
  quantityText: string;
  unitPriceText: string;
  notes: string;
}

export interface PageTotals {
  /** The page's own total excluding VAT, in cents. */
  amountExclVatCents: number;
  lineCount: number;
}

/** Thrown when an anchor the registry expects is missing: Exact changed this screen. */
export class ScreenChangedError extends Error {
  override readonly name = 'ScreenChangedError';
  constructor(readonly anchor: string) {
    super(`Exact Online screen changed: "${anchor}" not found`);
  }
}

/** A save of a new invoice, reported by the page Exact answered with. */
export interface SaveReport {
  screen: InvoiceScreen;
  /** The draft key the new invoice had when Save was clicked. */
  draftKey: string;
}

export interface ExactInvoicePage {
  readScreen(): InvoiceScreen;
  readHeader(): InvoiceHeader;
  /** Rows that hold something (an item or a description); the trailing empty row is left out. */
  readRows(): GridRow[];
  /**
   * Writes one line as a person would (item lookup first, waiting for Exact to settle, then
   * description, quantity, price, notes) into `rowId`, or into the first empty row when null,
   * and reads it back. Rejects with ScreenChangedError, or an Error when Exact refused a value.
   */
  writeLine(rowId: string | null, line: LineToWrite, signal: AbortSignal): Promise<GridRow>;
  /** Clears a row Urenbrug wrote earlier (for lines that are no longer in the plan). */
  clearLine(rowId: string, signal: AbortSignal): Promise<void>;
  /** Exact's own totals, or null when the screen shows none Urenbrug can find (the panel says so). */
  readTotals(): PageTotals | null;
  /**
   * Calls back when this load is the answer to a Save clicked on this tab's new invoice (its
   * draft key, `draftKey()` at the click). A Save on an invoice that was already saved, a
   * refused save, or merely opening another invoice never calls back.
   */
  onSaved(
    callback: (saved: SaveReport) => void,
    signal: AbortSignal,
    draftKey: () => string | null,
    now?: () => number,
  ): void;
  /** Calls back when Exact has settled a new customer in the header, until the signal aborts. */
  onCustomerChange(callback: () => void, signal: AbortSignal): void;
}

/**
 * The anchors the screen check lists (docs/architecture.md, Anchor tiers). The first six are
 * required to write a line; every other one is optional and its absence has a stated cost.
 */
export const REQUIRED_ANCHORS = ['grid', 'rows', 'item', 'description', 'quantity', 'unitPrice'] as const;
export const OPTIONAL_ANCHORS = [
  'title',
  'customer',
  'invoiceNumber',
  'invoiceId',
  'totals',
  'lineCount',
  'saveButton',
  'spinner',
  'amount',
  'notes',
  'invoiceDate',
  'invoiceDescription',
  'numberFormat',
] as const;
export type AnchorName = (typeof REQUIRED_ANCHORS)[number] | (typeof OPTIONAL_ANCHORS)[number];

/** One anchor as the screen check found it. */
export interface AnchorCheck {
  anchor: AnchorName;
  required: boolean;
  found: boolean;
  /** Which id or which heuristic found it, or what was looked for; technical, for support. */
  how: string;
  /** Whether the panel states what its absence costs (a new invoice has no number: no cost). */
  costly: boolean;
}

/** The screen check and the anonymised skeleton, available also when the page cannot be used. */
export interface ScreenInspector {
  check(): AnchorCheck[];
  /** The screen's structure as JSON text, without any value, cell text or customer data. */
  skeleton(): string;
}
