/**
 * The sales-invoice screen behind the ExactInvoicePage interface: reads the header, the grid and
 * the totals, and writes lines as a person would (docs/architecture.md, Filling Exact's grid): item lookup
 * first and wait for Exact to settle, then description, quantity and price in the page's number format, then
 * notes; and never assumes a write took — every line is read back and compared.
 */
import type { Locale } from '../../core/locale';
import { divisionFromUrl } from './division';
import { isShown, typeInto } from './fields';
import {
  allRowFields,
  gridTable,
  isEmptyRow,
  liveRows,
  type RowFields,
  readRow,
  rowButton,
  rowFields,
} from './grid';
import {
  locateCustomer,
  locateInput,
  locateInvoiceId,
  locateInvoiceNumber,
  locateLineCount,
  locateNumberLocale,
  locateSaveButton,
  locateSpinner,
  locateTotal,
  pageAmounts,
} from './locate';
import { readValue } from './meaning';
import { parseAmountCents, parseDayFirstDate, parseScaled } from './page-numbers';
import { markSaving, takeSaving } from './save-flag';
import { ANCHORS, LABELS, ROW_PARTS } from './selectors';
import {
  type ExactInvoicePage,
  type GridRow,
  type InvoiceHeader,
  type InvoiceScreen,
  type LineToWrite,
  type PageTotals,
  ScreenChangedError,
} from './types';
import { waitForQuiet, waitUntil } from './wait';

/** Exact's lookups answer in well under a second; a slow tenant gets generous room. */
const LOOKUP_TIMEOUT_MS = 15_000;
/** How long a new empty row may take to appear after the last one got an item. */
const NEW_ROW_TIMEOUT_MS = 3_000;

/** Without Exact's spinner a row counts as settled once it has been still this long. */
const QUIET_MS = 250;

export function numberLocaleOf(doc: Document): Locale {
  return locateNumberLocale(doc, pageAmounts(doc)).value;
}

