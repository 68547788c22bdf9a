/**
 * Issue 9's revenue of invoices made elsewhere, on the production build: the Overzicht first
 * shows Keeping's integration's and a colleague's invoices as "revenue unknown"; once a panel in
 * Exact has read their amounts by number, it counts what Exact keeps for the processed ones
 * (credit notes negative, whatever sign Exact gives them), spread by the hours Keeping counts on
 * each, and still names the open one apart. A colleague's number in another division is not taken.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION, SECOND_DIVISION } from '../../sandbox/exact/model/seed';
import type { ExactInvoice } from '../../sandbox/exact/model/state';
import { type ExactSandbox, startExactSandbox } from '../../sandbox/exact/server';
import { addSavedInvoice } from '../../sandbox/exact/testing/fixtures';
import { EXACT_ORIGIN, type ExtensionSession, launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions } from '../../sandbox/harness/drive';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  type SandboxState,
  startKeepingSandbox,
} from '../../sandbox/keeping/server';
import { urenbrugReference } from '../../src/core/billing';
import { mulDivRounded } from '../../src/core/integer-math';

type SeedEntry = SandboxState['timeEntries'][number];

const OVERVIEW_PATH = 'src/overview/index.html';
const COLLEAGUE_NUMBER = 20269001;
const COLLEAGUE_INVOICE = '0a1b2c3d-0000-4000-8000-0000000c0111';

let keeping: KeepingSandbox;
let exact: ExactSandbox;
let session: ExtensionSession;

const minutesOf = (entry: SeedEntry) => Math.round((entry.hours ?? 0) * 60);
const hm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** The month before the previous one: the latest that Keeping's own integration invoiced in the seed. */
function twoMonthsBack(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  return {
    from: new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10),
    to: new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10),
  };
}

