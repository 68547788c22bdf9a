import { describe, expect, it } from 'vitest';
import type { StoredInvoice } from './invoice-read';
import { type ExpectedLine, reconcileInvoice, scaled } from './reconcile';

const ours: ExpectedLine[] = [
  { itemCode: 'UREN', description: 'Website', quantity: 85800, unitPriceCents: 9500, amountCents: 81510 },
  { itemCode: 'UREN-SR', description: 'Advies', quantity: 20000, unitPriceCents: 12500, amountCents: 25000 },
];

function stored(lines: StoredInvoice['lines'], total: number): StoredInvoice {
  return {
    invoice: { InvoiceID: 'id', InvoiceNumber: 20260001, AmountFCExclVat: total, Status: 20, Type: 8020 },
    lines,
  };
}

const line = (
  n: number,
  item: string,
  description: string,
  quantity: number,
  price: number,
  amount: number,
) => ({
  InvoiceID: 'id',
  LineNumber: n,
  ItemCode: item,
  Description: description,
  Quantity: quantity,
  UnitPrice: price,
  AmountFC: amount,
});

describe('reconcileInvoice', () => {
  it('finds nothing to name when Exact kept every line and the total', () => {
    const result = reconcileInvoice(
      ours,
      stored(
        [line(2, 'UREN-SR', 'Advies', 2, 125, 250), line(1, 'UREN', 'website', 8.58, 95, 815.1)],
        1065.1,
      ),
    );
    expect(result).toEqual({ differences: [], matched: 2, otherLines: 0, otherCents: 0, totalCents: 106510 });
  });

  it('names a line a cent off and the total that follows it', () => {
    const result = reconcileInvoice(
      ours,
      stored(
        [line(1, 'UREN', 'Website', 8.58, 95, 815.11), line(2, 'UREN-SR', 'Advies', 2, 125, 250)],
        1065.11,
      ),
    );
    expect(result.differences).toEqual([
      { kind: 'amount', line: 1, description: 'Website', expected: 81510, actual: 81511 },
      { kind: 'total', expected: 106510, actual: 106511 },
    ]);
  });

  it('names a missing line, another item, quantity and price, and counts lines a person added', () => {
    const result = reconcileInvoice(
      ours,
      stored(
        [line(1, 'UREN-JR', 'Website', 8.5, 94, 799), line(3, 'KM', 'Reiskosten', 10, 0.23, 2.3)],
        801.3,
      ),
    );
    expect(result.differences).toEqual([
      { kind: 'item', line: 1, description: 'Website', expected: 'UREN', actual: 'UREN-JR' },
      { kind: 'quantity', line: 1, description: 'Website', expected: 85800, actual: 85000 },
      { kind: 'price', line: 1, description: 'Website', expected: 9500, actual: 9400 },
      { kind: 'amount', line: 1, description: 'Website', expected: 81510, actual: 79900 },
      { kind: 'missing', description: 'Advies' },
      { kind: 'total', expected: 81510 + 25000 + 230, actual: 80130 },
    ]);
    expect(result).toMatchObject({ matched: 1, otherLines: 1, otherCents: 230 });
  });

  it('matches two lines with one description one each', () => {
    const twice: ExpectedLine[] = [
      ours[0]!,
      { ...ours[0]!, amountCents: 100, quantity: null, unitPriceCents: 100 },
    ];
    const result = reconcileInvoice(
      twice,
      stored([line(1, 'UREN', 'Website', 8.58, 95, 815.1), line(2, 'UREN', 'Website', 1, 1, 1)], 816.1),
    );
    expect(result.differences).toEqual([]);
  });
});

describe('scaled', () => {
  it("turns Exact's doubles into integers, half away from zero", () => {
    expect(scaled(815.1, 2)).toBe(81510);
    expect(scaled(0.285, 2)).toBe(29);
    expect(scaled(-815.105, 2)).toBe(-81511);
    expect(scaled(8.5833, 4)).toBe(85833);
    expect(scaled(null, 2)).toBeNull();
  });
});
