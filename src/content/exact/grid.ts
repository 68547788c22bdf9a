/**
 * Reading Exact's line grid: rows, their fields and their text, through the selector registry.
 */
import type { Locale } from '../../core/locale';
import { parseAmountCents } from './page-numbers';
import { ANCHORS, findAnchor, LOOKUP_SUFFIX, ROW_FIELDS, ROW_SELECTOR } from './selectors';
import { type GridRow, ScreenChangedError } from './types';

export interface RowFields {
  row: HTMLTableRowElement;
  itemId: HTMLInputElement;
  itemCode: HTMLInputElement;
  itemName: HTMLElement | null;
  description: HTMLInputElement;
  quantity: HTMLInputElement;
  unitPrice: HTMLInputElement;
  notes: HTMLInputElement | null;
  amount: HTMLElement | null;
}

export function gridTable(doc: Document): HTMLTableElement {
  const grid = findAnchor<HTMLTableElement>(doc, ANCHORS.grid);
  if (!grid) throw new ScreenChangedError(ANCHORS.grid.name);
  return grid;
}

function field<T extends HTMLElement>(doc: Document, rowId: string, suffix: string): T | null {
  return doc.getElementById(`${rowId}_${suffix}`) as T | null;
}

function required<T extends HTMLElement>(doc: Document, rowId: string, suffix: string): T {
  const found = field<T>(doc, rowId, suffix);
  if (!found) throw new ScreenChangedError(`${rowId}_${suffix}`);
  return found;
}

/** The fields of one row; a missing required field means Exact changed the grid. */
export function rowFields(doc: Document, row: HTMLTableRowElement): RowFields {
  const id = row.id;
  return {
    row,
    itemId: required(doc, id, ROW_FIELDS.item),
    itemCode: required(doc, id, `${ROW_FIELDS.item}${LOOKUP_SUFFIX.visible}`),
    itemName: field(doc, id, `${ROW_FIELDS.item}${LOOKUP_SUFFIX.description}`),
    description: required(doc, id, ROW_FIELDS.description),
    quantity: required(doc, id, ROW_FIELDS.quantity),
    unitPrice: required(doc, id, ROW_FIELDS.unitPrice),
    notes: field(doc, id, ROW_FIELDS.notes),
    amount: field(doc, id, ROW_FIELDS.amount),
  };
}

/** Rows a person can see: not deleted (hidden `_Deleted` = 1) and not hidden. */
export function liveRows(doc: Document): HTMLTableRowElement[] {
  const grid = gridTable(doc);
  return [...grid.querySelectorAll<HTMLTableRowElement>(ROW_SELECTOR)].filter((row) => {
    const deleted = field<HTMLInputElement>(doc, row.id, ROW_FIELDS.deleted);
    return deleted?.value !== '1' && row.style.display !== 'none';
  });
}

export function isEmptyRow(fields: RowFields): boolean {
  return (
    fields.itemCode.value.trim() === '' &&
    fields.description.value.trim() === '' &&
    fields.quantity.value.trim() === ''
  );
}

export function readRow(fields: RowFields, locale: Locale): GridRow {
  const amountText = fields.amount?.textContent?.trim() ?? '';
  return {
    rowId: fields.row.id,
    itemCode: fields.itemCode.value.trim(),
    description: fields.description.value,
    quantityText: fields.quantity.value.trim(),
    unitPriceText: fields.unitPrice.value.trim(),
    notes: fields.notes?.value ?? '',
    amountCents: amountText === '' ? null : parseAmountCents(amountText, locale),
  };
}
