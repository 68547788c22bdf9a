// @vitest-environment node
/**
 * The selector registry against every sandbox screen, in both languages: the standard screen is
 * recognised and read correctly, a saved invoice yields its id, number and lines, and the
 * changed variant is reported as changed rather than half-read.
 */
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../../sandbox/exact/server';
import { addSavedInvoice } from '../../../sandbox/exact/testing/fixtures';
import { detectInvoiceScreen } from './screen';

let exact: ExactSandbox;

beforeAll(async () => {
  exact = await startExactSandbox({ lookupLatencyMs: 0 });
});

afterAll(async () => {
  await exact.close();
});

/** The screen's HTML as Exact would serve it, in a DOM at the real address (scripts off). */
async function openScreen(query: string): Promise<Document> {
  const path = `/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}${query}`;
  const html = await (await fetch(`${exact.url}${path}`)).text();
  const window = new Window({
    url: `https://start.exactonline.nl${path}`,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

function saveSampleInvoice(): string {
  return addSavedInvoice(exact.state, {
    entryId: '0d6f3f0a-1c2b-4d5e-8f90-a1b2c3d4e5f6',
    customerName: 'Gemeente Utrecht',
    invoiceNumber: 20260007,
    description: 'Uren oktober',
    lines: [
      {
        itemCode: 'UREN',
        description: 'Advies <b>oktober</b>',
        quantity: 38.25,
        unitPriceCents: 9500,
        notes: 'Entries 1, 2',
      },
    ],
  }).entryId;
}

describe.each(['nl', 'en'] as const)('the invoice screen in %s', (language) => {
  it('is recognised and read', async () => {
    const detection = detectInvoiceScreen(await openScreen(`&sandboxLang=${language}`));
    expect(detection.kind).toBe('invoice');
    if (detection.kind !== 'invoice') return;
    const screen = detection.page.readScreen();
    expect(screen).toMatchObject({ division: DEFAULT_DIVISION, invoiceId: null, customer: null });
    expect(screen.numberLocale).toBe(language);
    expect(detection.page.readRows()).toEqual([]);
    expect(detection.page.readTotals()).toEqual({ amountExclVatCents: 0, lineCount: 0 });
  });

  it('reads a saved invoice: id, number, customer, lines and totals', async () => {
    const entryId = saveSampleInvoice();
    const detection = detectInvoiceScreen(
      await openScreen(`&EntryID=%7b${entryId}%7d&sandboxLang=${language}`),
    );
    expect(detection.kind).toBe('invoice');
    if (detection.kind !== 'invoice') return;
    const screen = detection.page.readScreen();
    expect(screen.invoiceId).toBe(entryId);
    expect(screen.invoiceNumber).toBe('20260007');
    expect(screen.customer).toMatchObject({ code: '1001', name: 'Gemeente Utrecht' });
    const [row] = detection.page.readRows();
    expect(row).toMatchObject({
      itemCode: 'UREN',
      description: 'Advies <b>oktober</b>',
      notes: 'Entries 1, 2',
    });
    expect(row?.amountCents).toBe(363_375);
    expect(detection.page.readTotals().amountExclVatCents).toBe(363_375);
  });

  it('reports the changed variant as a changed screen', async () => {
    const detection = detectInvoiceScreen(
      await openScreen(`&sandboxVariant=changed&sandboxLang=${language}`),
    );
    expect(detection).toEqual({ kind: 'changed', missing: 'grid' });
  });
});

it('ignores other Exact screens', async () => {
  const html = await (await fetch(`${exact.url}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`)).text();
  const window = new Window({
    url: `https://start.exactonline.nl/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  window.document.write(html);
  expect(detectInvoiceScreen(window.document as unknown as Document)).toEqual({ kind: 'other' });
});
