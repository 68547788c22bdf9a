/**
 * Issue 7, "associate an existing invoice by its lines", end to end on the production build: a
 * hand-made saved invoice with one line per project for a week of last month is matched to exactly the
 * client's open hours per line, linked with "Koppel uren", marked in the sandbox Keeping, and
 * listed in the options page's audit log, whose CSV export is what Dutch Excel opens.
 */
import { readFile } from 'node:fs/promises';
import { addDays, format, parseISO, startOfISOWeek, startOfMonth, subMonths } from 'date-fns';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../sandbox/exact/server';
import { addSavedInvoice } from '../../sandbox/exact/testing/fixtures';
import { EXACT_ORIGIN, type ExtensionSession, launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions, OPTIONS_PATH } from '../../sandbox/harness/drive';
import type { SandboxState } from '../../sandbox/keeping/server';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from '../../sandbox/keeping/server';

const CLIENT = 'Stichting Zorggroep Eemland';
const PROJECTS = ['Begroting 2027', 'Interim controller'];
const ENTRY_ID = '7b2e1d3c-4a5f-4e6d-8c7b-9a0b1c2d3e4f';
const INVOICE_NUMBER = 20261234;

let keeping: KeepingSandbox;
let exact: ExactSandbox;
let session: ExtensionSession;
let page: Page;

type SandboxEntry = SandboxState['timeEntries'][number];

/** The first full week of last month: a period short enough for the write-back to finish quickly. */
function invoicedWeek(): { from: Date; to: Date } {
  const month = startOfMonth(subMonths(parseISO(keeping.state.today), 1));
  const from = startOfISOWeek(addDays(month, 6));
  return { from, to: addDays(from, 6) };
}

/** The client's entries a bookkeeper could still bill in that week, per project (computed apart from core/). */
function openEntries(projectName: string): SandboxEntry[] {
  const state = keeping.state;
  const week = invoicedWeek();
  const from = format(week.from, 'yyyy-MM-dd');
  const to = format(week.to, 'yyyy-MM-dd');
  const project = state.projects.find((p) => p.client?.name === CLIENT && p.name === projectName);
  if (!project) throw new Error(`no project ${projectName}`);
  return state.timeEntries.filter(
    (entry) =>
      entry.project_id === project.id &&
      entry.purpose === 'work' &&
      !entry.ongoing &&
      !entry.locked &&
      entry.is_direct_hours &&
      entry.date >= from &&
      entry.date <= to &&
      (entry.hours ?? 0) > 0 &&
      !entry.external_references.some((ref) => /_invoice$/.test(ref.type) || ref.id.startsWith('eb0b0e')),
  );
}

const minutesOf = (entries: SandboxEntry[]) =>
  entries.reduce((sum, entry) => sum + Math.round((entry.hours ?? 0) * 60), 0);

