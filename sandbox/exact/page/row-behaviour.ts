/**
 * Behaviour of one grid row: the item lookup, quantity/price recalculation, insert and delete
 * buttons, and the notes icon. Handlers are set as `on…` properties, as Exact's markup does, so
 * code that calls `input.onchange(event)` (docs/exact-online.md, Events and validation) reaches them too.
 */

import { openBrowsePopup } from './browse-popup';
import type { PageConfig } from './config';
import { byId, createRow, gridBody, liveRows } from './grid-dom';
import { type Labels, labelsFor } from './labels';
import { fetchLookup, setRef } from './lookups';
import { openNotesDialog } from './notes-dialog';
import { formatCents, formatQuantity, QUANTITY_DECIMALS } from './number-format';
import { changePriceEntry, recalcTotals } from './recalc';
import type { ValidationQueue } from './validation-queue';

export interface RowContext {
  win: Window & typeof globalThis;
  config: PageConfig;
  queue: ValidationQueue;
}

export function bindRow(ctx: RowContext, rowId: string): void {
  const { win, config } = ctx;
  const doc = win.document;
  const labels = labelsFor(config.language);
  const itemId = `${rowId}_${config.itemField}`;
  const alt = byId(doc, `${itemId}_alt`);
  alt.onchange = () => {
    void validateItem(ctx, rowId, alt.value);
  };
  byId<HTMLButtonElement>(doc, `p${itemId}`).onclick = () => {
    openBrowsePopup(doc, alt, config.items, (code) => {
      alt.value = code;
      alt.dispatchEvent(new win.Event('change', { bubbles: true }));
    });
  };
  const recalc = (): void => changePriceEntry(doc, config, rowId);
  for (const suffix of ['Quantity', 'UnitPrice']) {
    const input = byId(doc, `${rowId}_${suffix}`);
    input.onchange = recalc;
    input.onblur = recalc;
  }
  byId<HTMLSelectElement>(doc, `${rowId}_VATCode`).onchange = recalc;
  byId<HTMLButtonElement>(doc, `${rowId}_insert`).onclick = () => {
    const row = createRow(doc, config);
    byId<HTMLTableRowElement>(doc, rowId).after(row);
    bindRow(ctx, row.id);
  };
  byId<HTMLButtonElement>(doc, `${rowId}_delete`).onclick = () => deleteRow(ctx, rowId);
  for (const icon of ['i1', 'i2']) {
    byId<HTMLImageElement>(doc, `${icon}${rowId}_Notes`).onclick = () => editNotes(doc, labels, rowId);
  }
}

/** Appends an empty row at the end of the grid, as Exact does when the last row is used. */
export function appendRow(ctx: RowContext): HTMLTableRowElement {
  const doc = ctx.win.document;
  const row = createRow(doc, ctx.config);
  gridBody(doc, ctx.config).append(row);
  bindRow(ctx, row.id);
  return row;
}

function validateItem(ctx: RowContext, rowId: string, typed: string): Promise<void> {
  const { win, config, queue } = ctx;
  const doc = win.document;
  const labels = labelsFor(config.language);
  const fieldId = `${rowId}_${config.itemField}`;
  const hidden = byId(doc, fieldId);
  const code = typed.trim();
  return queue.run(async () => {
    if (code === '') {
      hidden.value = '';
      setRef(doc, fieldId, '', false);
      recalcTotals(doc, config);
      return;
    }
    const result = await fetchLookup(win, config, 'Item', code).catch(() => null);
    if (!result?.found) {
      hidden.value = '';
      setRef(doc, fieldId, result ? labels.unknownItem : labels.lookupFailed, true);
      recalcTotals(doc, config);
      return;
    }
    hidden.value = result.id;
    byId(doc, `${fieldId}_alt`).value = result.code;
    setRef(doc, fieldId, result.description, false);
    // Choosing an item resets the line to the item's defaults, as in Exact: fill the item first.
    byId(doc, `${rowId}_Description`).value = result.description;
    byId(doc, `${rowId}_UnitPrice`).value = formatCents(result.unitPriceCents ?? 0, config.language);
    byId<HTMLSelectElement>(doc, `${rowId}_VATCode`).value = result.vatCode ?? '';
    const quantity = byId(doc, `${rowId}_Quantity`);
    if (quantity.value.trim() === '')
      quantity.value = formatQuantity(10 ** QUANTITY_DECIMALS, config.language);
    changePriceEntry(doc, config, rowId);
    const rows = liveRows(doc, config);
    if (rows[rows.length - 1]?.id === rowId) appendRow(ctx);
  });
}

function deleteRow(ctx: RowContext, rowId: string): void {
  const doc = ctx.win.document;
  byId(doc, `${rowId}_Deleted`).value = '1';
  byId<HTMLTableRowElement>(doc, rowId).style.display = 'none';
  if (liveRows(doc, ctx.config).length === 0) appendRow(ctx);
  recalcTotals(doc, ctx.config);
}

function editNotes(doc: Document, labels: Labels, rowId: string): void {
  const hidden = byId(doc, `${rowId}_Notes`);
  openNotesDialog(doc, labels, hidden.value, (text) => {
    hidden.value = text;
    const filled = byId<HTMLImageElement>(doc, `i1${rowId}_Notes`);
    filled.title = text;
    filled.style.display = text === '' ? 'none' : '';
    byId<HTMLImageElement>(doc, `i2${rowId}_Notes`).style.display = text === '' ? '' : 'none';
  });
}
