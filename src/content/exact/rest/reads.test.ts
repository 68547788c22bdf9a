// @vitest-environment node
/** Item codes, the read-back and the amounts lookup against the Exact sandbox's REST fake. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addSavedInvoice } from '../../../../sandbox/exact/testing/fixtures';
import { type RestSandbox, startRestSandbox } from '../../testing/rest-sandbox';
import { invoiceAmountsByNumber } from './invoice-amounts';
import { readInvoiceBack } from './invoice-read';
import { unknownItemCodes } from './item-codes';

let sandbox: RestSandbox;

beforeAll(async () => {
  sandbox = await startRestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

function invoice(n: number, quantity = 8.58, lines = 2) {
  return addSavedInvoice(sandbox.exact.state, {
    entryId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    customerName: 'Gemeente Utrecht',
    invoiceNumber: 20260000 + n,
    lines: Array.from({ length: lines }, (_, index) => ({
      itemCode: index % 2 === 0 ? 'UREN' : 'UREN-SR',
      description: `Line ${index + 1}`,
      quantity,
      unitPriceCents: 9500,
    })),
  });
}

describe('unknownItemCodes', () => {
  it('names the codes Exact does not know, once each, without regard to case', async () => {
    const client = sandbox.client();
    expect(await unknownItemCodes(client, ['UREN', 'uren-sr', 'NOPE-1', ' UREN ', 'nope-1', ''])).toEqual([
      'NOPE-1',
    ]);
    expect(client.calls()).toBe(1);
  });

  it('asks 20 codes a call, never one per line', async () => {
    const codes = Array.from({ length: 45 }, (_, index) => `CODE-${index}`);
    const client = sandbox.client();
    const unknown = await unknownItemCodes(client, [...codes, 'UREN', ...codes]);
    expect(unknown).toEqual(codes);
    expect(client.calls()).toBe(3);
  });

  it('asks nothing without codes', async () => {
    const client = sandbox.client();
    expect(await unknownItemCodes(client, [' '])).toEqual([]);
    expect(sandbox.requests).toEqual([]);
  });
});

describe('readInvoiceBack', () => {
  it('reads the invoice by number and its lines in LineNumber order', async () => {
    const saved = invoice(42, 8.58, 12);
    const back = await readInvoiceBack(sandbox.client(), 20260042);
    expect(back?.invoice).toEqual({
      InvoiceID: saved.entryId,
      InvoiceNumber: 20260042,
      AmountFCExclVat: saved.totals.exclVatCents / 100,
      Status: 20,
      Type: 8020,
    });
    expect(back?.lines.map((line) => line.LineNumber)).toEqual(
      Array.from({ length: 12 }, (_, index) => index + 1),
    );
    expect(back?.lines[1]).toEqual({
      InvoiceID: saved.entryId,
      LineNumber: 2,
      ItemCode: 'UREN-SR',
      Description: 'Line 2',
      Quantity: 8.58,
      UnitPrice: 95,
      AmountFC: 815.1,
    });
  });

  it('is null for a number Exact does not have', async () => {
    expect(await readInvoiceBack(sandbox.client(), 20269999)).toBeNull();
    expect(await readInvoiceBack(sandbox.client(), 0)).toBeNull();
  });
});

describe('invoiceAmountsByNumber', () => {
  it('gives excl. VAT and status per number, credit notes negative, unknown numbers as missing', async () => {
    invoice(1);
    invoice(2, -2, 1);
    invoice(3);
    await sandbox.control('rest-api', { process: 20260001 });
    await sandbox.control('rest-api', { process: 20260002 });
    const client = sandbox.client();
    const amounts = await invoiceAmountsByNumber(client, [20260001, 20260002, 20260003, 20269999, 20260001]);
    expect(amounts.found).toEqual([
      expect.objectContaining({ invoiceNumber: 20260001, revenueCents: 163020, status: 50 }),
      expect.objectContaining({ invoiceNumber: 20260002, revenueCents: -19000, status: 50 }),
      expect.objectContaining({ invoiceNumber: 20260003, revenueCents: 163020, status: 20 }),
    ]);
    expect(amounts.missing).toEqual([20269999]);
    expect(client.calls()).toBe(1);
  });

  it('counts a credit note negative whichever sign Exact gives its amount (the reference does not say)', async () => {
    invoice(1, -2, 1);
    await sandbox.control('rest-api', { creditNoteSign: 'positive' });
    const amounts = await invoiceAmountsByNumber(sandbox.client(), [20260001]);
    expect(amounts.found).toEqual([
      expect.objectContaining({ invoiceNumber: 20260001, revenueCents: -19000 }),
    ]);
  });

  it('chunks 20 numbers a call', async () => {
    const client = sandbox.client();
    await invoiceAmountsByNumber(
      client,
      Array.from({ length: 41 }, (_, index) => 20260000 + index + 1),
    );
    expect(client.calls()).toBe(3);
  });
});