function hoursText(minutes: number): string {
  const hundredths = Math.round((minutes * 100) / 60);
  return `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
}

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
  session = await launchWithExtension({ keepingUrl: keeping.url, exactUrl: exact.url });
  await (await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID)).close();
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
  await Promise.all([keeping?.close(), exact?.close()]);
});

describe('associating a hand-made saved invoice by its lines', () => {
  const expected: SandboxEntry[][] = [];

  it('proposes per line the hours that match its quantity and links them with “Koppel uren”', async () => {
    const week = invoicedWeek();
    const period = `${format(week.from, 'd-M-yyyy')} t/m ${format(week.to, 'd-M-yyyy')}`;
    for (const project of PROJECTS) expected.push(openEntries(project));
    expect(expected.every((entries) => entries.length > 0)).toBe(true);
    addSavedInvoice(exact.state, {
      entryId: ENTRY_ID,
      customerName: CLIENT,
      invoiceNumber: INVOICE_NUMBER,
      description: `Werkzaamheden ${period}`,
      lines: PROJECTS.map((project, index) => ({
        itemCode: 'UREN',
        description: project,
        // Exact keeps 2 decimals: 20 minutes is 0,33 (19,8 min) and still reads back as 20 minutes.
        quantity: Math.round((minutesOf(expected[index]!) / 60) * 100) / 100,
        unitPriceCents: 9500,
      })),
    });

    await page.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`);
    const frame = await invoiceFrame();
    await frame.goto(
      `${EXACT_ORIGIN}/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}&EntryID=%7b${ENTRY_ID}%7d`,
    );
    await frame.getByTestId('associate-section').waitFor();
    await frame.getByTestId('client-confirm').click();
    const summary = frame.getByTestId('match-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await frame.getByTestId('associate-period').textContent()).toContain(String(week.from.getDate()));

    const rows = () =>
      summary
        .getByTestId('match-line')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
        );
    // The summary first shows what the cache holds; Keeping's fresh entries may come a moment later.
    await expect
      .poll(rows, { timeout: 30_000 })
      .toEqual(
        PROJECTS.map((project, index) => [
          project,
          hoursText(minutesOf(expected[index]!)),
          hoursText(minutesOf(expected[index]!)),
          '0',
        ]),
      );
    const total = minutesOf(expected.flat());
    const totals = await frame
      .getByTestId('match-total')
      .locator('th')
      .evaluateAll((ths) => ths.map((th) => th.textContent?.trim()));
    expect(totals).toEqual(['Totaal', hoursText(total), hoursText(total), '0']);
    const proposed = await frame
      .getByTestId('associate-entry')
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-entry-id'))));
    // Only the line proposals: the other open hours are under "Niet voorgesteld", unticked.
    const ticked = await frame
      .getByTestId('associate-entry')
      .locator('input:checked')
      .evaluateAll((inputs) =>
        inputs.map((input) => Number(input.closest('[data-entry-id]')?.getAttribute('data-entry-id'))),
      );
    const wanted = expected
      .flat()
      .map((entry) => entry.id)
      .sort((a, b) => a - b);
    expect([...ticked].sort((a, b) => a - b)).toEqual(wanted);
    expect(proposed.length).toBeGreaterThanOrEqual(wanted.length);

    await frame.getByTestId('associate-button').click();
    await expect
      .poll(() => frame.getByTestId('associate-done').textContent())
      .toContain(String(wanted.length));
    const marked = () =>
      keeping.state.timeEntries
        .filter((entry) => entry.external_references.some((ref) => ref.id.startsWith('eb0b0e')))
        .map((entry) => entry.id)
        .sort((a, b) => a - b);
    await expect.poll(marked, { timeout: 45_000 }).toEqual(wanted);
    const names = keeping.state.timeEntries
      .filter((entry) => wanted.includes(entry.id))
      .flatMap((entry) => entry.external_references.filter((ref) => ref.id.startsWith('eb0b0e')))
      .map((ref) => ref.name);
    expect(new Set(names)).toEqual(new Set([`Factuur ${INVOICE_NUMBER} (Exact Online)`]));
  });

  it('lists the link in the audit log with the Keeping user, filters by entry, and exports it as CSV', async () => {
    const options = await session.openPage(OPTIONS_PATH);
    const log = options.getByTestId('audit-log');
    await log.getByTestId('audit-row').first().waitFor();
    await log.getByTestId('audit-filter-invoice').fill(String(INVOICE_NUMBER));
    await log.getByTestId('audit-filter-apply').click();
    // The write-back's records name no number: found through the invoice record all the same.
    await expect
      .poll(() => log.locator('[data-testid="audit-row"][data-action="writeback_done"]').count())
      .toBe(expected.flat().length);
    const link = log.locator('[data-testid="audit-row"][data-action="link"]');
    expect(await link.count()).toBe(1);
    expect(await link.locator('.audit-action').textContent()).toBe('Gekoppeld');
    expect(await link.locator('.audit-invoice').textContent()).toBe(String(INVOICE_NUMBER));
    // The connection's name and Keeping's id of the token owner.
    expect(await link.locator('.audit-user').textContent()).toMatch(/\S+ \(#\d+\)$/);

    const someEntry = expected[1]![0]!.id;
    await log.getByTestId('audit-filter-entry').fill(String(someEntry));
    await log.getByTestId('audit-filter-apply').click();
    // The unfiltered list stays on screen until the filtered page arrives: wait for the latter,
    // in which every row (at least one) names the entry.
    const entryTexts = () => log.locator('[data-testid="audit-row"] .audit-entries').allTextContents();
    await expect
      .poll(async () => {
        const texts = await entryTexts();
        return texts.length > 0 && texts.every((text) => text.includes(String(someEntry)));
      })
      .toBe(true);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      log.getByTestId('audit-export').click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Datum;Tijd;Handeling;Factuur;Aantal registraties;Registraties;Uren;Keeping-gebruiker;Reden / details',
    );
    const linkLine = lines.find((line) => line.includes(';Gekoppeld;'));
    expect(linkLine).toMatch(new RegExp(`^\\d\\d-\\d\\d-\\d{4};\\d\\d:\\d\\d;Gekoppeld;${INVOICE_NUMBER};`));
    expect(linkLine).toContain(`;${hoursText(minutesOf(expected.flat()))};`);
    await options.close();
  });
});
