// @vitest-environment node
/**
 * The screen check against both sandbox screens in both languages: every required anchor is found
 * on each, and each row says how — the registry's id on the standard screen, the label, caption,
 * title or form on the second one, which shares none of the guessed header ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExactSandbox, startExactSandbox } from '../../../sandbox/exact/server';
import { addSavedInvoice } from '../../../sandbox/exact/testing/fixtures';
import { openSandboxHtml } from '../testing/sandbox-html';
import { checkScreen } from './screen-check';
import { REQUIRED_ANCHORS } from './types';

let exact: ExactSandbox;
const ENTRY_ID = '5a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b';

beforeAll(async () => {
  exact = await startExactSandbox({ lookupLatencyMs: 0 });
  addSavedInvoice(exact.state, {
    entryId: ENTRY_ID,
    customerName: 'Gemeente Utrecht',
    invoiceNumber: 20260011,
    description: 'Uren november',
    lines: [{ itemCode: 'UREN', description: 'Advies', quantity: 2, unitPriceCents: 9500 }],
  });
});

afterAll(async () => {
  await exact.close();
});

function hows(doc: Document): Record<string, string | null> {
  return Object.fromEntries(checkScreen(doc).map((row) => [row.anchor, row.found ? row.how : null]));
}

const LABELS = {
  nl: { customer: 'Factuur aan', total: 'Totaal excl. btw', price: 'Prijs' },
  en: { customer: 'Invoice to', total: 'Total excl. VAT', price: 'Unit price' },
} as const;

describe.each(['nl', 'en'] as const)('in %s', (language) => {
  it('finds the standard screen by the registry ids', async () => {
    const doc = await openSandboxHtml(exact.url, `&EntryID=%7b${ENTRY_ID}%7d&sandboxLang=${language}`);
    const checks = checkScreen(doc);
    for (const anchor of REQUIRED_ANCHORS)
      expect(checks.find((row) => row.anchor === anchor)?.found).toBe(true);
    expect(hows(doc)).toMatchObject({
      grid: 'table#grd',
      item: '#<row>_Item',
      unitPrice: '#<row>_UnitPrice',
      customer: 'input#InvoiceTo_alt',
      invoiceNumber: '#InvoiceNumber',
      invoiceId: 'input#EntryID',
      totals: '#TotalAmountExclVAT',
      lineCount: '#LineCount',
      saveButton: '#btnSave',
      spinner: '#WaitMessageImg',
      title: 'span.HdrTitle',
      numberFormat: `${language}: decimal separator of an amount`,
    });
    expect(checks.filter((row) => !row.found)).toEqual([]);
  });

  it('finds the second screen by meaning where its ids differ', async () => {
    const doc = await openSandboxHtml(
      exact.url,
      `&ID=%7b${ENTRY_ID}%7d&sandboxVariant=reference2&sandboxLang=${language}`,
    );
    const checks = checkScreen(doc);
    for (const anchor of REQUIRED_ANCHORS)
      expect(checks.find((row) => row.anchor === anchor)?.found).toBe(true);
    expect(hows(doc)).toMatchObject({
      grid: 'table#grd',
      unitPrice: '#<row>_NetPrice',
      amount: '#<row>_AmountFCDisplay',
      customer: `label "${LABELS[language].customer}" → #Debtor_alt`,
      invoiceNumber: 'number in the title (span.HdrTitle)',
      invoiceId: 'id in the action of form#aspnetForm',
      totals: `beside "${LABELS[language].total}"`,
      saveButton: '[id$="_Save"]',
      title: 'span.HdrTitle',
      lineCount: null,
      numberFormat: `${language}: decimal separator of an amount`,
    });
    // Only the line count is missing, and it says what that costs.
    expect(checks.filter((row) => !row.found).map((row) => [row.anchor, row.costly])).toEqual([
      ['lineCount', true],
    ]);
  });

  it('takes a new invoice without number or id as no loss', async () => {
    const doc = await openSandboxHtml(exact.url, `&sandboxVariant=reference2&sandboxLang=${language}`);
    const missing = checkScreen(doc).filter((row) => !row.found);
    expect(missing.map((row) => [row.anchor, row.costly])).toEqual([
      ['invoiceNumber', false],
      ['invoiceId', false],
      ['lineCount', true],
    ]);
  });

  it('maps a grid with renamed ids by its headers, and misses the totals it lacks', async () => {
    const renamed = hows(await openSandboxHtml(exact.url, `&sandboxVariant=changed&sandboxLang=${language}`));
    expect(renamed.grid).toBe('column headers (table#grdLines)');
    expect(renamed.quantity).toBe('#<row>_Quantity');
    const bare = checkScreen(
      await openSandboxHtml(exact.url, `&sandboxVariant=reference2-nototals&sandboxLang=${language}`),
    );
    expect(bare.find((row) => row.anchor === 'totals')).toMatchObject({ found: false, costly: true });
  });

  it('names the required anchors it cannot find', async () => {
    const checks = checkScreen(
      await openSandboxHtml(exact.url, `&sandboxVariant=unknown&sandboxLang=${language}`),
    );
    const missing = checks.filter((row) => row.required && !row.found).map((row) => row.anchor);
    expect(missing).toEqual(['grid', 'rows', 'item', 'description', 'quantity', 'unitPrice']);
  });
});
