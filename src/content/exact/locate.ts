/**
 * The optional header anchors (docs/architecture.md, Anchor tiers), each found by the registry's
 * ids first and then by meaning: the customer lookup by its label, the totals by their caption,
 * the invoice number from the title, the invoice id from the form that posts back, the save
 * button by its text. Every answer says how it was found; absence is an answer too, and the
 * panel states what it costs.
 */
import { allRowFields } from './grid';
import { besideLabel, findLabels, readValue } from './meaning';
import { parseAmountCents } from './page-numbers';
import {
  ANCHORS,
  type Anchor,
  ENTRY_ID_PARAM,
  FORM_ID_PARAM,
  findAnchor,
  INVOICE_TITLES,
  LABELS,
  LOOKUP_SUFFIX,
} from './selectors';
import type { NumberLocale } from './types';

export interface Found<T> {
  value: T;
  how: string;
}

function byRegistry<T extends HTMLElement>(root: ParentNode, anchor: Anchor): Found<T> | null {
  for (const selector of anchor.selectors) {
    const element = root.querySelector<T>(selector);
    if (element) return { value: element, how: selector };
  }
  return null;
}

/** The grid is left out of label searches: its headers repeat header words ("Omschrijving"). */
function gridOf(doc: Document): Element | null {
  return findAnchor(doc, ANCHORS.grid) ?? doc.querySelector('table.Grid');
}

export interface TitleFound {
  text: string;
  /** 'nl' or 'en' when one of INVOICE_TITLES is in it, else null. */
  language: NumberLocale | null;
}

export function locateTitle(doc: Document): Found<TitleFound> | null {
  const span = byRegistry(doc, ANCHORS.title);
  const candidates: [string, string][] = [];
  if (span) candidates.push([(span.value.textContent ?? '').trim(), span.how]);
  candidates.push([doc.title.trim(), 'document title']);
  for (const [text, how] of candidates) {
    const lower = text.toLowerCase();
    const index = INVOICE_TITLES.findIndex((title) => lower.includes(title));
    if (index >= 0) return { value: { text, language: index === 0 ? 'nl' : 'en' }, how };
  }
  return span ? { value: { text: candidates[0]?.[0] ?? '', language: null }, how: span.how } : null;
}

export interface CustomerLookup {
  id: HTMLInputElement;
  code: HTMLInputElement;
  name: HTMLElement | null;
}

function lookupAround(doc: Document, element: HTMLElement | null): CustomerLookup | null {
  if (element === null || element.tagName !== 'INPUT') return null;
  const stem = element.id.endsWith(LOOKUP_SUFFIX.visible)
    ? element.id.slice(0, -LOOKUP_SUFFIX.visible.length)
    : element.id;
  const id = doc.getElementById(stem);
  const code = doc.getElementById(`${stem}${LOOKUP_SUFFIX.visible}`);
  if (id === null || code === null) return null;
  return {
    id: id as HTMLInputElement,
    code: code as HTMLInputElement,
    name: doc.getElementById(`${stem}${LOOKUP_SUFFIX.description}`),
  };
}

/** The customer's lookup: `#InvoiceTo` / `#OrderedBy`, else the lookup beside "Factuur aan" / "Invoice to". */
export function locateCustomer(doc: Document): Found<CustomerLookup> | null {
  const id = byRegistry<HTMLInputElement>(doc, ANCHORS.customerId);
  const code = byRegistry<HTMLInputElement>(doc, ANCHORS.customerCode);
  if (id && code) {
    const name = findAnchor(doc, ANCHORS.customerName);
    return { value: { id: id.value, code: code.value, name }, how: code.how };
  }
  for (const hit of findLabels(doc, LABELS.customer, gridOf(doc))) {
    const text = (hit.label.textContent ?? '').trim();
    const named = lookupAround(doc, hit.target);
    if (named) return { value: named, how: `label "${text}" → #${named.code.id}` };
    const beside = besideLabel(hit.label).find(
      (element) => element.tagName === 'INPUT' && element.id.endsWith(LOOKUP_SUFFIX.visible),
    );
    const near = lookupAround(doc, (beside as HTMLElement | undefined) ?? null);
    if (near) return { value: near, how: `beside "${text}" → #${near.code.id}` };
  }
  return null;
}

/** The invoice number: `#InvoiceNumber`, else the number the title carries ("Sales invoice 20260001 - Open"). */
export function locateInvoiceNumber(doc: Document): Found<string> | null {
  const field = byRegistry(doc, ANCHORS.invoiceNumber);
  if (field) {
    const text = readValue(field.value).trim();
    if (text !== '') return { value: text, how: field.how };
  }
  const title = locateTitle(doc);
  const number = title?.value.language ? /(?:^|\s)(\d{1,12})(?=\s|$)/.exec(title.value.text)?.[1] : undefined;
  return number ? { value: number, how: `number in the title (${title?.how})` } : null;
}

