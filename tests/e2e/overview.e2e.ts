/**
 * Issue 9 end to end, on the production build: the Overzicht of a sandbox month equals figures
 * computed straight from the sandbox's seed, and its CSV carries the numbers on screen.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../sandbox/harness/browser';
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
let session: ExtensionSession;

beforeAll(async () => {
  keeping = await startKeepingSandbox();
  session = await launchWithExtension({ keepingUrl: keeping.url });
  await (await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID)).close();
});

afterAll(async () => {
  await session?.close();
  await keeping?.close();
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
});
