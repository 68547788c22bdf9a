/**
 * Line and invoice amounts, computed the same way by the page (on screen) and the server (on
 * save). Quantity is scaled by 10^4, prices and amounts are cents. Each line's amount and VAT are
 * rounded to cents on their own and the totals are sums of those, as Exact shows per-line VAT.
 */

import { QUANTITY_DECIMALS } from './number-format';

const QUANTITY_SCALE = 10 ** QUANTITY_DECIMALS;

/** Rounds half away from zero, so a credit line mirrors its debit line exactly. */
function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

export function lineAmountCents(quantityScaled: number, unitPriceCents: number): number {
  return roundHalfAway((quantityScaled * unitPriceCents) / QUANTITY_SCALE);
}

export function lineVatCents(amountCents: number, vatPercentage: number): number {
  return roundHalfAway((amountCents * vatPercentage) / 100);
}

export interface AmountLine {
  amountCents: number;
  vatCents: number;
}

export interface InvoiceTotals {
  exclVatCents: number;
  vatCents: number;
  inclVatCents: number;
}

export function invoiceTotals(lines: readonly AmountLine[]): InvoiceTotals {
  let exclVatCents = 0;
  let vatCents = 0;
  for (const line of lines) {
    exclVatCents += line.amountCents;
    vatCents += line.vatCents;
  }
  return { exclVatCents, vatCents, inclVatCents: exclVatCents + vatCents };
}
