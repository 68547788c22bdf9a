import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { urenbrugReference, urenbrugReferenceId } from '../billing';
import type { ExternalReference } from '../keeping-types';
import {
  amountForInvoice,
  type ExactInvoiceAmount,
  elsewhereInvoice,
  periodShares,
  type ReferenceTotal,
} from './elsewhere-revenue';

const GUID_A = '0a1b2c3d-0000-4000-8000-0000000000aa';
const GUID_B = '0a1b2c3d-0000-4000-8000-0000000000bb';

const keeping = (name: string, url: string | null = null): ExternalReference => ({
  id: 'f00dfeed0123456789',
  type: 'exact_online_invoice',
  name,
  url,
});

const amount = (overrides: Partial<ExactInvoiceAmount> = {}): ExactInvoiceAmount => ({
  division: 7,
  invoiceNumber: 20260042,
  invoiceId: GUID_A,
  revenueCents: 100_00,
  status: 50,
  readAt: 0,
  ...overrides,
});

const total = (minutes: number, overrides: Partial<ReferenceTotal> = {}): ReferenceTotal => ({
  referenceId: 'ref',
  minutes,
  from: '2025-12-01',
  to: '2026-12-01',
  readAt: 0,
  ...overrides,
});

describe('elsewhereInvoice', () => {
  it("reads our own reference's name and any Keeping name with exactly one number", () => {
    const ours = urenbrugReference(7, GUID_A, 'Factuur 20260042 (Exact Online)');
    expect(elsewhereInvoice(ours)?.invoiceNumber).toBe(20260042);
    expect(elsewhereInvoice(keeping('26700101'))?.invoiceNumber).toBe(26700101);
    expect(elsewhereInvoice(keeping('Factuur 26700101'))?.invoiceNumber).toBe(26700101);
    // Keeping's names are not published: two numbers, none, or beyond Int32 are not guessed.
    expect(elsewhereInvoice(keeping('2026-0101'))?.invoiceNumber).toBeNull();
    expect(elsewhereInvoice(keeping('Factuur'))?.invoiceNumber).toBeNull();
    expect(elsewhereInvoice(keeping('99999999999'))?.invoiceNumber).toBeNull();
    expect(elsewhereInvoice({ ...keeping('26700101'), type: 'moneybird_invoice' })).toBeNull();
    expect(elsewhereInvoice({ ...ours, name: 'Factuur (Exact Online)' })?.invoiceNumber).toBeNull();
  });
});

describe('amountForInvoice', () => {
  it('matches our reference only to the invoice and division its id was made from', () => {
    const ours = elsewhereInvoice(urenbrugReference(7, GUID_A, 'Factuur 20260042 (Exact Online)'));
    if (!ours) throw new Error('no invoice');
    // The same number in another division, or another invoice with that number, is not it.
    const others = [amount({ division: 8 }), amount({ invoiceId: GUID_B })];
    expect(amountForInvoice(ours, { amounts: others, totals: [] })).toEqual({
      known: false,
      reason: 'not-read',
    });
    const right = amount();
    expect(urenbrugReferenceId(7, GUID_A)).toBe(ours.reference.id);
    expect(amountForInvoice(ours, { amounts: [...others, right], totals: [] })).toEqual({
      known: true,
      amount: right,
    });
  });

  it("takes Keeping's number in the one division that has it, unless its URL names another", () => {
    const invoice = elsewhereInvoice(keeping('20260042'));
    if (!invoice) throw new Error('no invoice');
    expect(amountForInvoice(invoice, { amounts: [amount()], totals: [] }).known).toBe(true);
    expect(amountForInvoice(invoice, { amounts: [amount(), amount({ division: 8 })], totals: [] })).toEqual({
      known: false,
      reason: 'ambiguous',
    });
    const pointed = elsewhereInvoice(
      keeping('20260042', 'https://start.exactonline.nl/docs/SlsInvoice.aspx?_Division_=8'),
    );
    if (!pointed) throw new Error('no invoice');
    expect(
      amountForInvoice(pointed, {
        amounts: [amount(), amount({ division: 8, invoiceId: GUID_B })],
        totals: [],
      }),
    ).toEqual({
      known: true,
      amount: amount({ division: 8, invoiceId: GUID_B }),
    });
    // A number Exact said it does not know is not an amount.
    expect(amountForInvoice(invoice, { amounts: [amount({ invoiceId: null })], totals: [] }).known).toBe(
      false,
    );
  });

  it('counts only a processed invoice: an open one can still change', () => {
    const invoice = elsewhereInvoice(keeping('20260042'));
    if (!invoice) throw new Error('no invoice');
    expect(amountForInvoice(invoice, { amounts: [amount({ status: 20 })], totals: [] })).toEqual({
      known: false,
      reason: 'not-final',
    });
  });
});

describe('periodShares', () => {
  const entries = [
    { id: 1, date: '2026-05-04', minutes: 60 },
    { id: 2, date: '2026-05-20', minutes: 30 },
  ];

  it('gives the period the whole amount when it holds all the invoice hours, spread by minutes', () => {
    const shares = periodShares(amount({ revenueCents: 100_01 }), total(90), entries);
    expect(shares).toEqual({
      known: true,
      division: 7,
      cents: new Map([
        [1, 66_67],
        [2, 33_34],
      ]),
    });
  });

  it("gives the part of the invoice the period's minutes are of Keeping's total", () => {
    const shares = periodShares(amount({ revenueCents: -180_00 }), total(180), entries);
    expect(shares.known && [...shares.cents.values()]).toEqual([-60_00, -30_00]);
  });

  it('does not know the part when the total misses hours of the period or is read over other days', () => {
    expect(periodShares(amount(), total(60), entries)).toEqual({ known: false, reason: 'no-total' });
    expect(periodShares(amount(), total(90, { from: '2026-05-10' }), entries).known).toBe(false);
    expect(periodShares(amount(), undefined, entries).known).toBe(false);
  });

  it("sums to the period's part of the amount, to the cent, for any minutes and amount", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        (minutes, extra, cents) => {
          const inPeriod = minutes.map((m, i) => ({ id: i, date: '2026-05-04', minutes: m }));
          const worked = minutes.reduce((a, b) => a + b, 0);
          const shares = periodShares(amount({ revenueCents: cents }), total(worked + extra), inPeriod);
          if (!shares.known) return false;
          const sum = [...shares.cents.values()].reduce((a, b) => a + b, 0);
          // Never more than the invoice, and the whole invoice when the period holds its hours.
          if (extra <= 1) return sum === cents;
          return Math.abs(sum) <= Math.abs(cents);
        },
      ),
    );
  });
});
