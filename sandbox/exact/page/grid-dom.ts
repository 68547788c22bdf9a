/** DOM access to the line grid: fields by id, the live rows, new rows from the row template. */

import { type PageConfig, ROW_TOKEN } from './config';

/** An element the page itself rendered; missing means the page is broken, so say which. */
export function byId<T extends HTMLElement = HTMLInputElement>(doc: Document, id: string): T {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element as T;
}

export function gridBody(doc: Document, config: PageConfig): HTMLTableSectionElement {
  const body = byId<HTMLTableElement>(doc, config.grid).querySelector('tbody');
  if (!body) throw new Error(`#${config.grid} has no tbody`);
  return body;
}

/** Rows in document order, without the ones deleted on this page. */
export function liveRows(doc: Document, config: PageConfig): HTMLTableRowElement[] {
  return Array.from(gridBody(doc, config).children).filter(
    (row): row is HTMLTableRowElement =>
      row.classList.contains('GridRow') && byId(doc, `${row.id}_Deleted`).value !== '1',
  );
}

/** Clones `<template id="RowTemplate">` under the next free row id; the caller places it. */
export function createRow(doc: Document, config: PageConfig): HTMLTableRowElement {
  const template = byId<HTMLTemplateElement>(doc, 'RowTemplate');
  const source = template.content.querySelector('tr');
  if (!source) throw new Error('#RowTemplate has no row');
  const row = doc.importNode(source, true) as HTMLTableRowElement;
  const rowId = `${config.grid}_r${config.nextRow}`;
  config.nextRow += 1;
  for (const element of [row, ...row.querySelectorAll('*')]) {
    for (const name of ['id', 'name', 'for']) {
      const value = element.getAttribute(name);
      if (value?.includes(ROW_TOKEN)) element.setAttribute(name, value.split(ROW_TOKEN).join(rowId));
    }
  }
  return row;
}
