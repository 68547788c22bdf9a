/**
 * The second sales-invoice screen ('reference2') at the same path, written from
 * docs/exact-online.md: it keeps what the doc calls confirmed (`span.HdrTitle`,
 * `#buttonBar`, `table#grd`, rows `grd_r<N>`, `<row>_<Suffix>` ids, split lookups, `_insert`,
 * `_Notes` with `i1`/`i2` icons, `hcol<Field>` headers, `#WaitMessageImg`) and differs from the
 * standard screen wherever it says assumed or in no source. README "Second screen"
 * lists each difference with the line it rests on.
 */

import type { ExactVatCode } from '../model/state';
import { CONFIG_ELEMENT_ID, ROW_TOKEN } from '../page/config';
import type { ReferenceConfig } from '../page/reference-config';
import { type ReferenceLabels, referenceLabelsFor, referenceTitle } from '../page/reference-labels';
import { html, jsonForScript, type SafeHtml } from './html';
import { BROWSE_ICON, NOTES_EMPTY_ICON, NOTES_FILLED_ICON, SPINNER_ICON } from './icons';
import { pageUrl } from './options';
import type { EntryView } from './render-entry';
import { EMPTY_ROW, type RowView } from './render-grid';
import { ENTRY_PATH } from './render-shell';
import { REFERENCE_CSS } from './styles';

export const REFERENCE_SCRIPT_PATH = '/docs/Scripts/sandbox/reference-screen-main.js';
/** The saved invoice's id parameter on this screen (the standard screen uses `EntryID`). */
export const REFERENCE_ID_PARAM = 'ID';

function vatOptions(vatCodes: readonly ExactVatCode[], selected: string): SafeHtml[] {
  return [
    html`<option value=""${selected === '' ? ' selected' : ''}></option>`,
    ...vatCodes.map(
      (vat) =>
        html`<option value="${vat.code}"${vat.code === selected ? ' selected' : ''}>${vat.code} - ${vat.description}</option>`,
    ),
  ];
}

export function renderReferenceRow(
  rowId: string,
  index: number,
  row: RowView,
  labels: ReferenceLabels,
  vatCodes: readonly ExactVatCode[],
): SafeHtml {
  const item = `${rowId}_Item`;
  const hasNotes = row.notes !== '';
  return html`<tr id="${rowId}" class="${index % 2 === 0 ? 'DataLight' : 'DataDark'}">
<td class="RowButtons"><button type="button" class="RowBtn" id="${rowId}_insert" title="${labels.insertRow}">+</button><button type="button" class="RowBtn" id="${rowId}_remove" title="${labels.deleteLine}">&#8722;</button></td>
<td><input type="hidden" id="${item}" name="${item}" value="${row.itemId}"><input type="text" class="Lookup" id="${item}_alt" name="${item}_alt" value="${row.itemAlt}" autocomplete="off"><button type="button" class="Browse" id="p${item}" title="${labels.browse}"><img src="${BROWSE_ICON}" alt=""></button><span class="LookupRef" id="${item}_ref"${row.itemRefInvalid ? html` style="color: red"` : ''}>${row.itemRef}</span></td>
<td><input type="text" class="Text" id="${rowId}_Description" name="${rowId}_Description" value="${row.description}" maxlength="255"></td>
<td class="Num"><input type="text" class="Num" id="${rowId}_Quantity" name="${rowId}_Quantity" value="${row.quantity}" autocomplete="off"></td>
<td class="Num"><input type="text" class="Num" id="${rowId}_NetPrice" name="${rowId}_NetPrice" value="${row.unitPrice}" autocomplete="off"></td>
<td><select id="${rowId}_VATCode" name="${rowId}_VATCode">${vatOptions(vatCodes, row.vatCode)}</select></td>
<td class="Num"><input type="text" class="Num ReadOnly" id="${rowId}_AmountFCDisplay" name="${rowId}_AmountFCDisplay" value="${row.amount}" readonly tabindex="-1"></td>
<td class="Notes"><input type="hidden" id="${rowId}_Notes" name="${rowId}_Notes" value="${row.notes}"><img class="NotesIcon" id="i1${rowId}_Notes" src="${NOTES_FILLED_ICON}" alt="" title="${row.notes}"${hasNotes ? '' : html` style="display: none"`}><img class="NotesIcon" id="i2${rowId}_Notes" src="${NOTES_EMPTY_ICON}" alt=""${hasNotes ? html` style="display: none"` : ''}></td>
</tr>`;
}

export interface ReferenceEntryOptions {
  lookupUrl: string;
  recalcDelayMs: number;
  /** Without it the screen has no totals block at all (`sandboxVariant=reference2-nototals`). */
  totals?: boolean;
}

