/**
 * The page's own recalculation, exposed as `window.OnChangePriceEntry(rowId)` like Exact's
 * (docs/exact-online.md, Events and validation): reads quantity and price in the screen's number format,
 * rewrites them in canonical form, shows the line amount and refreshes the totals. Invalid text is marked red
 * and left as typed; the line then has no amount.
 */

import { type AmountLine, invoiceTotals, lineAmountCents, lineVatCents } from './amounts';
import type { PageConfig } from './config';
import { byId, liveRows } from './grid-dom';
import { labelsFor } from './labels';
import {
  formatCents,
  formatQuantity,
  type NumberLanguage,
  PRICE_DECIMALS,
  parseScaled,
  QUANTITY_DECIMALS,
} from './number-format';

type Parsed = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'value'; value: number };

function parseField(input: HTMLInputElement, language: NumberLanguage, decimals: number): Parsed {
  if (input.value.trim() === '') return { kind: 'empty' };
  const value = parseScaled(input.value, language, decimals);
  return value === null ? { kind: 'invalid' } : { kind: 'value', value };
}

function rowAmounts(doc: Document, config: PageConfig, rowId: string): AmountLine | null {
  const quantity = parseField(byId(doc, `${rowId}_Quantity`), config.language, QUANTITY_DECIMALS);
  const price = parseField(byId(doc, `${rowId}_UnitPrice`), config.language, PRICE_DECIMALS);
  if (quantity.kind !== 'value' || price.kind !== 'value') return null;
  const amountCents = lineAmountCents(quantity.value, price.value);
  const vatCode = byId<HTMLSelectElement>(doc, `${rowId}_VATCode`).value;
  const percentage = config.vatCodes.find((vat) => vat.code === vatCode)?.percentage ?? 0;
  return { amountCents, vatCents: lineVatCents(amountCents, percentage) };
}

function normalise(
  input: HTMLInputElement,
  config: PageConfig,
  decimals: number,
  format: (value: number, language: NumberLanguage) => string,
): void {
  const parsed = parseField(input, config.language, decimals);
  const invalid = parsed.kind === 'invalid';
  input.classList.toggle('Invalid', invalid);
  if (invalid) {
    input.setAttribute('aria-invalid', 'true');
    input.title = labelsFor(config.language).invalidNumber;
  } else {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('title');
  }
  if (parsed.kind === 'value') input.value = format(parsed.value, config.language);
}

export function recalcRow(doc: Document, config: PageConfig, rowId: string): void {
  normalise(byId(doc, `${rowId}_Quantity`), config, QUANTITY_DECIMALS, formatQuantity);
  normalise(byId(doc, `${rowId}_UnitPrice`), config, PRICE_DECIMALS, formatCents);
  const amounts = rowAmounts(doc, config, rowId);
  byId(doc, `${rowId}_AmountFCDisplay`).textContent = amounts
    ? formatCents(amounts.amountCents, config.language)
    : '';
}

export function recalcTotals(doc: Document, config: PageConfig): void {
  const lines: AmountLine[] = [];
  let lineCount = 0;
  for (const row of liveRows(doc, config)) {
    const amounts = rowAmounts(doc, config, row.id);
    if (amounts) lines.push(amounts);
    if (byId(doc, `${row.id}_${config.itemField}`).value !== '') lineCount += 1;
  }
  const totals = invoiceTotals(lines);
  byId(doc, 'TotalAmountExclVAT').textContent = formatCents(totals.exclVatCents, config.language);
  byId(doc, 'TotalVAT').textContent = formatCents(totals.vatCents, config.language);
  byId(doc, 'TotalAmountInclVAT').textContent = formatCents(totals.inclVatCents, config.language);
  byId(doc, 'LineCount').textContent = String(lineCount);
}

/** What `OnChangePriceEntry(rowId)` does. */
export function changePriceEntry(doc: Document, config: PageConfig, rowId: string): void {
  recalcRow(doc, config, rowId);
  recalcTotals(doc, config);
}
