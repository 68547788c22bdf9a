/**
 * The sales-invoice entry screen `/docs/LogEntrySales.aspx` (docs/exact-online.md, The sales-invoice screen):
 * title `span.HdrTitle`, toolbar `#buttonBar` with the save button, the header with the customer lookup, the
 * line grid, totals, the `#WaitMessageImg` spinner and the page script.
 */

import type { ExactDivision, ExactState } from '../model/state';
import type { PageConfig } from '../page/config';
import { CONFIG_ELEMENT_ID, ROW_TOKEN } from '../page/config';
import { labelsFor } from '../page/labels';
import { html, jsonForScript, type SafeHtml } from './html';
import { BROWSE_ICON, SPINNER_ICON } from './icons';
import { pageUrl, type SandboxLanguage, type SandboxVariant } from './options';
import { EMPTY_ROW, layoutFor, type RowView, renderGrid, renderRow } from './render-grid';
import { ENTRY_PATH } from './render-shell';
import { ENTRY_CSS } from './styles';

export const LOOKUP_PATH = '/docs/SandboxLookup.aspx';
export const SCRIPT_PATH = '/docs/Scripts/sandbox/log-entry-sales-main.js';

export interface CustomerView {
  id: string;
  alt: string;
  ref: string;
  invalid: boolean;
}

export interface EntryView {
  state: ExactState;
  division: ExactDivision;
  language: SandboxLanguage;
  variant: SandboxVariant;
  carry: [string, string][];
  entryId: string | null;
  invoiceNumber: number | null;
  customer: CustomerView;
  invoiceDate: string;
  description: string;
  /** Without the trailing empty row; the renderer adds it. */
  rows: RowView[];
  totals: { excl: string; vat: string; incl: string; lineCount: number };
  errors: string[];
}

export function renderEntry(view: EntryView): SafeHtml {
  const { state, division, language, carry, customer } = view;
  const labels = labelsFor(language);
  const layout = layoutFor(view.variant);
  const divisionParam: [string, string] = ['_Division_', String(division.code)];
  const entryParams: [string, string][] = view.entryId
    ? [divisionParam, ['EntryID', `{${view.entryId}}`]]
    : [divisionParam];
  const rows = [...view.rows, EMPTY_ROW];
  const config: PageConfig = {
    language,
    division: division.code,
    grid: layout.grid,
    itemField: layout.itemField,
    lookupUrl: pageUrl(LOOKUP_PATH, [divisionParam], carry),
    vatCodes: state.vatCodes.map(({ code, percentage }) => ({ code, percentage })),
    items: state.items
      .filter((item) => item.division === division.code)
      .map((item) => ({ code: item.code, description: item.description })),
    accounts: state.customers
      .filter((account) => account.division === division.code)
      .map((account) => ({ code: account.code.trim(), description: account.name })),
    nextRow: rows.length + 1,
  };
  return html`<!DOCTYPE html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${labels.title} - ${labels.appTitle}</title><style>${ENTRY_CSS}</style></head>
<body class="Entry">
<form id="MainForm" method="post" action="${pageUrl(ENTRY_PATH, entryParams, carry)}" autocomplete="off">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="EntryID" id="EntryID" value="${view.entryId ? `{${view.entryId}}` : ''}">
<div id="PageHeader"><span class="HdrTitle">${labels.title}</span>${view.invoiceNumber === null ? '' : html`<span class="HdrSub">${view.invoiceNumber}</span>`}</div>
<div id="buttonBar">
<button type="button" class="Button" id="btnSave" name="btnSave">${labels.save}</button>
<a class="Button Secondary" id="btnNew" href="${pageUrl(ENTRY_PATH, [divisionParam], carry)}">${labels.newInvoice}</a>
</div>
<div id="Messages">${view.errors.map((error) => html`<div class="ErrorMessage">${error}</div>`)}</div>
<table class="Header">
<tr><td class="Label"><label for="InvoiceTo_alt">${labels.invoiceTo}</label></td>
<td><span class="LookupBox"><input type="hidden" id="InvoiceTo" name="InvoiceTo" value="${customer.id}"><input type="text" class="Lookup" id="InvoiceTo_alt" name="InvoiceTo_alt" value="${customer.alt}" autocomplete="off"><button type="button" class="Browse" id="pInvoiceTo" title="${labels.browse}"><img src="${BROWSE_ICON}" alt=""></button></span><span class="LookupRef${customer.invalid ? ' Invalid' : ''}" id="InvoiceTo_ref"${customer.invalid ? html` style="color: red"` : ''}>${customer.ref}</span></td>
<td class="Label">${labels.invoiceNumber}</td><td><span id="InvoiceNumber">${view.invoiceNumber ?? ''}</span></td></tr>
<tr><td class="Label"><label for="InvoiceDate">${labels.invoiceDate}</label></td>
<td><input type="text" id="InvoiceDate" name="InvoiceDate" value="${view.invoiceDate}" size="10"></td>
<td class="Label">${labels.status}</td><td><span id="InvoiceStatus">${view.invoiceNumber === null ? '' : labels.statusOpen}</span></td></tr>
<tr><td class="Label"><label for="Description">${labels.description}</label></td>
<td colspan="3"><input type="text" id="Description" name="Description" value="${view.description}" maxlength="255"></td></tr>
</table>
${renderGrid(layout, rows, labels, state.vatCodes)}
<table id="Totals">
<tr><td>${labels.lineCount}</td><td id="LineCount">${view.totals.lineCount}</td></tr>
<tr><td>${labels.totalExcl} (EUR)</td><td id="TotalAmountExclVAT">${view.totals.excl}</td></tr>
<tr><td>${labels.totalVat}</td><td id="TotalVAT">${view.totals.vat}</td></tr>
<tr class="Grand"><td>${labels.totalIncl} (EUR)</td><td id="TotalAmountInclVAT">${view.totals.incl}</td></tr>
</table>
</form>
<template id="RowTemplate"><table><tbody>${renderRow(layout, ROW_TOKEN, EMPTY_ROW, labels, state.vatCodes)}</tbody></table></template>
<img id="WaitMessageImg" src="${SPINNER_ICON}" alt="${labels.wait}" title="${labels.wait}" style="display: none">
<div id="cntPopupSearch" style="display: none"></div>
<script type="application/json" id="${CONFIG_ELEMENT_ID}">${jsonForScript(config)}</script>
<script type="module" src="${SCRIPT_PATH}"></script>
</body>
</html>`;
}
