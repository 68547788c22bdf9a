/**
 * The shell `/docs/MenuPortal.aspx` (docs/exact-online.md, Shell and frames): header with `#Administration`,
 * the `#EnhancedNavigation` menu and the same-origin `iframe#MainWindow` that holds the screen.
 */

import type { ExactDivision, ExactState } from '../model/state';
import { labelsFor } from '../page/labels';
import { html, type SafeHtml } from './html';
import type { SandboxLanguage } from './options';
import { pageUrl } from './options';
import { SHELL_CSS } from './styles';

export interface ShellView {
  state: ExactState;
  division: ExactDivision;
  language: SandboxLanguage;
  /** Path (with query) the iframe opens; already checked to be a `/docs/` path. */
  mainSrc: string;
  carry: [string, string][];
}

export const ENTRY_PATH = '/docs/LogEntrySales.aspx';
export const SHELL_PATH = '/docs/MenuPortal.aspx';

export function renderShell(view: ShellView): SafeHtml {
  const { state, division, language, carry } = view;
  const labels = labelsFor(language);
  const divisionParam: [string, string] = ['_Division_', String(division.code)];
  const open = state.invoices.filter((invoice) => invoice.division === division.code);
  return html`<!DOCTYPE html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${labels.appTitle}</title><style>${SHELL_CSS}</style></head>
<body class="Shell">
<div id="Header">
<span class="Logo"><b>Exact</b> Online</span>
<span id="Administration">${division.name}</span>
<input type="search" id="GlobalSearch" placeholder="${labels.searchPlaceholder}">
<span class="User">${labels.user}</span>
</div>
<div id="Body">
<nav id="EnhancedNavigation">
<h3>${labels.navSales}</h3>
<div class="Group">${labels.navSalesInvoices}</div>
<ul>
<li><a id="NavNewSalesInvoice" href="${pageUrl(ENTRY_PATH, [divisionParam], carry)}" target="MainWindow">${labels.navNew}</a></li>
</ul>
<div class="Group">${labels.navToProcess}</div>
<ul>${open.map(
    (invoice) =>
      html`<li><a href="${pageUrl(ENTRY_PATH, [divisionParam, ['EntryID', `{${invoice.entryId}}`]], carry)}" target="MainWindow">${invoice.invoiceNumber} ${invoice.customerName}</a></li>`,
  )}</ul>
<h3>${labels.navDivisions}</h3>
<ul>${state.divisions.map(
    (other) =>
      html`<li><a href="${pageUrl(SHELL_PATH, [['_Division_', String(other.code)]], carry)}" target="_top">${other.code} ${other.name}</a></li>`,
  )}</ul>
</nav>
<iframe id="MainWindow" name="MainWindow" src="${view.mainSrc}"></iframe>
</div>
</body>
</html>`;
}