export function createExactInvoicePage(doc: Document): ExactInvoicePage {
  const win = doc.defaultView;
  if (!win) throw new Error('The invoice document has no window');
  const locale = numberLocaleOf(doc);
  const spinner = () => locateSpinner(doc)?.value ?? null;
  const lookupSettled = () => {
    const image = spinner();
    return !image || !isShown(image);
  };
  /** Exact's recalculation after a change: behind its spinner, or without one until the row is still. */
  async function settled(row: HTMLElement, signal: AbortSignal, what: string): Promise<void> {
    const image = spinner();
    if (image === null) {
      await waitForQuiet(row, { signal, quietMs: QUIET_MS, timeoutMs: LOOKUP_TIMEOUT_MS, what });
      return;
    }
    await waitUntil(lookupSettled, { observe: [image], signal, timeoutMs: LOOKUP_TIMEOUT_MS, what });
  }

  function readScreen(): InvoiceScreen {
    const division = divisionFromUrl(win?.location.href ?? '');
    if (division === null) throw new ScreenChangedError('_Division_');
    // A new draft has neither an id nor a number: both are absent until Exact saved it.
    const invoiceId = locateInvoiceId(doc)?.value ?? null;
    const numberText = locateInvoiceNumber(doc)?.value ?? null;
    // Without a customer lookup the panel says so once (screen check) and lets the bookkeeper choose.
    const lookup = locateCustomer(doc)?.value ?? null;
    const customerId = lookup === null ? '' : lookup.id.value.trim();
    const customerCode = lookup === null ? '' : lookup.code.value.trim();
    // The id and code identify the customer; a lookup without its description shows no name.
    const customerName =
      lookup === null || lookup.name === null ? '' : (lookup.name.textContent ?? '').trim();
    return {
      division,
      invoiceId,
      invoiceNumber: invoiceId && numberText ? numberText : null,
      customer: customerId === '' ? null : { id: customerId, code: customerCode, name: customerName },
      numberLocale: locale,
    };
  }

  function readHeader(): InvoiceHeader {
    // Both are optional: a screen without them still fills and links, it only proposes less well.
    const date = locateInput(doc, ANCHORS.invoiceDate, LABELS.invoiceDate);
    const description = locateInput(doc, ANCHORS.invoiceDescription, LABELS.invoiceDescription);
    return {
      invoiceDate: date === null ? null : parseDayFirstDate(date.value.value),
      description: description === null ? '' : description.value.value.trim(),
    };
  }

  function rowById(rowId: string): RowFields {
    const row = doc.getElementById(rowId);
    if (!(row instanceof win!.HTMLTableRowElement))
      throw new Error(`Row ${rowId} is no longer on the invoice`);
    return rowFields(doc, row);
  }

  async function emptyRow(signal: AbortSignal): Promise<RowFields> {
    const grid = gridTable(doc);
    const findEmpty = () => allRowFields(doc).find(isEmptyRow);
    let found = findEmpty();
    // FOUND (US-ZETHET): each row has an `_insert` button that adds a row. That Exact appends an
    // empty row by itself is assumed (docs/exact-online.md, The line grid): it would have done so when
    // the last line's item settled, so no empty row now means none is coming; insert one.
    const last = found ? undefined : liveRows(doc).at(-1);
    const insert = last ? rowButton(doc, last.id, [ROW_PARTS.insertButton]) : null;
    if (!found && insert) {
      insert.click();
      await waitUntil(() => findEmpty() !== undefined, {
        observe: [grid],
        signal,
        timeoutMs: NEW_ROW_TIMEOUT_MS,
        what: 'a new empty line',
      });
      found = findEmpty();
    } else if (!found) {
      // No insert button: the page may still append a row of its own.
      await waitUntil(() => findEmpty() !== undefined, {
        observe: [grid],
        signal,
        timeoutMs: NEW_ROW_TIMEOUT_MS,
        what: 'a new empty line',
      }).catch((error: unknown) => {
        if (signal.aborted) throw error;
      });
      found = findEmpty();
    }
    if (!found) throw new ScreenChangedError('new line');
    return found;
  }

  async function writeItem(fields: RowFields, code: string, signal: AbortSignal): Promise<void> {
    if (fields.itemCode.value.trim().toLowerCase() === code.toLowerCase() && fields.itemId.value !== '')
      return;
    const before = fields.itemId.value;
    typeInto(fields.itemCode, code);
    const refInvalid = () => fields.itemName?.style.color === 'red';
    await waitUntil(
      () =>
        lookupSettled() && ((fields.itemId.value !== '' && fields.itemId.value !== before) || refInvalid()),
      {
        observe: [fields.row, spinner() ?? doc.body],
        signal,
        timeoutMs: LOOKUP_TIMEOUT_MS,
        what: `item ${code}`,
      },
    );
    if (fields.itemId.value === '' || refInvalid()) {
      throw new Error(`Exact Online does not know item "${code}"`);
    }
  }

  function writeNotes(fields: RowFields, notes: string): void {
    if (!fields.notes) return;
    // FOUND (docs/exact-online.md, Notes): a userscript writes the hidden `<row>_Notes`
    // input's value and its value attribute, then fires input and change, skipping the memo
    // popup. The icons show whether a note exists.
    fields.notes.value = notes;
    fields.notes.setAttribute('value', notes);
    fields.notes.dispatchEvent(new Event('input', { bubbles: true }));
    fields.notes.dispatchEvent(new Event('change', { bubbles: true }));
    const filled = doc.getElementById(`i1${fields.notes.id}`);
    const empty = doc.getElementById(`i2${fields.notes.id}`);
    if (filled) {
      filled.style.display = notes === '' ? 'none' : '';
      filled.title = notes;
    }
    if (empty) empty.style.display = notes === '' ? '' : 'none';
  }

  function verify(row: GridRow, line: LineToWrite): void {
    const problems: string[] = [];
    if (row.itemCode.toLowerCase() !== line.itemCode.toLowerCase()) problems.push('item');
    if (row.description !== line.description) problems.push('description');
    // A quantity or price Exact kept as another number is named per line by the fill's read-back
    // (fill/readback.ts, docs/architecture.md, Write only what Exact keeps); only one it emptied or cannot show as a number is a refusal.
    if (parseScaled(row.quantityText, locale, 4) === null) problems.push('quantity');
    if (parseScaled(row.unitPriceText, locale, 2) === null) problems.push('price');
    // A screen without line notes keeps none; the screen check says so.
    if (row.notes !== line.notes && fieldsHaveNotes(row.rowId)) problems.push('notes');
    if (problems.length > 0)
      throw new Error(`Exact Online did not keep the ${problems.join(', ')} of line ${row.rowId}`);
  }

  function fieldsHaveNotes(rowId: string): boolean {
    return rowFields(doc, rowById(rowId).row).notes !== null;
  }

  return {
    readScreen,
    readHeader,

    readRows() {
      return allRowFields(doc)
        .filter((fields) => !isEmptyRow(fields))
        .map((fields) => readRow(fields, locale));
    },

    async writeLine(rowId, line, signal) {
      const fields = rowId ? rowById(rowId) : await emptyRow(signal);
      await writeItem(fields, line.itemCode, signal);
      // The item's lookup fills description and price with its defaults: ours come after.
      typeInto(fields.description, line.description);
      typeInto(fields.quantity, line.quantityText);
      typeInto(fields.unitPrice, line.unitPriceText);
      writeNotes(fields, line.notes);
      await settled(fields.row, signal, 'recalculating');
      const written = readRow(fields, locale);
      verify(written, line);
      return written;
    },

    async clearLine(rowId, signal) {
      const fields = rowById(rowId);
      const remove = rowButton(doc, rowId, ROW_PARTS.deleteButtons);
      if (remove) {
        remove.click();
      } else {
        typeInto(fields.itemCode, '');
        typeInto(fields.description, '');
        typeInto(fields.quantity, '');
        typeInto(fields.unitPrice, '');
        writeNotes(fields, '');
      }
      // A removed row may leave the document: then the grid is what settles.
      await settled(fields.row.isConnected ? fields.row : gridTable(doc), signal, 'removing a line');
    },

    readTotals(): PageTotals | null {
      // Optional (docs/architecture.md, Anchor tiers): without Exact's total each line is checked on its own.
      const total = locateTotal(doc, locale);
      const amount = total === null ? null : parseAmountCents(readValue(total.value), locale);
      if (amount === null) return null;
      // Not every layout shows Exact's own count; the live rows are then the count.
      const count = locateLineCount(doc);
      const countText = count === null ? '' : readValue(count.value).trim();
      const lineCount = /^\d+$/.test(countText) ? Number(countText) : this.readRows().length;
      return { amountExclVatCents: amount, lineCount };
    },

    onCustomerChange(callback, signal) {
      // Exact writes the customer's name into `_ref` once its lookup settled: the narrowest
      // place that changes exactly when the customer does.
      const lookup = locateCustomer(doc)?.value ?? null;
      const name = lookup === null ? null : lookup.name;
      if (name === null) return;
      const observer = new MutationObserver(() => callback());
      observer.observe(name, { childList: true, characterData: true, subtree: true });
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    },

    onSaved(callback, signal, draftKey, now = Date.now) {
      // Saving is a postback: the page that saved is gone before Exact answers. Remember the
      // click in the tab's session, only on a new invoice and with its draft key; the page that
      // comes back reports the save when the flag is its own (see save-flag.ts).
      const division = divisionFromUrl(win.location.href);
      if (division === null) return;
      let storage: Storage;
      try {
        storage = win.sessionStorage;
      } catch {
        return; // No session storage (privacy settings): no draft ever moves on a save.
      }
      // Without a save button there is no click to remember; a save that came back is still seen.
      const save = locateSaveButton(doc)?.value ?? null;
      if (save !== null) {
        save.addEventListener(
          'click',
          () => {
            let shown: InvoiceScreen;
            try {
              shown = readScreen();
            } catch {
              return;
            }
            const key = draftKey();
            if (shown.invoiceId === null && key) markSaving(storage, division, key, now());
          },
          { capture: true, signal },
        );
      }
      let screen: InvoiceScreen;
      try {
        screen = readScreen();
      } catch {
        takeSaving(storage, division, null, now());
        return;
      }
      const savedDraft = takeSaving(storage, division, screen.invoiceId, now());
      if (savedDraft && screen.invoiceId) {
        queueMicrotask(() => {
          if (!signal.aborted) callback({ screen, draftKey: savedDraft });
        });
      }
    },
  };
}
