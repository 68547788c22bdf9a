/**
 * Issue 9 end to end, on the production build: the Overzicht of a sandbox month equals figures
 * computed straight from the sandbox's seed, and its CSV carries the numbers on screen.
 */
import { readFile } from 'node:fs/promises';
import { format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../sandbox/exact/server';
import { EXACT_ORIGIN, type ExtensionSession, launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions } from '../../sandbox/harness/drive';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  type SandboxState,
  startKeepingSandbox,
} from '../../sandbox/keeping/server';

const OVERVIEW_PATH = 'src/overview/index.html';
const KEEPING_INVOICE_TYPES = new Set([
  'moneybird_invoice',
  'exact_online_invoice',
  'jortt_invoice',
  'eboekhouden_invoice',
  'twinfield_invoice',
  'snelstart_invoice',
]);

let keeping: KeepingSandbox;
let exact: ExactSandbox;
let session: ExtensionSession;

beforeAll(async () => {
  keeping = await startKeepingSandbox();
  exact = await startExactSandbox({ lookupLatencyMs: 20 });
  session = await launchWithExtension({ keepingUrl: keeping.url, exactUrl: exact.url });
  await (await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID)).close();
});

afterAll(async () => {
  await session?.close();
  await Promise.all([keeping?.close(), exact?.close()]);
});

const hm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** Two months before the sandbox's today (the seed's latest month that Keeping's integration invoiced). */
function twoMonthsBack(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const from = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10);
  return { from, to };
}

/** Worked, direct, indirect, billed and unbilled of a month, from the seed alone. */
function expectedMonth(state: SandboxState, range: { from: string; to: string }) {
  let worked = 0;
  let direct = 0;
  let billed = 0;
  const invoices = new Set<string>();
  for (const entry of state.timeEntries) {
    if (entry.date < range.from || entry.date > range.to || entry.purpose === 'break') continue;
    const minutes = Math.round((entry.hours ?? 0) * 60);
    worked += minutes;
    if (!entry.is_direct_hours) continue;
    direct += minutes;
    const invoice = entry.external_references.find(
      (reference) =>
        KEEPING_INVOICE_TYPES.has(reference.type) ||
        (reference.type === 'generic_work_reference' && /^eb0b0e[0-9a-f]{16}$/.test(reference.id)),
    );
    if (invoice === undefined) continue;
    billed += minutes;
    invoices.add(invoice.name);
  }
  return {
    worked,
    direct,
    indirect: worked - direct,
    billed,
    unbilled: direct - billed,
    invoices: invoices.size,
  };
}

function isBilled(entry: SandboxState['timeEntries'][number]): boolean {
  return entry.external_references.some(
    (reference) =>
      KEEPING_INVOICE_TYPES.has(reference.type) ||
      (reference.type === 'generic_work_reference' && /^eb0b0e[0-9a-f]{16}$/.test(reference.id)),
  );
}

/** A client's unbilled direct minutes of this year and the first day of them, from the seed. */
function expectedUnbilled(state: SandboxState, clientName: string) {
  const projects = new Set(state.projects.filter((p) => p.client?.name === clientName).map((p) => p.id));
  const year = state.today.slice(0, 4);
  let minutes = 0;
  let since: string | null = null;
  for (const entry of state.timeEntries) {
    if (entry.project_id === null || !projects.has(entry.project_id) || !entry.date.startsWith(year))
      continue;
    if (entry.purpose === 'break' || !entry.is_direct_hours || isBilled(entry)) continue;
    const worked = Math.round((entry.hours ?? 0) * 60);
    minutes += worked;
    if (worked > 0 && (since === null || entry.date < since)) since = entry.date;
  }
  return { minutes, since };
}

