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
import { openSandboxHtml } from '../testing/sandbox-html';
import { detectInvoiceScreen } from './screen';

let exact: ExactSandbox;

beforeAll(async () => {
  exact = await startExactSandbox({ lookupLatencyMs: 0 });
});

afterAll(async () => {
  await exact.close();
});

const openScreen = (query: string): Promise<Document> => openSandboxHtml(exact.url, query);

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

/** The standard screen opens a saved invoice with `EntryID`, the second screen with `ID`. */
const SCREENS = [
  { variant: 'standard', idParam: 'EntryID' },
  { variant: 'reference2', idParam: 'ID' },
] as const;

describe.each(
  SCREENS.flatMap((screen) => (['nl', 'en'] as const).map((language) => ({ ...screen, language }))),
)('the $variant invoice screen in $language', ({ variant, idParam, language }) => {
  const query = `&sandboxVariant=${variant}&sandboxLang=${language}`;

  it('is recognised and read', async () => {
    const detection = detectInvoiceScreen(await openScreen(query));
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
    const detection = detectInvoiceScreen(await openScreen(`&${idParam}=%7b${entryId}%7d${query}`));
    expect(detection.kind).toBe('invoice');
    if (detection.kind !== 'invoice') return;
    const screen = detection.page.readScreen();
    expect(screen.invoiceId).toBe(entryId);
    expect(screen.invoiceNumber).toBe('20260007');
    expect(screen.customer).toMatchObject({ code: '1001', name: 'Gemeente Utrecht' });
    expect(screen.numberLocale).toBe(language);
    const [row] = detection.page.readRows();
    expect(row).toMatchObject({
      itemCode: 'UREN',
      description: 'Advies <b>oktober</b>',
      notes: 'Entries 1, 2',
    });
    expect(row?.amountCents).toBe(363_375);
    expect(detection.page.readTotals()?.amountExclVatCents).toBe(363_375);
  });
});

describe.each(['nl', 'en'] as const)('screens whose ids differ, in %s', (language) => {
  it('reads the renamed grid by its column headers', async () => {
    const detection = detectInvoiceScreen(
      await openScreen(`&sandboxVariant=changed&sandboxLang=${language}`),
    );
    expect(detection.kind).toBe('invoice');
    const check = detection.kind === 'invoice' ? detection.inspector.check() : [];
    expect(check.find((row) => row.anchor === 'grid')?.how).toBe('column headers (table#grdLines)');
    expect(check.find((row) => row.anchor === 'item')?.how).toMatch(/#hcolItemCode\) → #<row>_ItemCode$/);
  });

  it('reports a grid it cannot recognise as a changed screen', async () => {
    const detection = detectInvoiceScreen(
      await openScreen(`&sandboxVariant=unknown&sandboxLang=${language}`),
    );
    expect(detection).toMatchObject({ kind: 'changed', missing: 'grid' });
  });

  it('fills a screen without totals, which reads as none', async () => {
    const detection = detectInvoiceScreen(
      await openScreen(`&sandboxVariant=reference2-nototals&sandboxLang=${language}`),
    );
    expect(detection.kind).toBe('invoice');
    if (detection.kind !== 'invoice') return;
    expect(detection.page.readTotals()).toBeNull();
    expect(detection.page.readScreen().numberLocale).toBe(language);
    const totals = detection.inspector.check().find((row) => row.anchor === 'totals');
    expect(totals).toMatchObject({ found: false, required: false, costly: true });
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
