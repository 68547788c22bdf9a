/**
 * Reading Exact's line grid: rows, their fields and their text, through the selector registry and,
 * where its ids differ, the column headers (columns.ts).
 */
import type { Locale } from '../../core/locale';
import {
  cellAt,
  type FieldPlan,
  findGrid,
  type GridPlan,
  gridRows,
  planGrid,
  type RowField,
} from './columns';
import { readValue } from './meaning';
import { parseAmountCents } from './page-numbers';
import { ANCHORS, LOOKUP_SUFFIX, ROW_FIELDS, ROW_PARTS } from './selectors';
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
  /** An input or a text element (docs/exact-online.md, Line amounts). */
  amount: HTMLElement | null;
}

export function gridTable(doc: Document): HTMLTableElement {
  const found = findGrid(doc);
  if (!found) throw new ScreenChangedError(ANCHORS.grid.name);
  return found.grid;
}

/** The grid's plan, learnt from its first row; null when the grid has no row. */
export function gridPlan(doc: Document): GridPlan | null {
  const found = findGrid(doc);
  if (!found) throw new ScreenChangedError(ANCHORS.grid.name);
  const sample = liveRowsOf(doc, found.grid)[0];
  return sample ? planGrid(doc, found, sample) : null;
}

function byPlan(doc: Document, row: HTMLTableRowElement, plan: FieldPlan, part = ''): HTMLElement | null {
  if (plan.kind === 'suffix') return doc.getElementById(`${row.id}_${plan.suffix}${part}`);
  if (plan.kind === 'missing') return null;
  const cell = cellAt(row, plan.index);
  if (!cell) return null;
  if (part !== '') {
    // A lookup in a column: its parts share the visible input's id stem.
    const visible = cell.querySelector<HTMLInputElement>(`input[id$="${LOOKUP_SUFFIX.visible}"]`);
    if (!visible) return null;
    const stem = visible.id.slice(0, -LOOKUP_SUFFIX.visible.length);
    return doc.getElementById(part === LOOKUP_SUFFIX.visible ? visible.id : `${stem}${part}`);
  }
  return (
    cell.querySelector<HTMLElement>('input:not([type="hidden"]), textarea') ?? cell.querySelector('input')
  );
}

function lookupHidden(doc: Document, row: HTMLTableRowElement, plan: FieldPlan): HTMLElement | null {
  if (plan.kind !== 'column') return byPlan(doc, row, plan);
  const visible = byPlan(doc, row, plan, LOOKUP_SUFFIX.visible);
  return visible ? doc.getElementById(visible.id.slice(0, -LOOKUP_SUFFIX.visible.length)) : null;
}

function required<T extends HTMLElement>(
  element: HTMLElement | null,
  row: HTMLTableRowElement,
  field: RowField,
): T {
  if (!element) throw new ScreenChangedError(`${row.id}_${ROW_FIELDS[field][0]}`);
  return element as T;
}

/** The fields of one row; a missing required field means Exact changed the grid. */
export function rowFields(doc: Document, row: HTMLTableRowElement, given?: GridPlan): RowFields {
  const plan = given ?? gridPlan(doc);
  if (!plan) throw new ScreenChangedError('grid row');
  const { fields } = plan;
  const amount = fields.amount.kind === 'column' ? cellAt(row, fields.amount.index) : null;
  return {
    row,
    itemId: required(lookupHidden(doc, row, fields.item), row, 'item'),
    itemCode: required(byPlan(doc, row, fields.item, LOOKUP_SUFFIX.visible), row, 'item'),
    itemName: byPlan(doc, row, fields.item, LOOKUP_SUFFIX.description),
    description: required(byPlan(doc, row, fields.description), row, 'description'),
    quantity: required(byPlan(doc, row, fields.quantity), row, 'quantity'),
    unitPrice: required(byPlan(doc, row, fields.unitPrice), row, 'unitPrice'),
    notes: byPlan(doc, row, fields.notes) as HTMLInputElement | null,
    amount:
      fields.amount.kind === 'column'
        ? (amount?.querySelector('input') ?? amount)
        : byPlan(doc, row, fields.amount),
  };
}

function liveRowsOf(doc: Document, grid: HTMLTableElement): HTMLTableRowElement[] {
  return gridRows(grid).filter((row) => {
    const deleted = doc.getElementById(`${row.id}_${ROW_PARTS.deleted}`) as HTMLInputElement | null;
    return deleted?.value !== '1' && row.style.display !== 'none';
  });
}

/** Rows a person can see: not deleted (hidden `_Deleted` = 1) and not hidden. */
export function liveRows(doc: Document): HTMLTableRowElement[] {
  return liveRowsOf(doc, gridTable(doc));
}

/** The row's own button of one of `names` (`<row>_insert`, `<row>_delete` / `_remove`), or null. */
export function rowButton(doc: Document, rowId: string, names: readonly string[]): HTMLElement | null {
  for (const name of names) {
    const button = doc.getElementById(`${rowId}_${name}`);
    if (button) return button;
  }
  return null;
}

export function isEmptyRow(fields: RowFields): boolean {
  return (
    fields.itemCode.value.trim() === '' &&
    fields.description.value.trim() === '' &&
    fields.quantity.value.trim() === ''
  );
}

export function readRow(fields: RowFields, locale: Locale): GridRow {
  const amountText = fields.amount === null ? '' : readValue(fields.amount).trim();
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

/** Every live row with its fields, the grid's plan learnt once for all of them. */
export function allRowFields(doc: Document): RowFields[] {
  const rows = liveRows(doc);
  const plan = gridPlan(doc);
  return plan ? rows.map((row) => rowFields(doc, row, plan)) : [];
}