describe('Overzicht', () => {
  it("shows a sandbox month's figures as the seed gives them, and exports the same numbers", async () => {
    const page = await session.openPage(OVERVIEW_PATH);
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.getByTestId('report-worked').waitFor();
    const range = twoMonthsBack(keeping.state.today);
    await page.getByRole('button', { name: 'Vorige periode' }).click();
    await page.getByRole('button', { name: 'Vorige periode' }).click();
    await expect.poll(() => page.getByTestId('report-from').inputValue()).toBe(range.from);
    const expected = expectedMonth(keeping.state, range);
    const worked = page.getByTestId('report-worked');
    await expect.poll(() => worked.textContent(), { timeout: 60_000 }).toBe(hm(expected.worked));
    const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
    expect(await text('report-direct')).toBe(hm(expected.direct));
    expect(await text('report-indirect')).toBe(hm(expected.indirect));
    expect(await text('report-billed')).toBe(hm(expected.billed));
    expect(await text('report-unbilled')).toBe(hm(expected.unbilled));
    expect(expected.billed).toBeGreaterThan(0);
    // Keeping's own integration made those invoices: their revenue is unknown here, and says so.
    expect(await text('report-unknown-revenue')).toContain(
      `${expected.invoices} facturen (${hm(expected.billed)} uur)`,
    );
    expect(await text('report-revenue')).toBe('€ 0,00');
    expect(await page.getByTestId('report-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'screenshots/overview-1280.png', fullPage: true });

    // Print: one A4 landscape page for a typical month, the figures and the chart on it.
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBe(1);
    // The printable area of A4 landscape at the page's 10 mm margins: 277 × 190 mm at 96 px/inch.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor((277 / 25.4) * 96), height: 700 });
    const chartBottom = await page.evaluate(
      () => document.querySelector('.chart')?.getBoundingClientRect().bottom ?? Number.POSITIVE_INFINITY,
    );
    expect(chartBottom).toBeLessThanOrEqual((190 / 25.4) * 96);
    await page.screenshot({ path: 'screenshots/overview-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 1400 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-export').click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    const day = (ymd: string) => `${ymd.slice(8)}-${ymd.slice(5, 7)}-${ymd.slice(0, 4)}`;
    expect(lines[0]).toBe(`Periode;${day(range.from)};${day(range.to)}`);
    const total = (lines.at(-1) ?? '').split(';');
    const decimal = (minutes: number) => {
      const hundredths = Math.round((minutes * 100) / 60);
      return `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
    };
    expect(total.slice(5, 10)).toEqual([
      decimal(expected.worked),
      decimal(expected.direct),
      decimal(expected.indirect),
      decimal(expected.billed),
      decimal(expected.unbilled),
    ]);
    await page.close();
  }, 120_000);

  it("puts the customer's unbilled hours of this year above the panel's entries", async () => {
    const client = 'Gemeente Utrecht';
    const page = await session.context.newPage();
    await page.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`);
    const handle = await page.waitForSelector('iframe#MainWindow');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no MainWindow frame');
    await frame.getByTestId('urenbrug-panel').waitFor({ state: 'attached' });
    const select = frame.getByTestId('client-select');
    const value = await select.evaluate(
      (element, wanted) =>
        [...(element as HTMLSelectElement).options].find((o) => o.text.includes(wanted))?.value,
      client,
    );
    await select.selectOption(value ?? '');
    const line = frame.getByTestId('panel-unbilled-summary');
    await line.waitFor({ timeout: 60_000 });
    const expected = expectedUnbilled(keeping.state, client);
    expect(expected.since).not.toBeNull();
    const since = format(parseISO(expected.since ?? ''), 'd MMMM', { locale: nl });
    await expect
      .poll(() => line.textContent(), { timeout: 30_000 })
      .toMatch(
        new RegExp(
          `^Nog niet gefactureerd: ${hm(expected.minutes)} uur \\(≈ € [\\d.]+\\) sinds ${since} · gefactureerd dit jaar € 0$`,
        ),
      );
    await page.screenshot({ path: 'screenshots/overview-panel-line.png' });
    await page.close();
  }, 120_000);

  it("shows this month's billed vs unbilled direct hours in the popup, as the seed gives them", async () => {
    const today = keeping.state.today;
    const next = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0));
    const month = { from: `${today.slice(0, 7)}-01`, to: next.toISOString().slice(0, 10) };
    const expected = expectedMonth(keeping.state, month);
    expect(expected.direct).toBeGreaterThan(0);
    const percent = Math.round((expected.billed * 100) / expected.direct);
    const page = await session.openPage('src/popup/index.html');
    const ratio = page.getByTestId('popup-ratio');
    await expect
      .poll(() => ratio.textContent(), { timeout: 60_000 })
      .toBe(
        `gefactureerd ${hm(expected.billed)} · niet gefactureerd ${hm(expected.unbilled)} (${percent} % gefactureerd)`,
      );
    await page.close();
  }, 120_000);
});