/** "€ -1.234,56" → -123456 */
function centsOf(text: string): number {
  const digits = text.replace(/[^\d,-]/g, '');
  const [whole = '0', fraction = '00'] = digits.replace('-', '').split(',');
  return (digits.includes('-') ? -1 : 1) * (Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
}

/** An invoice in Exact of `minutes` at € 95 an hour (negative minutes: a credit note). */
function exactInvoice(
  division: number,
  invoiceNumber: number,
  entryId: string,
  minutes: number,
): ExactInvoice {
  return addSavedInvoice(exact.state, {
    division,
    entryId,
    customerName: division === DEFAULT_DIVISION ? 'Gemeente Utrecht' : 'Horeca Groep Amstel',
    invoiceNumber,
    lines: [
      {
        itemCode: 'UREN',
        description: 'Uren',
        quantity: Math.round((minutes * 100) / 60) / 100,
        unitPriceCents: 9500,
      },
    ],
  });
}

interface Expected {
  range: { from: string; to: string };
  revenueCents: number;
  openMinutes: number;
  unknownBefore: number;
}

/**
 * The seed's month as Exact and Keeping then hold it: Keeping's integration's invoices of the
 * month in Exact (the first processed, the second a processed credit note, the rest still open),
 * and a colleague's Urenbrug invoice over three of the month's open entries and one of the month
 * before, with the same number in the other division as a trap.
 */
function arrange(): Expected {
  const state = keeping.state;
  const range = twoMonthsBack(state.today);
  const inMonth = (entry: SeedEntry) => entry.date >= range.from && entry.date <= range.to;
  const keepingInvoices = new Map<string, { name: string; minutes: number }>();
  for (const entry of state.timeEntries.filter(inMonth)) {
    if (entry.purpose === 'break' || !entry.is_direct_hours) continue;
    const reference = entry.external_references.find((r) => r.type === 'exact_online_invoice');
    if (!reference) continue;
    const invoice = keepingInvoices.get(reference.id) ?? { name: reference.name, minutes: 0 };
    invoice.minutes += minutesOf(entry);
    keepingInvoices.set(reference.id, invoice);
  }
  const invoices = [...keepingInvoices.values()];
  expect(invoices.length).toBeGreaterThanOrEqual(3);
  let revenueCents = 0;
  let openMinutes = 0;
  invoices.forEach((invoice, index) => {
    const entryId = `0a1b2c3d-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
    const made = exactInvoice(
      DEFAULT_DIVISION,
      Number(invoice.name),
      entryId,
      index === 1 ? -invoice.minutes : invoice.minutes,
    );
    if (index < 2) {
      made.status = 50;
      revenueCents += made.totals.exclVatCents;
    } else openMinutes += invoice.minutes;
  });
  // Exact's credit note with its amounts positive: only `Type` 8021 says it is one.
  exact.rest.creditNoteSign = 'positive';

  const open = (entry: SeedEntry) =>
    entry.purpose === 'work' &&
    entry.is_direct_hours &&
    entry.external_references.length === 0 &&
    minutesOf(entry) >= 30;
  const before = state.timeEntries.find(
    (entry) => entry.date < range.from && entry.date >= `${state.today.slice(0, 4)}-01-01` && open(entry),
  );
  const colleagueEntries = state.timeEntries.filter((entry) => inMonth(entry) && open(entry)).slice(0, 3);
  if (!before || colleagueEntries.length < 3) throw new Error('the seed has no open entries to bill');
  const reference = urenbrugReference(
    DEFAULT_DIVISION,
    COLLEAGUE_INVOICE,
    `Factuur ${COLLEAGUE_NUMBER} (Exact Online)`,
  );
  for (const entry of [...colleagueEntries, before]) entry.external_references.push({ ...reference });
  const inPeriod = colleagueEntries.reduce((sum, entry) => sum + minutesOf(entry), 0);
  const total = inPeriod + minutesOf(before);
  const colleague = exactInvoice(DEFAULT_DIVISION, COLLEAGUE_NUMBER, COLLEAGUE_INVOICE, total);
  colleague.status = 50;
  const trap = exactInvoice(
    SECOND_DIVISION,
    COLLEAGUE_NUMBER,
    '0a1b2c3d-0000-4000-8000-0000000c0222',
    60_000,
  );
  trap.status = 50;
  revenueCents += mulDivRounded(colleague.totals.exclVatCents, inPeriod, total);
  return { range, revenueCents, openMinutes, unknownBefore: invoices.length + 1 };
}

let expected: Expected;

beforeAll(async () => {
  keeping = await startKeepingSandbox();
  exact = await startExactSandbox({ lookupLatencyMs: 20 });
  expected = arrange();
  session = await launchWithExtension({ keepingUrl: keeping.url, exactUrl: exact.url });
  await (await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID)).close();
});

afterAll(async () => {
  await session?.close();
  await Promise.all([keeping?.close(), exact?.close()]);
});

describe('revenue of invoices made elsewhere', () => {
  it('counts what Exact keeps for them once a panel has read it, and names the open one apart', async () => {
    const overview = await session.openPage(OVERVIEW_PATH);
    await overview.setViewportSize({ width: 1280, height: 1400 });
    await overview.getByTestId('report-worked').waitFor();
    await overview.getByRole('button', { name: 'Vorige periode' }).click();
    await overview.getByRole('button', { name: 'Vorige periode' }).click();
    await expect.poll(() => overview.getByTestId('report-from').inputValue()).toBe(expected.range.from);
    const text = async (testId: string) => (await overview.getByTestId(testId).textContent()) ?? '';
    await expect
      .poll(() => text('report-unknown-revenue'), { timeout: 60_000 })
      .toContain(`${expected.unknownBefore} facturen`);
    expect(await text('report-revenue')).toBe('€ 0,00');
    await overview.getByTestId('report-unknown-hint').waitFor();

    // A panel in Exact reads the numbers the worker wants, after its own first paint.
    const exactPage = await session.context.newPage();
    await exactPage.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`);
    const frame = await (await exactPage.waitForSelector('iframe#MainWindow')).contentFrame();
    if (!frame) throw new Error('no MainWindow frame');
    await frame.getByTestId('urenbrug-panel').waitFor({ state: 'attached' });
    await expect
      .poll(
        async () => {
          await overview.reload();
          await overview.getByTestId('report-worked').waitFor();
          await overview.getByRole('button', { name: 'Vorige periode' }).click();
          await overview.getByRole('button', { name: 'Vorige periode' }).click();
          return centsOf(await text('report-revenue'));
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe(expected.revenueCents);
    expect(await text('report-elsewhere-revenue')).toContain('waarvan 3 facturen van elders');
    expect(await text('report-unknown-revenue')).toContain(
      `omzet onbekend voor ${expected.unknownBefore - 3} facturen (${hm(expected.openMinutes)} uur)`,
    );
    expect(await text('report-revenue')).not.toBe('€ 0,00');
    mkdirSync('screenshots', { recursive: true });
    await overview.screenshot({ path: 'screenshots/overview-exact-revenue.png', fullPage: true });
    await exactPage.close();
    await overview.close();
  }, 240_000);
});
