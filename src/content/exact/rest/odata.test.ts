import { describe, expect, it } from 'vitest';
import {
  ODataShapeError,
  orFilters,
  parsePage,
  salesInvoiceLineSchema,
  salesInvoiceSchema,
  selectOf,
  stringLiteral,
} from './odata';

const invoice = { InvoiceID: 'a', InvoiceNumber: 1, AmountFCExclVat: 10.5, Status: 20, Type: 8020 };

describe('OData answers', () => {
  it('reads a collection with its next page, and a single record as a page of one', () => {
    expect(parsePage({ d: { results: [invoice], __next: 'https://x/next' } }, salesInvoiceSchema)).toEqual({
      records: [invoice],
      next: 'https://x/next',
    });
    expect(parsePage({ d: { ...invoice, __metadata: { uri: 'u' } } }, salesInvoiceSchema)).toEqual({
      records: [invoice],
      next: null,
    });
  });

  it('refuses another shape, naming the record and field', () => {
    expect(() => parsePage({ value: [] }, salesInvoiceSchema)).toThrow(ODataShapeError);
    expect(() =>
      parsePage({ d: { results: [invoice, { ...invoice, Status: '20' }] } }, salesInvoiceSchema),
    ).toThrow(/record 2: Status/);
    expect(() =>
      parsePage({ d: { results: [{ ...invoice, AmountFCExclVat: Number.NaN }] } }, salesInvoiceSchema),
    ).toThrow(ODataShapeError);
  });

  it('keeps only the listed fields, and tells absent, null and present apart', () => {
    const line = { InvoiceID: 'a', Quantity: 1.5, UnitPrice: null, AmountFC: 3, Extra: 'x' };
    expect(parsePage({ d: { results: [line] } }, salesInvoiceLineSchema).records).toEqual([
      { InvoiceID: 'a', Quantity: 1.5, UnitPrice: null, AmountFC: 3 },
    ]);
    // Quantity may be null but must be there; LineNumber may be absent.
    const { Quantity: _quantity, ...withoutQuantity } = line;
    expect(() => parsePage({ d: { results: [withoutQuantity] } }, salesInvoiceLineSchema)).toThrow(
      /record 1: Quantity/,
    );
    expect(() =>
      parsePage({ d: { results: [{ ...invoice, InvoiceID: null }] } }, salesInvoiceSchema),
    ).toThrow(/record 1: InvoiceID/);
    expect(() => parsePage({ d: { results: 'x' } }, salesInvoiceSchema)).toThrow(ODataShapeError);
    expect(() => parsePage({ d: { results: [], __next: 5 } }, salesInvoiceSchema)).toThrow(ODataShapeError);
    expect(() => parsePage({ d: { results: [7] } }, salesInvoiceSchema)).toThrow(/record 1: not an object/);
  });

  it('selects the fields the schema reads', () => {
    expect(selectOf(salesInvoiceSchema)).toBe('InvoiceID,InvoiceNumber,AmountFCExclVat,Status,Type');
  });
});

describe('filters', () => {
  it('quotes strings with doubled quotes', () => {
    expect(stringLiteral("O'Brien")).toBe("'O''Brien'");
  });

  it("joins with 'or' in chunks", () => {
    expect(orFilters('Code', ["'A'", "'B'", "'C'"], 2)).toEqual([
      "Code eq 'A' or Code eq 'B'",
      "Code eq 'C'",
    ]);
    expect(orFilters('Code', [], 2)).toEqual([]);
  });
});
