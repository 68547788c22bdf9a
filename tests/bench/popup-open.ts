/**
 * How long the popup takes to show today's total from cache, in the real extension: with the
 * snapshot the popup kept last time (the normal case) and without it (the worker's cache only,
 * as on the first opening after connecting). `inPageMs` is the page's own clock from navigation
 * to the painted total; `wallMs` adds the browser opening the page as Playwright sees it.
 */
import type { Page } from 'playwright-core';
import { type ExtensionSession, launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions, POPUP_PATH } from '../../sandbox/harness/drive';
import { SANDBOX_ORGANISATION_ID, SANDBOX_TOKENS, startKeepingSandbox } from '../../sandbox/keeping/server';
import { median, report, round } from './report';

const RUNS = 9;
const TOTAL = '[data-testid="today-total"]';

/** performance.now() at the first animation frame in which the total is in the DOM. */
function totalPaintedAt(page: Page): Promise<number> {
  return page
    .waitForFunction((selector) => (document.querySelector(selector) ? performance.now() : 0), TOTAL, {
      polling: 'raf',
    })
    .then((handle) => handle.jsonValue());
}

async function openings(session: ExtensionSession, keepSnapshot: boolean) {
  const wall: number[] = [];
  const inPage: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await session.context.newPage();
    const started = Date.now();
    await page.goto(session.extensionUrl(POPUP_PATH), { waitUntil: 'commit' });
    inPage.push(await totalPaintedAt(page));
    wall.push(Date.now() - started);
    if (!keepSnapshot) await page.evaluate(() => localStorage.clear());
    await page.close();
  }
  return {
    runs: RUNS,
    inPageMedianMs: round(median(inPage), 0),
    inPageMaxMs: round(Math.max(...inPage), 0),
    wallMedianMs: round(median(wall), 0),
    wallMaxMs: Math.max(...wall),
  };
}

export async function benchPopupOpen(): Promise<void> {
  const keeping = await startKeepingSandbox();
  const session = await launchWithExtension({ keepingUrl: keeping.url });
  try {
    await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID);
    // Fill the cache once, then measure openings that answer from it while Keeping is offline.
    const warm = await session.openPage(POPUP_PATH);
    await warm.locator('[data-testid="refresh-button"]:enabled').waitFor();
    await warm.getByTestId('today-total').waitFor();
    await warm.evaluate(() => localStorage.clear());
    await warm.close();
    session.setKeepingOffline(true);
    // Without a snapshot first: each of these openings paints from the worker's cache.
    report('popup-open-from-cache', { snapshot: false, ...(await openings(session, false)) });
    const seeding = await session.openPage(POPUP_PATH);
    await seeding.locator(TOTAL).waitFor();
    await seeding.close();
    report('popup-open-from-cache', { snapshot: true, budgetMs: 100, ...(await openings(session, true)) });
  } finally {
    await session.close();
    await keeping.close();
  }
}
