/**
 * Compares the invoice Exact stored (read through the REST API) with the lines Urenbrug wrote:
 * every line's quantity, price and amount, and the total excl. VAT to the cent. Exact
 * recomputes amounts itself, so its figures are the truth to reconcile with
 * (docs/exact-online.md, Amounts and rounding). Pure: no network, no DOM.
 */
import type { StoredInvoice } from './invoice-read';

/** A line as Urenbrug wrote it, in integers. */
export interface ExpectedLine {
  itemCode: string;
  description: string;
  /** The quantity written, scaled by 10^4 ("8,58" → 85800); null when it could not be read. */
  quantity: number | null;
  unitPriceCents: number;
  amountCents: number;
}

export type LineField = 'item' | 'quantity' | 'price' | 'amount';

export type Difference =
  /** Exact has no line with this description. */
  | { kind: 'missing'; description: string }
  /** `line` is Exact's LineNumber; quantities scaled by 10^4, money in cents. */
  | { kind: LineField; line: number; description: string; expected: number | string; actual: number | string }
  /** Exact's total excl. VAT against Urenbrug's lines plus the lines Urenbrug did not write. */
  | { kind: 'total'; expected: number; actual: number };

export interface Reconciliation {
  differences: Difference[];
  /** Urenbrug's lines found in Exact. */
  matched: number;
  /** Lines on the invoice Urenbrug did not write, and their amount. */
  otherLines: number;
  otherCents: number;
  /** Exact's AmountFCExclVat in cents. */
  totalCents: number;
}

/**
 * Exact's doubles into integers at a scale, rounding half away from zero on the decimal digits
 * the JSON carried (0.285 is 0.28499… as a double, and still 29 cents).
 */
export function scaled(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const text = String(Math.abs(value));
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return Math.sign(value) * Math.round(Math.abs(value) * 10 ** decimals);
  const fraction = (match[2] ?? '').padEnd(decimals + 1, '0');
  const whole = Number(match[1]) * 10 ** decimals + Number(fraction.slice(0, decimals) || '0');
  const rounded = whole + (Number(fraction[decimals]) >= 5 ? 1 : 0);
  return value < 0 ? -rounded : rounded;
}

const norm = (text: string | null | undefined): string =>
  (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

export function reconcileInvoice(expected: readonly ExpectedLine[], stored: StoredInvoice): Reconciliation {
  const unused = new Set(stored.lines.map((_, index) => index));
  const differences: Difference[] = [];
  let matched = 0;
  const take = (predicate: (index: number) => boolean): number | null => {
    for (const index of unused) {
      if (predicate(index)) {
        unused.delete(index);
        return index;
      }
    }
    return null;
  };
  for (const line of expected) {
    const byBoth = take(
      (index) =>
        norm(stored.lines[index]?.Description) === norm(line.description) &&
        norm(stored.lines[index]?.ItemCode) === norm(line.itemCode),
    );
    const index =
      byBoth ?? take((index) => norm(stored.lines[index]?.Description) === norm(line.description));
    const actual = index === null ? undefined : stored.lines[index];
    if (index === null || actual === undefined) {
      differences.push({ kind: 'missing', description: line.description });
      continue;
    }
    matched += 1;
    const at = { line: actual.LineNumber ?? index + 1, description: line.description };
    if (byBoth === null) {
      differences.push({ kind: 'item', ...at, expected: line.itemCode, actual: actual.ItemCode ?? '' });
    }
    const quantity = scaled(actual.Quantity, 4);
    if (line.quantity !== null && quantity !== line.quantity) {
      differences.push({ kind: 'quantity', ...at, expected: line.quantity, actual: quantity ?? 0 });
    }
    const price = scaled(actual.UnitPrice, 2);
    if (price !== line.unitPriceCents) {
      differences.push({ kind: 'price', ...at, expected: line.unitPriceCents, actual: price ?? 0 });
    }
    const amount = scaled(actual.AmountFC, 2);
    if (amount !== line.amountCents) {
      differences.push({ kind: 'amount', ...at, expected: line.amountCents, actual: amount ?? 0 });
    }
  }
  let otherCents = 0;
  for (const index of unused) otherCents += scaled(stored.lines[index]?.AmountFC ?? 0, 2) ?? 0;
  const totalCents = scaled(stored.invoice.AmountFCExclVat, 2) ?? 0;
  const expectedTotal = expected.reduce((sum, line) => sum + line.amountCents, 0) + otherCents;
  if (totalCents !== expectedTotal)
    differences.push({ kind: 'total', expected: expectedTotal, actual: totalCents });
  return { differences, matched, otherLines: unused.size, otherCents, totalCents };
}
