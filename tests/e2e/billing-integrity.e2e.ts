/**
 * Issue 7, reproductions 1 and 4, end to end on the production build against both sandboxes:
 * a draft filled in one tab never moves onto another invoice (neither by pressing Opslaan on a
 * saved invoice of another customer, nor by opening one after Exact refused the draft's save),
 * and two tabs on one invoice end in a conflict message in the second tab instead of silently
 * unlinking the first tab's hours.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../sandbox/exact/server';
import { addSavedInvoice } from '../../sandbox/exact/testing/fixtures';
import { EXACT_ORIGIN, type ExtensionSession, launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions, OPTIONS_PATH } from '../../sandbox/harness/drive';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from '../../sandbox/keeping/server';

const CLIENT = 'Gemeente Utrecht';
const CLIENT_CODE = '1001';
const OTHER_CUSTOMER = 'Bouwbedrijf Jansen B.V.';
const TWO_TAB_CLIENT = 'Stichting Zorggroep Eemland';

let keeping: KeepingSandbox;
let exact: ExactSandbox;
let session: ExtensionSession;
let page: Page;
/** An extension page, to read the background's invoice records from IndexedDB. */
let extensionPage: Page;

interface StoredRecord {
  key: string;
  invoiceId: string | null;
  draftKey: string | null;
  invoiceNumber: string | null;
  linkedEntryIds: number[];
}