function guid(text: string): string | null {
  const match = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(text);
  return match ? match[0].toLowerCase() : null;
}

/** Exact's InvoiceID: `#EntryID`, the address's `EntryID`, or the `ID`/`EntryID` of the form that posts back. */
export function locateInvoiceId(doc: Document): Found<string> | null {
  const field = byRegistry<HTMLInputElement>(doc, ANCHORS.entryId);
  const fromField = field ? guid(field.value.value) : null;
  if (field && fromField) return { value: fromField, how: field.how };
  const href = doc.defaultView?.location.href ?? '';
  const fromUrl = guid(ENTRY_ID_PARAM.exec(href)?.[1] ?? '');
  if (fromUrl) return { value: fromUrl, how: 'EntryID in the address' };
  for (const form of doc.querySelectorAll('form')) {
    const fromForm = guid(FORM_ID_PARAM.exec(form.getAttribute('action') ?? '')?.[1] ?? '');
    if (fromForm) return { value: fromForm, how: `id in the action of form${form.id ? `#${form.id}` : ''}` };
  }
  return null;
}

/** The element holding Exact's total excluding VAT: `#TotalAmountExclVAT`, else the amount beside its caption. */
export function locateTotal(doc: Document, locale: NumberLocale): Found<HTMLElement> | null {
  const byId = byRegistry(doc, ANCHORS.totalExclVat);
  if (byId) return byId;
  for (const hit of findLabels(doc, LABELS.totalExclVat, gridOf(doc))) {
    const text = (hit.label.textContent ?? '').trim();
    const candidates = hit.target ? [hit.target] : besideLabel(hit.label);
    const value = candidates.find(
      (element) => element.children.length === 0 && parseAmountCents(readValue(element), locale) !== null,
    );
    if (value) return { value: value as HTMLElement, how: `beside "${text}"` };
  }
  return null;
}

export function locateLineCount(doc: Document): Found<HTMLElement> | null {
  return byRegistry(doc, ANCHORS.lineCount);
}

export function locateSpinner(doc: Document): Found<HTMLElement> | null {
  return byRegistry(doc, ANCHORS.spinner);
}

/** The save button: the registry's ids, else a button or link whose text is "Opslaan" / "Save". */
export function locateSaveButton(doc: Document): Found<HTMLElement> | null {
  const byId = byRegistry(doc, ANCHORS.saveButton);
  if (byId) return byId;
  for (const element of doc.querySelectorAll<HTMLElement>(
    'button, a, input[type="button"], input[type="submit"]',
  )) {
    const text = readValue(element).trim().toLowerCase();
    if ((LABELS.save as readonly string[]).includes(text))
      return {
        value: element,
        how: `text "${readValue(element).trim()}" (${element.tagName.toLowerCase()})`,
      };
  }
  return null;
}

/** An input found by the registry's id or by its label (invoice date, description). */
export function locateInput(
  doc: Document,
  anchor: Anchor,
  labels: readonly string[],
): Found<HTMLInputElement> | null {
  const byId = byRegistry<HTMLInputElement>(doc, anchor);
  if (byId) return byId;
  for (const hit of findLabels(doc, labels, gridOf(doc))) {
    const target =
      hit.target ?? besideLabel(hit.label).find((element) => element.tagName === 'INPUT') ?? null;
    if (target && target.tagName === 'INPUT')
      return { value: target as HTMLInputElement, how: `label "${(hit.label.textContent ?? '').trim()}"` };
  }
  return null;
}

/**
 * How the page writes numbers (docs/exact-online.md, Number and date input: where the screen states
 * it is unknown). An amount on the page shows its decimal separator best; then the title's
 * language; then `<html lang>`; Dutch when nothing tells.
 */
export function locateNumberLocale(doc: Document, amounts: readonly string[]): Found<NumberLocale> {
  for (const text of amounts) {
    const match = /\d([.,])\d{2}$/.exec(text.trim());
    if (match) return { value: match[1] === ',' ? 'nl' : 'en', how: 'decimal separator of an amount' };
  }
  const title = locateTitle(doc);
  if (title?.value.language) return { value: title.value.language, how: 'language of the title' };
  const lang = doc.documentElement.lang.toLowerCase();
  if (lang !== '') return { value: lang.startsWith('en') ? 'en' : 'nl', how: '<html lang>' };
  return { value: 'nl', how: 'default (Dutch)' };
}

/** The amounts the page shows, whose decimal separator tells its number format. */
export function pageAmounts(doc: Document): string[] {
  const total = locateTotal(doc, 'nl');
  const amounts = total === null ? [] : [readValue(total.value)];
  try {
    for (const fields of allRowFields(doc)) if (fields.amount) amounts.push(readValue(fields.amount));
  } catch {
    // A grid that cannot be read tells nothing about numbers; the title or the default will.
  }
  return amounts;
}
