/**
 * Recalculation on the second screen. Quantities are kept with 2 decimals: the typed value is
 * rounded half away from zero and written back, and the amount is that stored quantity × the
 * price, rounded half away from zero to the cent (issue 8: "every figure it shows is the figure
 * Exact keeps"). Amounts are readonly inputs whose `value` attribute the page updates too, so
 * both `.value` and `getAttribute('value')` read the same; the totals have no ids.
 */

import { type AmountLine, invoiceTotals, lineAmountCents, lineVatCents } from './amounts';
import { byId } from './grid-dom';
import {
  formatCents,
  formatScaled,
  type NumberLanguage,
  PRICE_DECIMALS,
  parseScaled,
  QUANTITY_DECIMALS,
} from './number-format';
import {
  REFERENCE_AMOUNT,
  REFERENCE_GRID,
  REFERENCE_PRICE,
  REFERENCE_QUANTITY_DECIMALS,
  type ReferenceConfig,
} from './reference-config';
import { referenceLabelsFor } from './reference-labels';

type Parsed = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'value'; value: number };

function parse(input: HTMLInputElement, language: NumberLanguage, decimals: number): Parsed {
  if (input.value.trim() === '') return { kind: 'empty' };
  const value = parseScaled(input.value, language, decimals);
  return value === null ? { kind: 'invalid' } : { kind: 'value', value };
}

/** Sets what a person sees and what the markup says, as Exact's own scripts do. */
export function setFieldValue(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.setAttribute('value', value);
}

/** Rewrites a number field in canonical form, marks bad text red; returns the kept value. */
function normalise(input: HTMLInputElement, config: ReferenceConfig, decimals: number): Parsed {
  const parsed = parse(input, config.language, decimals);
  const invalid = parsed.kind === 'invalid';
  input.classList.toggle('Invalid', invalid);
  if (invalid) input.title = referenceLabelsFor(config.language).invalidNumber;
  else input.removeAttribute('title');
  if (parsed.kind === 'value') setFieldValue(input, formatScaled(parsed.value, config.language, decimals));
  return parsed;
}

export function normaliseNumbers(doc: Document, config: ReferenceConfig, rowId: string): void {
  normalise(byId(doc, `${rowId}_Quantity`), config, REFERENCE_QUANTITY_DECIMALS);
  normalise(byId(doc, `${rowId}_${REFERENCE_PRICE}`), config, PRICE_DECIMALS);
}

function rowAmounts(doc: Document, config: ReferenceConfig, rowId: string): AmountLine | null {
  const quantity = parse(byId(doc, `${rowId}_Quantity`), config.language, REFERENCE_QUANTITY_DECIMALS);
  const price = parse(byId(doc, `${rowId}_${REFERENCE_PRICE}`), config.language, PRICE_DECIMALS);
  if (quantity.kind !== 'value' || price.kind !== 'value') return null;
  const scale = 10 ** (QUANTITY_DECIMALS - REFERENCE_QUANTITY_DECIMALS);
  const amountCents = lineAmountCents(quantity.value * scale, price.value);
  const vatCode = byId<HTMLSelectElement>(doc, `${rowId}_VATCode`).value;
  const percentage = config.vatCodes.find((vat) => vat.code === vatCode)?.percentage ?? 0;
  return { amountCents, vatCents: lineVatCents(amountCents, percentage) };
}

export function showRowAmount(doc: Document, config: ReferenceConfig, rowId: string): void {
  const amounts = rowAmounts(doc, config, rowId);
  setFieldValue(
    byId(doc, `${rowId}_${REFERENCE_AMOUNT}`),
    amounts ? formatCents(amounts.amountCents, config.language) : '',
  );
}

export function gridRows(doc: Document): HTMLTableRowElement[] {
  const body = byId<HTMLTableElement>(doc, REFERENCE_GRID).querySelector('tbody');
  if (!body) return [];
  return Array.from(body.children).filter(
    (row): row is HTMLTableRowElement => row.tagName === 'TR' && row.id.startsWith(`${REFERENCE_GRID}_r`),
  );
}

export function showTotals(doc: Document, config: ReferenceConfig): void {
  const lines: AmountLine[] = [];
  for (const row of gridRows(doc)) {
    const amounts = rowAmounts(doc, config, row.id);
    if (amounts) lines.push(amounts);
  }
  const totals = invoiceTotals(lines);
  const cells = doc.querySelectorAll<HTMLElement>('table.Totals td.Value span');
  const values = [totals.exclVatCents, totals.vatCents, totals.inclVatCents];
  cells.forEach((cell, index) => {
    cell.textContent = formatCents(values[index] ?? 0, config.language);
  });
}

/** `window.OnChangePriceEntry(rowId)`: synchronous, for callers that set values themselves. */
export function onChangePriceEntry(doc: Document, config: ReferenceConfig, rowId: string): void {
  normaliseNumbers(doc, config, rowId);
  showRowAmount(doc, config, rowId);
  showTotals(doc, config);
}
