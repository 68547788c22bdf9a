/**
 * Issue 7 end to end, on the production build in headless Chromium against both sandboxes:
 * a colleague's mark appearing in Keeping between fill and save ends in a visible conflict on the
 * invoice, not a second reference; releasing the invoice ("Ontkoppelen", with a reason) takes our
 * reference off every entry in Keeping and keeps the other references.
 */
import { endOfMonth, format, parseISO, startOfMonth, subMonths } from 'date-fns';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../sandbox/exact/server';
import { EXACT_ORIGIN, type ExtensionSession, launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions } from '../../sandbox/harness/drive';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  startKeepingSandbox,
  type TimeEntry,
} from '../../sandbox/keeping/server';
import { isUrenbrugReferenceId, urenbrugReferenceId } from '../../src/core/billing';

const CLIENT = 'Gemeente Utrecht';
const EXACT_CUSTOMER_CODE = '1001';
const COLLEAGUE_INVOICE = '0b5e7a1c-2d3f-4a5b-8c9d-0e1f2a3b4c5d';
const COLLEAGUE_MARK = {
  id: urenbrugReferenceId(DEFAULT_DIVISION, COLLEAGUE_INVOICE),
  type: 'generic_work_reference',
  name: 'Factuur 20260077 (Exact Online)',
  url: null,
};
const JIRA = { id: 'fedcba9876543210', type: 'jira_issue', name: 'GU-17', url: null };

let keeping: KeepingSandbox;
let exact: ExactSandbox;
let session: ExtensionSession;
let page: Page;
/** Entries the panel will fill: one a colleague marks before we save, one with a Jira issue. */
let colleagues: TimeEntry;
let withJira: TimeEntry;

/** The client's direct, open, finished work of last month: what the panel fills by default. */
function billable(): TimeEntry[] {
  const state = keeping.state;
  const month = subMonths(parseISO(state.today), 1);
  const from = format(startOfMonth(month), 'yyyy-MM-dd');
  const to = format(endOfMonth(month), 'yyyy-MM-dd');
  const projectIds = new Set(state.projects.filter((p) => p.client?.name === CLIENT).map((p) => p.id));
  return state.timeEntries.filter(
    (entry) =>
      entry.purpose === 'work' &&
      !entry.ongoing &&
      !entry.locked &&
      entry.is_direct_hours &&
      entry.project_id !== null &&
      projectIds.has(entry.project_id) &&
      entry.date >= from &&
      entry.date <= to &&
      entry.external_references.length === 0,
  );
}

const urenbrugMarks = (entry: TimeEntry) =>
  entry.external_references.filter((reference) => isUrenbrugReferenceId(reference.id));

async function invoiceFrame(): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#MainWindow');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no MainWindow frame');
  await frame.waitForLoadState('load');
  return frame;
}

beforeAll(async () => {
  keeping = await startKeepingSandbox();
  exact = await startExactSandbox({ lookupLatencyMs: 20 });
  [colleagues, withJira] = billable() as [TimeEntry, TimeEntry];
  withJira.external_references = [JIRA];
  session = await launchWithExtension({ keepingUrl: keeping.url, exactUrl: exact.url });
  await (await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID)).close();
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
  await Promise.all([keeping?.close(), exact?.close()]);
});

describe('write-back between colleagues', () => {
  let invoiceNumber = '';
  const ours = () =>
    keeping.state.timeEntries.filter((entry) =>
      entry.external_references.some(
        (reference) => reference.name === `Factuur ${invoiceNumber} (Exact Online)`,
      ),
    );

  it('a colleague’s mark appearing between fill and save ends in a visible conflict, not a second reference', async () => {
    await page.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`);
    let frame = await invoiceFrame();
    await frame.getByTestId('urenbrug-panel').waitFor({ state: 'attached' });
    await frame.locator('#InvoiceTo_alt').fill(EXACT_CUSTOMER_CODE);
    await frame.locator('#InvoiceTo_alt').press('Tab');
    await expect.poll(() => frame.locator('#InvoiceTo_ref').textContent()).toContain(CLIENT);
    const select = frame.getByTestId('client-select');
    const value = await select.evaluate(
      (element, wanted) =>
        [...(element as HTMLSelectElement).options].find((option) => option.text.includes(wanted))?.value,
      CLIENT,
    );
    await select.selectOption(value ?? '');
    await frame.getByTestId('entry-row').first().waitFor();
    await frame.getByTestId('fill-button').click();
    await frame.getByTestId('fill-summary').waitFor({ timeout: 60_000 });
    await frame.locator('[data-testid="fill-button"]:enabled').waitFor({ timeout: 60_000 });

    // A colleague's install bills one of the filled entries on invoice 20260077 meanwhile.
    colleagues.external_references = [COLLEAGUE_MARK];

    await frame.locator('#btnSave').click();
    await expect
      .poll(async () => (await invoiceFrame()).locator('#InvoiceNumber').textContent(), { timeout: 20_000 })
      .toMatch(/^\d+$/);
    frame = await invoiceFrame();
    invoiceNumber = ((await frame.locator('#InvoiceNumber').textContent()) ?? '').trim();

    const warning = frame.getByTestId('billed-elsewhere-warning');
    await warning.waitFor({ timeout: 45_000 });
    expect(await warning.textContent()).toContain(`Registratie ${colleagues.id}: al op Factuur 20260077`);
    // The figure: the colleague's entry keeps exactly one Urenbrug reference, theirs.
    expect(urenbrugMarks(colleagues)).toEqual([COLLEAGUE_MARK]);
    await expect.poll(() => ours().length, { timeout: 30_000 }).toBeGreaterThan(1);
    expect(ours().map((entry) => entry.id)).not.toContain(colleagues.id);
    expect(withJira.external_references).toEqual([
      JIRA,
      expect.objectContaining({ type: 'generic_work_reference' }),
    ]);
    // Nothing is claimed done that is not: the override needs a reason first.
    expect(await frame.getByTestId('override-confirm').isDisabled()).toBe(true);
  });

  it('release an invoice and see our reference gone in the sandbox Keeping with the other references kept', {
    timeout: 200_000,
  }, async () => {
    const frame = await invoiceFrame();
    const marked = ours().length;
    expect(marked).toBeGreaterThan(1);
    await frame.getByTestId('unlink-button').click();
    expect(await frame.getByTestId('release-confirm').isDisabled()).toBe(true);
    await frame.getByTestId('release-reason').fill('Gecrediteerd met 20260088');
    await frame.getByTestId('release-confirm').click();

    // At Keeping's pace (120 requests a minute, a 429 waits a minute) marking and releasing
    // about 70 entries each can take two minutes.
    await expect.poll(() => ours().length, { timeout: 150_000 }).toBe(0);
    expect(withJira.external_references).toEqual([JIRA]);
    expect(colleagues.external_references).toEqual([COLLEAGUE_MARK]);
    // The hours are billable again in Urenbrug: nothing is linked to the invoice any more.
    await expect.poll(() => frame.getByTestId('linked-count').count()).toBe(0);
    await expect.poll(() => frame.getByTestId('billed-elsewhere-warning').count()).toBe(0);
  });
});
