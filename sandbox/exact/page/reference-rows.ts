/**
 * Rows of the second screen. Differences from the standard screen, each where
 * docs/exact-online.md, The line grid has no source: no row is ever added by itself (new rows
 * only through `<row>_insert`), a removed row leaves the DOM instead of carrying a `_Deleted` flag, rows are striped
 * `DataLight`/`DataDark` instead of `GridRow`, and a number change is rounded at once but
 * recalculated behind the spinner, like a validation.
 */

import { openBrowsePopup } from './browse-popup';
import { ROW_TOKEN } from './config';
import { byId } from './grid-dom';
import { fetchLookup, setRef } from './lookups';
import { openNotesDialog } from './notes-dialog';
import { formatCents, formatScaled } from './number-format';
import { REFERENCE_GRID, REFERENCE_PRICE, type ReferenceConfig } from './reference-config';
import { type ReferenceLabels, referenceLabelsFor } from './reference-labels';
import {
  gridRows,
  normaliseNumbers,
  onChangePriceEntry,
  setFieldValue,
  showRowAmount,
  showTotals,
} from './reference-recalc';
import type { ValidationQueue } from './validation-queue';

export interface ReferenceContext {
  win: Window & typeof globalThis;
  config: ReferenceConfig;
  queue: ValidationQueue;
}

export function bindReferenceRow(ctx: ReferenceContext, rowId: string): void {
  const { win, config } = ctx;
  const doc = win.document;
  const labels = referenceLabelsFor(config.language);
  const alt = byId(doc, `${rowId}_Item_alt`);
  alt.onchange = () => {
    void validateItem(ctx, rowId, alt.value);
  };
  byId<HTMLButtonElement>(doc, `p${rowId}_Item`).onclick = () => {
    openBrowsePopup(doc, alt, config.items, (code) => {
      alt.value = code;
      alt.dispatchEvent(new win.Event('change', { bubbles: true }));
    });
  };
  const numberChanged = (): void => {
    // The kept value shows at once; the amount follows when the page has "validated" the line.
    normaliseNumbers(doc, config, rowId);
    void ctx.queue.run(async () => {
      await new Promise((resolve) => win.setTimeout(resolve, config.recalcDelayMs));
      if (!doc.getElementById(rowId)) return;
      showRowAmount(doc, config, rowId);
      showTotals(doc, config);
    });
  };
  byId(doc, `${rowId}_Quantity`).onchange = numberChanged;
  byId(doc, `${rowId}_${REFERENCE_PRICE}`).onchange = numberChanged;
  byId<HTMLSelectElement>(doc, `${rowId}_VATCode`).onchange = () => onChangePriceEntry(doc, config, rowId);
  byId<HTMLButtonElement>(doc, `${rowId}_insert`).onclick = () => insertAfter(ctx, rowId);
  byId<HTMLButtonElement>(doc, `${rowId}_remove`).onclick = () => removeRow(ctx, rowId);
  for (const icon of ['i1', 'i2']) {
    byId<HTMLImageElement>(doc, `${icon}${rowId}_Notes`).onclick = () => editNotes(doc, labels, rowId);
  }
}

function newRow(ctx: ReferenceContext): HTMLTableRowElement {
  const doc = ctx.win.document;
  const template = byId<HTMLTemplateElement>(doc, 'RowTemplate');
  const source = template.content.querySelector('tr');
  if (!source) throw new Error('#RowTemplate has no row');
  const row = doc.importNode(source, true) as HTMLTableRowElement;
  const rowId = `${REFERENCE_GRID}_r${ctx.config.nextRow}`;
  ctx.config.nextRow += 1;
  for (const element of [row, ...row.querySelectorAll('*')]) {
    for (const name of ['id', 'name', 'for']) {
      const value = element.getAttribute(name);
      if (value?.includes(ROW_TOKEN)) element.setAttribute(name, value.split(ROW_TOKEN).join(rowId));
    }
  }
  return row;
}

function stripe(doc: Document): void {
  gridRows(doc).forEach((row, index) => {
    row.className = index % 2 === 0 ? 'DataLight' : 'DataDark';
  });
}

export function insertAfter(ctx: ReferenceContext, rowId: string): HTMLTableRowElement {
  const doc = ctx.win.document;
  const row = newRow(ctx);
  byId<HTMLTableRowElement>(doc, rowId).after(row);
  bindReferenceRow(ctx, row.id);
  stripe(doc);
  return row;
}

function removeRow(ctx: ReferenceContext, rowId: string): void {
  const doc = ctx.win.document;
  byId<HTMLTableRowElement>(doc, rowId).remove();
  // A grid without rows would have no insert button left: it gets one empty row back.
  if (gridRows(doc).length === 0) {
    const row = newRow(ctx);
    byId<HTMLTableElement>(doc, REFERENCE_GRID).querySelector('tbody')?.append(row);
    bindReferenceRow(ctx, row.id);
  }
  stripe(doc);
  showTotals(doc, ctx.config);
}

function validateItem(ctx: ReferenceContext, rowId: string, typed: string): Promise<void> {
  const { win, config, queue } = ctx;
  const doc = win.document;
  const labels = referenceLabelsFor(config.language);
  const fieldId = `${rowId}_Item`;
  const hidden = byId(doc, fieldId);
  const code = typed.trim();
  return queue.run(async () => {
    if (code === '') {
      setFieldValue(hidden, '');
      setRef(doc, fieldId, '', false);
      return;
    }
    const result = await fetchLookup(win, config, 'Item', code).catch(() => null);
    if (!doc.getElementById(rowId)) return;
    if (!result?.found) {
      setFieldValue(hidden, '');
      setRef(doc, fieldId, result ? labels.unknownItem : labels.lookupFailed, true);
      return;
    }
    setFieldValue(hidden, result.id);
    setFieldValue(byId(doc, `${fieldId}_alt`), result.code);
    setRef(doc, fieldId, result.description, false);
    // Unlike the standard screen, the item fills only what is still empty (and always its VAT).
    const description = byId(doc, `${rowId}_Description`);
    if (description.value.trim() === '') setFieldValue(description, result.description);
    const price = byId(doc, `${rowId}_${REFERENCE_PRICE}`);
    if (price.value.trim() === '')
      setFieldValue(price, formatCents(result.unitPriceCents ?? 0, config.language));
    byId<HTMLSelectElement>(doc, `${rowId}_VATCode`).value = result.vatCode ?? '';
    const quantity = byId(doc, `${rowId}_Quantity`);
    if (quantity.value.trim() === '') setFieldValue(quantity, formatScaled(100, config.language, 2));
    onChangePriceEntry(doc, config, rowId);
  });
}

function editNotes(doc: Document, labels: ReferenceLabels, rowId: string): void {
  const hidden = byId(doc, `${rowId}_Notes`);
  openNotesDialog(doc, labels, hidden.value, (text) => {
    setFieldValue(hidden, text);
    const filled = byId<HTMLImageElement>(doc, `i1${rowId}_Notes`);
    filled.title = text;
    filled.style.display = text === '' ? 'none' : '';
    byId<HTMLImageElement>(doc, `i2${rowId}_Notes`).style.display = text === '' ? '' : 'none';
  });
}
