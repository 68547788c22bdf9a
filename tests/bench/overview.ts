/**
 * The Overzicht at a big firm's load (issue 9), in the real extension against the Keeping
 * sandbox's big-firm seed (BENCH_OVERVIEW_PEOPLE, default 40 people, about 50,000 entries a year):
 * - the year read cold: Keeping calls (all, and entry pages vs the floor of one a page of 100)
 *   and the time until the figures are complete;
 * - the same year opened again from cache: Keeping calls, and the time from opening the page
 *   to the figures and the breakdown drawn (median of a few runs; aim under 300 ms).
 * BENCH_OVERVIEW=0 skips it (the cold year alone takes over four minutes at Keeping's pace).
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions } from '../../sandbox/harness/drive';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from '../../sandbox/keeping/server';
import { median, report, round } from './report';

const PEOPLE = Number(process.env.BENCH_OVERVIEW_PEOPLE ?? 40);
const ENTRIES = Number(process.env.BENCH_OVERVIEW_ENTRIES ?? 50_000);
const RUNS = 5;
const PAGE_SIZE = 100;
const YEAR_PATH = 'src/overview/index.html?period=year';

const entryCalls = (keeping: KeepingSandbox, from: number) =>
  keeping.requestLog.slice(from).filter((item) => item.path.includes('/report/time-entries')).length;

/** Until the figures and at least one breakdown row are drawn and no read is running. */
async function waitDrawn(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const worked = document.querySelector('[data-testid="report-worked"]');
      const row = document.querySelector('[data-testid="report-row"]');
      return worked !== null && worked.textContent !== '0:00' && row !== null;
    },
    undefined,
    { timeout, polling: 'raf' },
  );
}

export async function benchOverview(): Promise<void> {
  if (process.env.BENCH_OVERVIEW === '0') return;
  const keeping = await startKeepingSandbox({ seed: { people: PEOPLE, entryCount: ENTRIES } });
  const session = await launchWithExtension({ keepingUrl: keeping.url });
  try {
    await (await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID)).close();
    const year = keeping.state.today.slice(0, 4);
    const inYear = keeping.state.timeEntries.filter((entry) => entry.date.startsWith(year)).length;

    const coldFrom = keeping.requestLog.length;
    const coldStarted = Date.now();
    const cold = await session.openPage(YEAR_PATH);
    await cold
      .locator('[data-testid="data-age"]', { hasText: /zojuist|just now/ })
      .waitFor({ timeout: 15 * 60_000 });
    await waitDrawn(cold, 60_000);
    const coldMs = Date.now() - coldStarted;
    await cold.close();
    report('overview-year-cold', {
      people: PEOPLE,
      entries: inYear,
      ms: coldMs,
      keepingCalls: keeping.requestLog.length - coldFrom,
      entryPages: entryCalls(keeping, coldFrom),
      entryPagesFloor: Math.ceil(inYear / PAGE_SIZE),
    });

    const times: number[] = [];
    const warmFrom = keeping.requestLog.length;
    for (let run = 0; run < RUNS; run++) {
      const page = await session.context.newPage();
      const started = Date.now();
      await page.goto(`chrome-extension://${session.extensionId}/${YEAR_PATH}`);
      await waitDrawn(page, 30_000);
      times.push(Date.now() - started);
      await page.close();
    }
    report('overview-year-from-cache', {
      people: PEOPLE,
      entries: inYear,
      msToFiguresMedian: median(times),
      msToFiguresMax: Math.max(...times),
      runs: RUNS,
      keepingCalls: round((keeping.requestLog.length - warmFrom) / RUNS, 2),
    });
  } finally {
    await session.close();
    await keeping.close();
  }
}
