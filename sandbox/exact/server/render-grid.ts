/**
 * The line grid of the invoice screen: `table#grd.Grid`, rows `tr.GridRow#grd_r<N>`, field ids
 * `<rowId>_<Suffix>` and ASP.NET form names `<rowId>$<Suffix>` (docs/exact-online.md, The line grid). The
 * same row markup feeds `<template id="RowTemplate">`, from which the page script clones new rows, so server
 * and page never disagree about a row's shape.
 */

import type { ExactVatCode } from '../model/state';
import type { Labels } from '../page/labels';
import { html, type SafeHtml } from './html';
import { BROWSE_ICON, NOTES_EMPTY_ICON, NOTES_FILLED_ICON } from './icons';
import type { SandboxVariant } from './options';

export interface GridLayout {
  grid: string;
  itemField: string;
  /** The item column's header when it is not the screen's own word ('unknown' variant). */
  itemHeader?: string;
}

/**
 * The 'changed' variant renames the ids an extension registry would look for; its column headers
 * still read as before. The 'unknown' variant renames them too and calls the item column
 * "Product", a word Urenbrug does not know: a screen it cannot recognise.
 */
export function layoutFor(variant: SandboxVariant): GridLayout {
  if (variant === 'changed') return { grid: 'grdLines', itemField: 'ItemCode' };
  if (variant === 'unknown') return { grid: 'grdLines', itemField: 'ItemCode', itemHeader: 'Product' };
  return { grid: 'grd', itemField: 'Item' };
}

/** A row as shown: every value is display text except the ids. */
export interface RowView {
  itemId: string;
  itemAlt: string;
  itemRef: string;
  itemRefInvalid: boolean;
  description: string;
  quantity: string;
  unitPrice: string;
  vatCode: string;
  amount: string;
  notes: string;
}

export const EMPTY_ROW: RowView = {
  itemId: '',
  itemAlt: '',
  itemRef: '',
  itemRefInvalid: false,
  description: '',
  quantity: '',
  unitPrice: '',
  vatCode: '',
  amount: '',
  notes: '',
};

export function renderRow(
  layout: GridLayout,
  rowId: string,
  row: RowView,
  labels: Labels,
  vatCodes: readonly ExactVatCode[],
): SafeHtml {
  const item = `${rowId}_${layout.itemField}`;
  const itemName = `${rowId}$${layout.itemField}`;
  const hasNotes = row.notes !== '';
  return html`<tr class="GridRow" id="${rowId}">
<td class="GridCell RowButtons"><button type="button" class="RowBtn" id="${rowId}_insert" title="${labels.insertRow}">+</button><button type="button" class="RowBtn" id="${rowId}_delete" title="${labels.deleteRow}">&#215;</button><input type="hidden" id="${rowId}_Deleted" name="${rowId}$Deleted" value="0"></td>
<td class="GridCell"><span class="LookupBox"><input type="hidden" id="${item}" name="${itemName}" value="${row.itemId}"><input type="text" class="Lookup" id="${item}_alt" name="${itemName}_alt" value="${row.itemAlt}" autocomplete="off"><button type="button" class="Browse" id="p${item}" title="${labels.browse}"><img src="${BROWSE_ICON}" alt=""></button></span><span class="LookupRef${row.itemRefInvalid ? ' Invalid' : ''}" id="${item}_ref"${row.itemRefInvalid ? html` style="color: red"` : ''}>${row.itemRef}</span></td>
<td class="GridCell"><input type="text" class="Text" id="${rowId}_Description" name="${rowId}$Description" value="${row.description}" maxlength="255"></td>
<td class="GridCell Num"><input type="text" class="Num" id="${rowId}_Quantity" name="${rowId}$Quantity" value="${row.quantity}" autocomplete="off"></td>
<td class="GridCell Num"><input type="text" class="Num" id="${rowId}_UnitPrice" name="${rowId}$UnitPrice" value="${row.unitPrice}" autocomplete="off"></td>
<td class="GridCell"><select id="${rowId}_VATCode" name="${rowId}$VATCode">${vatOptions(vatCodes, row.vatCode)}</select></td>
<td class="GridCell Num"><span class="Amount" id="${rowId}_AmountFCDisplay">${row.amount}</span></td>
<td class="GridCell Notes"><input type="hidden" id="${rowId}_Notes" name="${rowId}$Notes" value="${row.notes}"><img class="NotesIcon" id="i1${rowId}_Notes" src="${NOTES_FILLED_ICON}" alt="${labels.colNotes}" title="${row.notes}"${hasNotes ? '' : html` style="display: none"`}><img class="NotesIcon" id="i2${rowId}_Notes" src="${NOTES_EMPTY_ICON}" alt="${labels.colNotes}"${hasNotes ? html` style="display: none"` : ''}></td>
</tr>`;
}

function vatOptions(vatCodes: readonly ExactVatCode[], selected: string): SafeHtml[] {
  const options = [html`<option value=""${selected === '' ? ' selected' : ''}></option>`];
  for (const vat of vatCodes) {
    options.push(
      html`<option value="${vat.code}"${vat.code === selected ? ' selected' : ''}>${vat.code} - ${vat.description}</option>`,
    );
  }
  return options;
}

export function renderGrid(
  layout: GridLayout,
  rows: readonly RowView[],
  labels: Labels,
  vatCodes: readonly ExactVatCode[],
): SafeHtml {
  const { grid, itemField } = layout;
  return html`<table id="${grid}" class="Grid" cellspacing="0">
<thead><tr class="GridHeader">
<th class="RowButtons"></th>
<th id="hcol${itemField}">${layout.itemHeader ?? labels.colItem}</th>
<th id="hcolDescription">${labels.colDescription}</th>
<th id="hcolQuantity" class="Num">${labels.colQuantity}</th>
<th id="hcolUnitPrice" class="Num">${labels.colUnitPrice}</th>
<th id="hcolVATCode">${labels.colVATCode}</th>
<th id="hcolAmountFC" class="Num">${labels.colAmount}</th>
<th id="hcolNotes">${labels.colNotes}</th>
</tr></thead>
<tbody>${rows.map((row, index) => renderRow(layout, `${grid}_r${index + 1}`, row, labels, vatCodes))}</tbody>
</table>`;
}
