/**
 * How long the popup takes to show today's total, in the real extension, on the page's own clock
 * (performance.now(), from navigation start) at the first animation frame that has it:
 * - `firstTotalMs`: the first total on screen, whatever drew it (with the kept snapshot that is
 *   the first paint, popup/first-paint.ts; without one, the app with the worker's answer);
 * - `workerTotalMs`: the total as the worker answered it (the app's `data-source` is "worker" or
 *   "keeping"): from the worker's cache while Keeping is offline, or Keeping's fresh answer when
 *   `keeping` is online.
 * Openings with the snapshot the popup kept last time (the normal case) and without it (the
 * worker's cache only, as on the first opening after connecting). `wallMs` adds the browser
 * opening the page as Playwright sees it.
 */
import type { Page } from 'playwright-core';
import { type ExtensionSession, launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions, POPUP_PATH } from '../../sandbox/harness/drive';
import { SANDBOX_ORGANISATION_ID, SANDBOX_TOKENS, startKeepingSandbox } from '../../sandbox/keeping/server';
import { median, report, round } from './report';

const RUNS = 9;
const TOTAL = '[data-testid="today-total"]';
const WORKER_TOTAL = `:is([data-source="worker"], [data-source="keeping"]) ${TOTAL}`;
const FRESH_TOTAL = `[data-source="keeping"] ${TOTAL}`;

/** performance.now() at the first animation frame in which `selector` matches. */
function paintedAt(page: Page, selector: string): Promise<number> {
  return page
    .waitForFunction((wanted) => (document.querySelector(wanted) ? performance.now() : 0), selector, {
      polling: 'raf',
    })
    .then((handle) => handle.jsonValue());
}

/** When the browser painted the first total (Element Timing: both paints mark it `elementtiming`). */
function totalRenderedAt(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const first = list
            .getEntries()
            .find((entry) => entry.name === 'text-paint' || entry.name === 'image-paint');
          if (!first) return;
          observer.disconnect();
          resolve((first as PerformanceEntry & { renderTime: number }).renderTime || first.startTime);
        }).observe({ type: 'element', buffered: true });
      }),
  );
}

function figures(prefix: string, values: number[]) {
  return {
    [`${prefix}MedianMs`]: round(median(values), 0),
    [`${prefix}MaxMs`]: round(Math.max(...values), 0),
  };
}

async function openings(session: ExtensionSession, keepSnapshot: boolean, fromKeeping: boolean) {
  const wall: number[] = [];
  const first: number[] = [];
  const rendered: number[] = [];
  const worker: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await session.context.newPage();
    const started = Date.now();
    await page.goto(session.extensionUrl(POPUP_PATH), { waitUntil: 'commit' });
    const [firstAt, workerAt] = await Promise.all([
      paintedAt(page, TOTAL),
      paintedAt(page, fromKeeping ? FRESH_TOTAL : WORKER_TOTAL),
    ]);
    wall.push(Date.now() - started);
    first.push(firstAt);
    rendered.push(await totalRenderedAt(page));
    worker.push(workerAt);
    // Let the refresh end before the next opening, so no two pages write the snapshot at once.
    await page.locator('[data-testid="refresh-button"]:enabled').waitFor();
    if (!keepSnapshot) await page.evaluate(() => localStorage.clear());
    await page.close();
  }
  return {
    runs: RUNS,
    ...figures('firstTotal', first),
    ...figures('firstTotalPainted', rendered),
    ...figures('workerTotal', worker),
    ...figures('wall', wall),
  };
}

export async function benchPopupOpen(): Promise<void> {
  const keeping = await startKeepingSandbox();
  const session = await launchWithExtension({ keepingUrl: keeping.url });
  try {
    await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID);
    // Fill the cache once, then measure openings that answer from it while Keeping is offline.
    const warm = await session.openPage(POPUP_PATH);
    await warm.locator(`[data-source="keeping"] ${TOTAL}`).waitFor();
    await warm.evaluate(() => localStorage.clear());
    await warm.close();
    session.setKeepingOffline(true);
    // Without a snapshot first: each of these openings paints from the worker's cache.
    report('popup-open-from-cache', {
      snapshot: false,
      keeping: 'offline',
      ...(await openings(session, false, false)),
    });
    const seeding = await session.openPage(POPUP_PATH);
    await seeding.locator(TOTAL).waitFor();
    await seeding.locator('[data-testid="refresh-button"]:enabled').waitFor();
    await seeding.close();
    report('popup-open-from-cache', {
      snapshot: true,
      keeping: 'offline',
      budgetMs: 100,
      ...(await openings(session, true, false)),
    });
    // The normal day: the kept snapshot first, then the worker's fresh read from Keeping.
    session.setKeepingOffline(false);
    report('popup-open-from-cache', {
      snapshot: true,
      keeping: 'online',
      ...(await openings(session, true, true)),
    });
  } finally {
    await session.close();
    await keeping.close();
  }
}
