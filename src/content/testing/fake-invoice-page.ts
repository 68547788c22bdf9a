/**
 * An in-memory stand-in for Exact's invoice screen, behind the same interface as the real page
 * module: rows with ids like Exact's, a trailing empty row, amounts computed from what was
 * typed, and a save that hands out an invoice id. For component tests only.
 */
import { exactLineAmountCents } from '../../core/hours';
import { parseMoney } from '../../core/money';
import {
  type ExactInvoicePage,
  type GridRow,
  type InvoiceHeader,
  type InvoiceScreen,
  type LineToWrite,
  type PageTotals,
  type SaveReport,
  ScreenChangedError,
} from '../exact/types';

type RowText = Omit<GridRow, 'amountCents'>;

const EMPTY: Omit<RowText, 'rowId'> = {
  itemCode: '',
  description: '',
  quantityText: '',
  unitPriceText: '',
  notes: '',
};

/** "38,25" (nl) / "38.25" (en) to ten-thousandths of an hour, null when not a number. */
function quantity(text: string, locale: 'nl' | 'en'): number | null {
  const normal = locale === 'nl' ? text.replace(',', '.') : text;
  if (!/^-?\d+(\.\d{1,4})?$/.test(normal.trim())) return null;
  const [whole = '0', fraction = ''] = normal.trim().replace('-', '').split('.');
  const value = Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'));
  return normal.trim().startsWith('-') ? -value : value;
}

export class FakeInvoicePage implements ExactInvoicePage {
  rows: RowText[] = [];
  screen: InvoiceScreen;
  header: InvoiceHeader = { invoiceDate: null, description: '' };
  /** Set to an anchor name to make every call throw ScreenChangedError. */
  brokenAnchor: string | null = null;
  /** Make writeLine refuse a line (like Exact refusing an unknown item). */
  refuse: ((line: LineToWrite) => string | null) | null = null;
  writes: { rowId: string | null; line: LineToWrite }[] = [];
  clears: string[] = [];
  /** Resolve writes only when the test says so (to test progress and cancel). */
  gate: Promise<void> | null = null;
  private savedCallbacks: { callback: (saved: SaveReport) => void; draftKey: () => string | null }[] = [];
  private customerCallbacks: (() => void)[] = [];
  private nextRow = 0;

  constructor(screen: Partial<InvoiceScreen> = {}) {
    this.screen = {
      division: 123456,
      invoiceId: null,
      invoiceNumber: null,
      customer: { id: 'c-1', code: '   1001', name: 'Bakkerij De Vries B.V.' },
      numberLocale: 'nl',
      ...screen,
    };
  }

  private check(): void {
    if (this.brokenAnchor !== null) throw new ScreenChangedError(this.brokenAnchor);
  }

  private toGrid(row: RowText): GridRow {
    const hours = quantity(row.quantityText, this.screen.numberLocale);
    const price = parseMoney(row.unitPriceText, this.screen.numberLocale);
    const amountCents =
      hours === null || price === null ? null : exactLineAmountCents({ tenThousandths: hours }, price);
    return { ...row, amountCents };
  }

  private isEmpty(row: RowText): boolean {
    return row.itemCode === '' && row.description === '';
  }

  readHeader(): InvoiceHeader {
    this.check();
    return { ...this.header };
  }

  readScreen(): InvoiceScreen {
    this.check();
    return structuredClone(this.screen);
  }

  readRows(): GridRow[] {
    this.check();
    return this.rows.filter((row) => !this.isEmpty(row)).map((row) => this.toGrid(row));
  }

  async writeLine(rowId: string | null, line: LineToWrite, signal: AbortSignal): Promise<GridRow> {
    this.check();
    if (this.gate) await this.gate;
    signal.throwIfAborted();
    const refused = this.refuse?.(line) ?? null;
    if (refused !== null) throw new Error(refused);
    this.writes.push({ rowId, line });
    let row =
      rowId === null
        ? this.rows.find((candidate) => this.isEmpty(candidate))
        : this.rows.find((r) => r.rowId === rowId);
    if (!row) {
      if (rowId !== null) throw new Error(`no row ${rowId}`);
      row = { rowId: `grd_r${this.nextRow++}`, ...EMPTY };
      this.rows.push(row);
    }
    // Exact shows item codes in upper case after its lookup.
    Object.assign(row, { ...line, itemCode: line.itemCode.toUpperCase() });
    return this.toGrid(row);
  }

  async clearLine(rowId: string, signal: AbortSignal): Promise<void> {
    this.check();
    signal.throwIfAborted();
    const row = this.rows.find((candidate) => candidate.rowId === rowId);
    if (!row) throw new Error(`no row ${rowId}`);
    this.clears.push(rowId);
    Object.assign(row, EMPTY);
  }

  readTotals(): PageTotals {
    this.check();
    const rows = this.readRows();
    return {
      amountExclVatCents: rows.reduce((total, row) => total + (row.amountCents ?? 0), 0),
      lineCount: rows.length,
    };
  }

  onCustomerChange(callback: () => void, signal: AbortSignal): void {
    this.customerCallbacks.push(callback);
    signal.addEventListener('abort', () => {
      this.customerCallbacks = this.customerCallbacks.filter((candidate) => candidate !== callback);
    });
  }

  onSaved(callback: (saved: SaveReport) => void, signal: AbortSignal, draftKey: () => string | null): void {
    const entry = { callback, draftKey };
    this.savedCallbacks.push(entry);
    signal.addEventListener('abort', () => {
      this.savedCallbacks = this.savedCallbacks.filter((candidate) => candidate !== entry);
    });
  }

  // ── what a person does in Exact ─────────────────────────────────────────────────────────
  personSetsCustomer(customer: InvoiceScreen['customer']): void {
    this.screen = { ...this.screen, customer };
    for (const callback of this.customerCallbacks) callback();
  }

  personAdds(content: Partial<Omit<RowText, 'rowId'>>): string {
    const row: RowText = { rowId: `grd_r${this.nextRow++}`, ...EMPTY, ...content };
    this.rows.push(row);
    return row.rowId;
  }

  personEdits(rowId: string, patch: Partial<Omit<RowText, 'rowId'>>): void {
    const row = this.rows.find((candidate) => candidate.rowId === rowId);
    if (!row) throw new Error(`no row ${rowId}`);
    Object.assign(row, patch);
  }

  /** Exact saves the screen; only a new invoice's save is reported, as the real page does. */
  save(invoiceId: string, invoiceNumber: string): void {
    const wasNew = this.screen.invoiceId === null;
    const keys = this.savedCallbacks.map((entry) => entry.draftKey());
    this.screen = { ...this.screen, invoiceId, invoiceNumber };
    this.savedCallbacks.forEach((entry, index) => {
      const draftKey = keys[index];
      if (wasNew && draftKey) entry.callback({ screen: structuredClone(this.screen), draftKey });
    });
  }

  /** The non-empty rows as plain objects, for assertions. */
  snapshot(): GridRow[] {
    return this.rows.filter((row) => !this.isEmpty(row)).map((row) => this.toGrid(row));
  }
}