export function renderReferenceEntry(view: EntryView, options: ReferenceEntryOptions): SafeHtml {
  const { state, division, language, carry, customer } = view;
  const labels = referenceLabelsFor(language);
  const divisionParam: [string, string] = ['_Division_', String(division.code)];
  const action = pageUrl(
    ENTRY_PATH,
    view.entryId ? [divisionParam, [REFERENCE_ID_PARAM, `{${view.entryId}}`]] : [divisionParam],
    carry,
  );
  // No automatic rows: a new invoice starts with one, a saved one shows only its lines.
  const rows = view.rows.length > 0 ? view.rows : [EMPTY_ROW];
  const config: ReferenceConfig = {
    language,
    division: division.code,
    lookupUrl: options.lookupUrl,
    recalcDelayMs: options.recalcDelayMs,
    vatCodes: state.vatCodes.map(({ code, percentage }) => ({ code, percentage })),
    items: state.items
      .filter((item) => item.division === division.code)
      .map((item) => ({ code: item.code, description: item.description })),
    accounts: state.customers
      .filter((account) => account.division === division.code)
      .map((account) => ({ code: account.code.trim(), description: account.name })),
    nextRow: rows.length + 1,
  };
  const title = referenceTitle(labels, view.invoiceNumber);
  const totals: [string, string, boolean][] = [
    [labels.totalExcl, view.totals.excl, false],
    [labels.totalVat, view.totals.vat, false],
    [labels.totalIncl, view.totals.incl, true],
  ];
  return html`<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>${title} - ${labels.appTitle}</title><style>${REFERENCE_CSS}</style></head>
<body class="Entry">
<form id="aspnetForm" name="aspnetForm" method="post" action="${action}" autocomplete="off">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<div class="PageHeader"><span class="HdrTitle">${title}</span></div>
<div id="buttonBar">
<button type="button" class="ToolbarButton" id="tbr_Save"><span>${labels.save}</span></button>
<a class="ToolbarButton Secondary" id="tbr_New" href="${pageUrl(ENTRY_PATH, [divisionParam], carry)}"><span>${labels.newInvoice}</span></a>
</div>
<div class="MessageBar">${view.errors.map((error) => html`<div class="Message Error">${error}</div>`)}</div>
<table class="FieldTable">
<tr><td class="FieldCaption"><label for="Debtor_alt">${labels.invoiceTo}</label></td>
<td class="FieldInput"><input type="hidden" id="Debtor" name="Debtor" value="${customer.id}"><input type="text" class="Lookup" id="Debtor_alt" name="Debtor_alt" value="${customer.alt}" autocomplete="off"><button type="button" class="Browse" id="pDebtor" title="${labels.browse}"><img src="${BROWSE_ICON}" alt=""></button><span class="LookupRef" id="Debtor_ref"${customer.invalid ? html` style="color: red"` : ''}>${customer.ref}</span><input type="hidden" id="Debtor_refHidden" name="Debtor_refHidden" value="${customer.invalid ? '' : customer.ref}"></td></tr>
<tr><td class="FieldCaption"><label for="EntryDate">${labels.invoiceDate}</label></td>
<td class="FieldInput"><input type="text" id="EntryDate" name="EntryDate" value="${view.invoiceDate}" size="10"></td></tr>
<tr><td class="FieldCaption"><label for="InvoiceDescription">${labels.description}</label></td>
<td class="FieldInput"><input type="text" id="InvoiceDescription" name="InvoiceDescription" value="${view.description}" maxlength="255"></td></tr>
</table>
<table id="grd" class="Grid" cellspacing="0">
<thead><tr>
<th class="RowButtons"></th>
<th id="hcolItem">${labels.colItem}</th>
<th id="hcolDescription">${labels.colDescription}</th>
<th id="hcolQuantity" class="Num">${labels.colQuantity}</th>
<th id="hcolNetPrice" class="Num">${labels.colUnitPrice}</th>
<th id="hcolVATCode">${labels.colVATCode}</th>
<th id="hcolAmountFCDisplay" class="Num">${labels.colAmount}</th>
<th id="hcolNotes">${labels.colNotes}</th>
</tr></thead>
<tbody>${rows.map((row, index) => renderReferenceRow(`grd_r${index + 1}`, index, row, labels, state.vatCodes))}</tbody>
</table>
${
  options.totals === false
    ? ''
    : html`<table class="Totals">${totals.map(
        ([caption, value, grand]) =>
          html`<tr${grand ? html` class="Grand"` : ''}><td class="Caption">${caption}</td><td class="Currency">EUR</td><td class="Value"><span>${value}</span></td></tr>`,
      )}</table>`
}
</form>
<template id="RowTemplate"><table><tbody>${renderReferenceRow(ROW_TOKEN, 0, EMPTY_ROW, labels, state.vatCodes)}</tbody></table></template>
<img id="WaitMessageImg" src="${SPINNER_ICON}" alt="${labels.wait}" title="${labels.wait}" style="display: none">
<div id="cntPopupSearch" style="display: none"></div>
<script type="application/json" id="${CONFIG_ELEMENT_ID}">${jsonForScript(config)}</script>
<script type="module" src="${REFERENCE_SCRIPT_PATH}"></script>
</body>
</html>`;
}