async function invoiceRecords(): Promise<StoredRecord[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<StoredRecord[]>((resolve, reject) => {
        const open = indexedDB.open('urenbrug');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('invoices').objectStore('invoices').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as StoredRecord[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

function handMade(entryId: string, customerName: string, invoiceNumber: number): string {
  return addSavedInvoice(exact.state, {
    entryId,
    customerName,
    invoiceNumber,
    description: 'Met de hand gemaakt',
    lines: [{ itemCode: 'UREN', description: 'Werkzaamheden', quantity: 10, unitPriceCents: 9500 }],
  }).entryId;
}

/** Entries in Keeping that carry Urenbrug's reference naming this invoice number. */
function markedWith(invoiceNumber: number): number {
  return keeping.state.timeEntries.filter((entry) =>
    entry.external_references.some(
      (ref) => ref.type === 'generic_work_reference' && ref.name.includes(String(invoiceNumber)),
    ),
  ).length;
}

function markedByUrenbrug(): number {
  return keeping.state.timeEntries.filter((entry) =>
    entry.external_references.some(
      (ref) => ref.type === 'generic_work_reference' && ref.id.startsWith('eb0b0e'),
    ),
  ).length;
}

async function invoiceFrame(on: Page = page): Promise<Frame> {
  const handle = await on.waitForSelector('iframe#MainWindow');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no MainWindow frame');
  await frame.waitForLoadState('load');
  return frame;
}

function savedInvoiceUrl(entryId: string): string {
  return `${EXACT_ORIGIN}/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}&EntryID=%7b${entryId}%7d`;
}

/** Opens the shell with a saved invoice in its frame, as a bookkeeper's bookmark would. */
async function openSavedInvoice(on: Page, entryId: string): Promise<Frame> {
  const target = `/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}&EntryID={${entryId}}`;
  await on.goto(
    `${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}&target=${encodeURIComponent(target)}`,
  );
  const frame = await invoiceFrame(on);
  await frame.getByTestId('urenbrug-panel').waitFor({ state: 'attached' });
  return frame;
}

async function pickKeepingClient(frame: Frame, name: string): Promise<void> {
  const select = frame.getByTestId('client-select');
  const value = await select.evaluate(
    (element, wanted) =>
      [...(element as HTMLSelectElement).options].find((o) => o.text.includes(wanted))?.value,
    name,
  );
  await select.selectOption(value ?? '');
}

/** A new invoice for Gemeente Utrecht, filled from the panel and left unsaved. */
async function fillNewInvoice(): Promise<Frame> {
  await page.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`);
  const frame = await invoiceFrame();
  await frame.getByTestId('urenbrug-panel').waitFor({ state: 'attached' });
  await frame.locator('#InvoiceTo_alt').fill(CLIENT_CODE);
  await frame.locator('#InvoiceTo_alt').press('Tab');
  await expect.poll(() => frame.locator('#InvoiceTo_ref').textContent()).toContain(CLIENT);
  await pickKeepingClient(frame, CLIENT);
  await frame.getByTestId('preview-line').first().waitFor();
  await fill(frame);
  return frame;
}

async function fill(frame: Frame): Promise<void> {
  await frame.getByTestId('fill-button').click();
  await frame.getByTestId('fill-summary').waitFor({ timeout: 60_000 });
  await frame.locator('[data-testid="fill-button"]:enabled').waitFor({ timeout: 60_000 });
}

/** The draft records and how many entries each holds. */
async function drafts(): Promise<StoredRecord[]> {
  return (await invoiceRecords()).filter((record) => record.draftKey !== null);
}

/** Gives the write-back every chance to (wrongly) run before counting marks in Keeping. */
async function settle(): Promise<void> {
  await page.waitForTimeout(4_000);
}

beforeAll(async () => {
  keeping = await startKeepingSandbox();
  exact = await startExactSandbox({ lookupLatencyMs: 20 });
  session = await launchWithExtension({ keepingUrl: keeping.url, exactUrl: exact.url });
  extensionPage = await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID);
  expect(extensionPage.url()).toContain(OPTIONS_PATH);
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
  await Promise.all([keeping?.close(), exact?.close()]);
});

describe('a draft moves only onto its own saved invoice', () => {
  it('Opslaan on a saved invoice of another customer marks nothing, and the draft stays intact', async () => {
    const entryId = handMade('6a1f0c2e-5b7d-4e3f-9a8b-1c2d3e4f5a6b', OTHER_CUSTOMER, 20260999);
    await fillNewInvoice();
    const [draft] = await drafts();
    expect(draft?.linkedEntryIds.length).toBeGreaterThan(0);
    const draftEntries = draft!.linkedEntryIds.length;

    let frame = await invoiceFrame();
    await frame.goto(savedInvoiceUrl(entryId));
    await frame.getByTestId('urenbrug-panel').waitFor({ state: 'attached' });
    await frame.locator('#btnSave').click();
    await expect
      .poll(async () => (await invoiceFrame()).locator('#InvoiceNumber').textContent(), { timeout: 20_000 })
      .toBe('20260999');
    frame = await invoiceFrame();
    await frame.getByTestId('urenbrug-panel').waitFor({ state: 'attached' });
    await settle();

    expect(markedWith(20260999)).toBe(0);
    expect(markedByUrenbrug()).toBe(0);
    const records = await invoiceRecords();
    expect(records.find((record) => record.invoiceId === entryId)?.linkedEntryIds ?? []).toEqual([]);
    expect((await drafts()).map((record) => record.linkedEntryIds.length)).toEqual([draftEntries]);
    console.info(
      `reproduction 1a: ${markedWith(20260999)} entries marked on 20260999; draft still holds ${draftEntries} entries`,
    );
  });

  it('a save Exact refuses, then only opening another saved invoice, marks nothing', async () => {
    const entryId = handMade('7b2e1d3f-6c8e-4f4a-8b9c-2d3e4f5a6b7c', OTHER_CUSTOMER, 20260998);
    // The same tab still holds the Gemeente Utrecht draft: a new invoice finds it again.
    let frame = await fillNewInvoice();
    const [draft] = await drafts();
    const draftEntries = draft!.linkedEntryIds.length;
    expect(draftEntries).toBeGreaterThan(0);

    await frame.locator('#InvoiceDate').fill('31-02-2026x');
    await frame.locator('#btnSave').click();
    // Exact answers with the form and a message, and no invoice number.
    await expect
      .poll(async () => (await invoiceFrame()).locator('#Messages .ErrorMessage').count(), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    frame = await invoiceFrame();
    expect(((await frame.locator('#InvoiceNumber').textContent()) ?? '').trim()).toBe('');
    expect(exact.state.invoices.filter((invoice) => invoice.customerName === CLIENT)).toHaveLength(0);
    await frame.getByTestId('urenbrug-panel').waitFor({ state: 'attached' });

    await frame.goto(savedInvoiceUrl(entryId));
    frame = await invoiceFrame();
    await frame.getByTestId('urenbrug-panel').waitFor({ state: 'attached' });
    await settle();

    expect(markedWith(20260998)).toBe(0);
    expect(markedByUrenbrug()).toBe(0);
    const records = await invoiceRecords();
    expect(records.find((record) => record.invoiceId === entryId)?.linkedEntryIds ?? []).toEqual([]);
    expect((await drafts()).map((record) => record.linkedEntryIds.length)).toEqual([draftEntries]);
    console.info(
      `reproduction 1b: ${markedWith(20260998)} entries marked on 20260998; draft still holds ${draftEntries} entries`,
    );
  });
});

describe('two tabs on one invoice', () => {
  it('the second tab’s fill ends in a conflict message; the first tab’s hours stay linked', async () => {
    const entryId = handMade('8c3f2e4a-7d9f-4a5b-9cad-3e4f5a6b7c8d', TWO_TAB_CLIENT, 20260997);
    const first = await openSavedInvoice(page, entryId);
    await first.getByTestId('client-confirm').click();
    await first.getByTestId('preview-line').first().waitFor();

    const secondPage = await session.context.newPage();
    const second = await openSavedInvoice(secondPage, entryId);
    // The first tab remembered the customer's client: the second one has it already.
    await second.getByTestId('preview-line').first().waitFor();

    await fill(first);
    const filled = (await invoiceRecords()).find((record) => record.invoiceId === entryId);
    const firstTabEntries = filled?.linkedEntryIds.length ?? 0;
    expect(firstTabEntries).toBeGreaterThan(1);

    // The second tab, still on what it read before the first tab filled, bills one hour fewer.
    await second.getByTestId('entry-row').locator('input[type="checkbox"]:checked').first().uncheck();
    // The changed selection is saved in between; its answer already knows the first tab's fill.
    await secondPage.waitForTimeout(1_500);
    await fill(second);
    await second.getByTestId('revision-conflict').waitFor();
    expect(await second.getByTestId('revision-conflict').textContent()).toContain('ander tabblad');

    const after = (await invoiceRecords()).find((record) => record.invoiceId === entryId);
    expect(after?.linkedEntryIds).toEqual(filled?.linkedEntryIds);
    console.info(
      `reproduction 4: first tab's ${firstTabEntries} entries still linked (${after?.linkedEntryIds.length}); conflict shown in the second tab`,
    );
    await secondPage.close();
  });
});
