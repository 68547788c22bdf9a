/**
 * The sales-invoice screen behind the ExactInvoicePage interface: reads the header, the grid and
 * the totals, and writes lines as a person would (docs/architecture.md, Filling Exact's grid): item lookup
 * first and wait for Exact to settle, then description, quantity and price in the page's number format, then
 * notes; and never assumes a write took — every line is read back and compared.
 */
import type { Locale } from '../../core/locale';
import { divisionFromUrl } from './division';
import { isShown, typeInto } from './fields';
import { gridTable, isEmptyRow, liveRows, type RowFields, readRow, rowFields } from './grid';
import { parseAmountCents, parseDayFirstDate, parseScaled } from './page-numbers';
import { optionalAnchorText, requireAnchor } from './read-anchor';
import { markSaving, takeSaving } from './save-flag';
import { ANCHORS, ENTRY_ID_PARAM, findAnchor, ROW_FIELDS } from './selectors';
import {
  type ExactInvoicePage,
  type GridRow,
  type InvoiceHeader,
  type InvoiceScreen,
  type LineToWrite,
  type PageTotals,
  ScreenChangedError,
} from './types';
import { waitUntil } from './wait';

/** Exact's lookups answer in well under a second; a slow tenant gets generous room. */
const LOOKUP_TIMEOUT_MS = 15_000;
/** How long a new empty row may take to appear after the last one got an item. */
const NEW_ROW_TIMEOUT_MS = 3_000;

function numberLocaleOf(doc: Document): Locale {
  // INFERRED: Exact renders the user's language in <html lang>; numbers follow it.
  return doc.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

function normaliseGuid(value: string): string | null {
  const match = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(value);
  return match ? match[0].toLowerCase() : null;
}

export function createExactInvoicePage(doc: Document): ExactInvoicePage {
  const win = doc.defaultView;
  if (!win) throw new Error('The invoice document has no window');
  const locale = numberLocaleOf(doc);
  const spinner = () => findAnchor(doc, ANCHORS.spinner);
  const lookupSettled = () => {
    const image = spinner();
    return !image || !isShown(image);
  };

  function readScreen(): InvoiceScreen {
    const division = divisionFromUrl(win?.location.href ?? '');
    if (division === null) throw new ScreenChangedError('_Division_');
    // A new draft has neither an EntryID field nor a number: both are absent until Exact saved it.
    const entryField = findAnchor<HTMLInputElement>(doc, ANCHORS.entryId);
    const fromField = entryField === null ? null : normaliseGuid(entryField.value);
    const fromUrl = ENTRY_ID_PARAM.exec(win?.location.href ?? '')?.[1] ?? '';
    const invoiceId = fromField ?? normaliseGuid(fromUrl);
    const numberText = optionalAnchorText(doc, ANCHORS.invoiceNumber);
    const customerId = requireAnchor<HTMLInputElement>(doc, ANCHORS.customerId).value.trim();
    const customerCode = requireAnchor<HTMLInputElement>(doc, ANCHORS.customerCode).value.trim();
    // The id and code identify the customer; a lookup without its description shows no name.
    const customerName = optionalAnchorText(doc, ANCHORS.customerName) ?? '';
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
    const date = findAnchor<HTMLInputElement>(doc, ANCHORS.invoiceDate);
    const description = findAnchor<HTMLInputElement>(doc, ANCHORS.invoiceDescription);
    return {
      invoiceDate: date === null ? null : parseDayFirstDate(date.value),
      description: description === null ? '' : description.value.trim(),
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
    const findEmpty = () =>
      liveRows(doc)
        .map((row) => rowFields(doc, row))
        .find(isEmptyRow);
    let found = findEmpty();
    if (!found) {
      // Exact appends an empty row after the last one gets an item; give it a moment.
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
    if (!found) {
      // FOUND (US-ZETHET): each row has an `_insert` button that adds a row.
      const last = liveRows(doc).at(-1);
      const insert = last ? doc.getElementById(`${last.id}_insert`) : null;
      if (!insert) throw new ScreenChangedError('new line');
      insert.click();
      await waitUntil(() => findEmpty() !== undefined, {
        observe: [grid],
        signal,
        timeoutMs: NEW_ROW_TIMEOUT_MS,
        what: 'a new empty line',
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
    // INFERRED: Exact keeps line notes in the hidden `<row>_Notes` that the memo popup fills;
    // writing it directly skips the popup. The icons show whether a note exists.
    fields.notes.value = notes;
    fields.notes.dispatchEvent(new Event('change', { bubbles: true }));
    const filled = doc.getElementById(`i1${fields.row.id}_${ROW_FIELDS.notes}`);
    const empty = doc.getElementById(`i2${fields.row.id}_${ROW_FIELDS.notes}`);
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
    if (parseScaled(row.quantityText, locale, 4) !== parseScaled(line.quantityText, locale, 4))
      problems.push('quantity');
    if (parseScaled(row.unitPriceText, locale, 2) !== parseScaled(line.unitPriceText, locale, 2))
      problems.push('price');
    if (row.notes !== line.notes) problems.push('notes');
    if (problems.length > 0)
      throw new Error(`Exact Online did not keep the ${problems.join(', ')} of line ${row.rowId}`);
  }

  return {
    readScreen,
    readHeader,

    readRows() {
      return liveRows(doc)
        .map((row) => rowFields(doc, row))
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
      await waitUntil(lookupSettled, {
        observe: [spinner() ?? doc.body],
        signal,
        timeoutMs: LOOKUP_TIMEOUT_MS,
        what: 'recalculating',
      });
      const written = readRow(fields, locale);
      verify(written, line);
      return written;
    },

    async clearLine(rowId, signal) {
      const fields = rowById(rowId);
      const remove = doc.getElementById(`${rowId}_${ROW_FIELDS.deleteButton}`);
      if (remove) {
        remove.click();
      } else {
        typeInto(fields.itemCode, '');
        typeInto(fields.description, '');
        typeInto(fields.quantity, '');
        typeInto(fields.unitPrice, '');
        writeNotes(fields, '');
      }
      await waitUntil(lookupSettled, {
        observe: [spinner() ?? doc.body],
        signal,
        timeoutMs: LOOKUP_TIMEOUT_MS,
        what: 'removing a line',
      });
    },

    readTotals(): PageTotals {
      const total = requireAnchor(doc, ANCHORS.totalExclVat).textContent ?? '';
      const amount = parseAmountCents(total, locale);
      if (amount === null) throw new ScreenChangedError(ANCHORS.totalExclVat.name);
      // Not every layout shows Exact's own count; the live rows are then the count.
      const countText = optionalAnchorText(doc, ANCHORS.lineCount);
      const lineCount =
        countText !== null && /^\d+$/.test(countText) ? Number(countText) : this.readRows().length;
      return { amountExclVatCents: amount, lineCount };
    },

    onCustomerChange(callback, signal) {
      // Exact writes the customer's name into `_ref` once its lookup settled: the narrowest
      // place that changes exactly when the customer does.
      const name = findAnchor(doc, ANCHORS.customerName);
      if (!name) return;
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
      const save = findAnchor(doc, ANCHORS.saveButton);
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
