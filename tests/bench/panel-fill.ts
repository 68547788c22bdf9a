/**
 * Filling about 50 and about 300 lines (one line per entry) with a slow Exact lookup, against the
 * sandbox's own floor at the same grid size: a script typing as many lines directly into a fresh
 * invoice of the same screen (no extension), since each lookup costs more as the grid grows
 * (issue 10, Filling 300 lines). The range grows day by day from the first of last month until
 * the preview has at least the target, so the line counts are near, not exactly, 50 and 300.
 * The 300-line run uses the big-firm seed (BENCH_PEOPLE people, default 57).
 */
import type { Frame, Page } from 'playwright-core';
import { DEFAULT_DIVISION } from '../../sandbox/exact/model/seed';
import { startExactSandbox } from '../../sandbox/exact/server';
import { EXACT_ORIGIN, type ExtensionSession, launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions } from '../../sandbox/harness/drive';
import { SANDBOX_ORGANISATION_ID, SANDBOX_TOKENS, startKeepingSandbox } from '../../sandbox/keeping/server';
import { report, round } from './report';

const LOOKUP_LATENCY_MS = 50;
const CLIENT = 'Gemeente Utrecht';
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 57);

/** The page's own time per line for `count` lines typed directly into its grid. */
const validateLinesDirectly = (count: number) => `(async (count) => {
  const started = performance.now();
  for (let n = 0; n < count; n++) {
    const row = [...document.querySelectorAll('table#grd tr.GridRow')].find(
      (tr) => document.getElementById(tr.id + '_Item_alt').value === '');
    const code = document.getElementById(row.id + '_Item_alt');
    const id = document.getElementById(row.id + '_Item');
    code.value = 'UREN';
    code.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => {
      const timer = setInterval(() => { if (id.value !== '') { clearInterval(timer); resolve(); } }, 1);
    });
  }
  return (performance.now() - started) / count;
})(${count})`;

async function frameOf(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('iframe#MainWindow')).contentFrame();
  if (!frame) throw new Error('no MainWindow frame');
  return frame;
}

async function openInvoice(session: ExtensionSession): Promise<{ page: Page; frame: Frame }> {
  const page = await session.context.newPage();
  await page.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`);
  const frame = await frameOf(page);
  await frame.getByTestId('client-select').waitFor();
  return { page, frame };
}

async function pickClient(frame: Frame): Promise<void> {
  await frame.locator('#InvoiceTo_alt').fill('1001');
  await frame.locator('#InvoiceTo_alt').press('Tab');
  const select = frame.getByTestId('client-select');
  const value = await select.evaluate(
    (element, name) => [...(element as HTMLSelectElement).options].find((o) => o.text.includes(name))?.value,
    CLIENT,
  );
  await select.selectOption(value ?? '');
}

function ymd(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Preview lines once the range is complete (filling is enabled only then). */
async function settledLines(frame: Frame): Promise<number> {
  // A day without entries never enables filling: give it a moment, then count it as none.
  await frame
    .getByTestId('preview-line')
    .first()
    .waitFor({ timeout: 3_000 })
    .catch(() => undefined);
  if ((await frame.getByTestId('preview-line').count()) === 0) return 0;
  await frame.locator('[data-testid="fill-button"]:enabled').waitFor({ timeout: 120_000 });
  return frame.getByTestId('preview-line').count();
}

async function previewAtLeast(
  frame: Frame,
  target: number,
): Promise<{ lines: number; from: string; to: string }> {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  await frame.getByTestId('grouping-select').selectOption('entry');
  await frame.getByTestId('period-select').selectOption('custom');
  await frame.getByTestId('period-from').fill(ymd(first));
  for (let days = 0; days < 62; days++) {
    const to = new Date(first.getTime() + days * 86_400_000);
    await frame.getByTestId('period-to').fill(ymd(to));
    const lines = await settledLines(frame);
    if (lines >= target) return { lines, from: ymd(first), to: ymd(to) };
  }
  throw new Error(`fewer than ${target} entries in two months`);
}

async function fillFigure(target: number, people: number | null): Promise<void> {
  const keeping = await startKeepingSandbox(
    people === null ? {} : { seed: { people, entryCount: people * 1_450 } },
  );
  const exact = await startExactSandbox({ lookupLatencyMs: LOOKUP_LATENCY_MS });
  const session = await launchWithExtension({ keepingUrl: keeping.url, exactUrl: exact.url });
  try {
    await (await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID)).close();
    const { frame } = await openInvoice(session);
    await pickClient(frame);
    const { lines, from, to } = await previewAtLeast(frame, target);
    const started = Date.now();
    await frame.getByTestId('fill-button').click();
    await frame.getByTestId('fill-summary').waitFor({ timeout: 600_000 });
    const totalMs = Date.now() - started;
    const mismatches = await frame.getByTestId('fill-mismatch').count();
    // The floor on a fresh invoice of the same screen, typed to the same number of lines.
    const floorPage = await openInvoice(session);
    const perLineFloorMs = (await floorPage.frame.evaluate(validateLinesDirectly(lines))) as number;
    report('panel-fill-lines', {
      target,
      lines,
      people: people ?? 'default seed',
      from,
      to,
      lookupLatencyMs: LOOKUP_LATENCY_MS,
      msPerLine: round(totalMs / lines, 1),
      floorMsPerLine: round(perLineFloorMs, 1),
      ratio: round(totalMs / lines / perLineFloorMs, 2),
      budgetRatio: 1.2,
      mismatchNotices: mismatches,
    });
  } finally {
    await session.close();
    await Promise.all([keeping.close(), exact.close()]);
  }
}

export async function benchPanelFill(): Promise<void> {
  await fillFigure(50, null);
  await fillFigure(300, PEOPLE);
}
