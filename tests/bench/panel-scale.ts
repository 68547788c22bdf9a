/**
 * The Exact panel at a big firm's load (issue 10), in the real extension against the sandboxes,
 * with the Keeping sandbox's big-firm seed (`people`, default 57: about 4,000 entries a month for
 * Gemeente Utrecht and 50,000 a year):
 * - a month opened cold and again from cache: time to the complete list, Keeping calls vs the
 *   floor of one call a page of 100, and the tab's and the worker's JS heap after it;
 * - a year read once (its reading time and calls vs the floor), then opened from cache: time to
 *   the summary and to the first paint, DOM nodes in the panel, the tab's and the worker's JS heap;
 * - interaction latencies on the year, from the click to the next painted frame: tick one entry,
 *   select none/all on groups of about 833 / 3,333 / 10,000 / 16,667 entries (periods inside the
 *   year, which count as complete from its read), change the grouping, change the period.
 * Options (environment): BENCH_PEOPLE (the seed's firm size), BENCH_EXTENSION_DIR (another build),
 * BENCH_YEAR=0 skips the year (the cold year read alone takes over four minutes at Keeping's 120
 * calls a minute).
 */
import type { Frame, Page } from 'playwright-core';
import { DEFAULT_DIVISION } from '../../sandbox/exact/model/seed';
import { startExactSandbox } from '../../sandbox/exact/server';
import { EXACT_ORIGIN, launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions } from '../../sandbox/harness/drive';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from '../../sandbox/keeping/server';
import { tabHeapMb, workerHeapMb } from './heap';
import { median, report, round } from './report';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 57);
const WITH_YEAR = process.env.BENCH_YEAR !== '0';
/** Another build to measure (e.g. the main branch's, for before/after figures); default dist/. */
const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR;
const CLIENT = 'Gemeente Utrecht';
const RUNS = 5;
const PAGE_SIZE = 100;

async function frameOf(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('iframe#MainWindow')).contentFrame();
  if (!frame) throw new Error('no MainWindow frame');
  return frame;
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

/** Entry reads Keeping got since `from` (an index into the request log). */
function entryCalls(keeping: KeepingSandbox, from: number): number {
  return keeping.requestLog.slice(from).filter((item) => item.path.includes('/report/time-entries')).length;
}

function allCalls(keeping: KeepingSandbox, from: number): number {
  return keeping.requestLog.length - from;
}

/** Waits until the list is complete: counted, and no partial-period notice. */
async function waitComplete(frame: Frame, timeout = 60_000): Promise<void> {
  await frame.getByTestId('selected-count').waitFor({ timeout });
  await frame.waitForFunction(
    () => {
      const root = document.querySelector('[data-testid="urenbrug-panel"]')?.shadowRoot;
      return root?.querySelector('[data-testid="entries-partial"]') === null;
    },
    undefined,
    { timeout, polling: 50 },
  );
}

/**
 * In the frame's main world (the harness lets it see the panel's root): after the next trusted
 * click or change inside the panel, the time until the frame after it was painted.
 */
const ARM_LATENCY = `(() => {
  const root = document.querySelector('[data-testid="urenbrug-panel"]').shadowRoot;
  window.__latency = new Promise((resolve) => {
    const started = { at: 0 };
    const onEvent = (event) => {
      if (started.at !== 0) return;
      started.at = event.timeStamp;
      root.removeEventListener('click', onEvent, true);
      root.removeEventListener('change', onEvent, true);
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started.at), 0));
    };
    root.addEventListener('click', onEvent, true);
    root.addEventListener('change', onEvent, true);
  });
})()`;

async function latency(frame: Frame, act: () => Promise<unknown>): Promise<number> {
  await frame.evaluate(ARM_LATENCY);
  await act();
  return round((await frame.evaluate('window.__latency')) as number, 1);
}

async function panelNodes(frame: Frame): Promise<number> {
  return frame.evaluate(
    () =>
      document.querySelector('[data-testid="urenbrug-panel"]')?.shadowRoot?.querySelectorAll('*').length ?? 0,
  );
}

async function setCustomPeriod(frame: Frame, from: string, to: string): Promise<void> {
  await frame.getByTestId('period-select').selectOption('custom');
  await frame.getByTestId('period-from').fill(from);
  await frame.getByTestId('period-to').fill(to);
}

const ymd = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The floor of a cold read through this harness: the same pages fetched straight from the
 * service worker, three at a time, with no validation, caching or panel of ours.
 */
async function rawPagesMs(
  session: Awaited<ReturnType<typeof launchWithExtension>>,
  from: string,
  to: string,
  pages: number,
): Promise<number> {
  // A string, not a function: tsx would add helpers to a function's source that the worker lacks.
  const script = `(async () => {
    const started = performance.now();
    let next = 1;
    const worker = async () => {
      while (next <= ${pages}) {
        const page = next++;
        const url = 'https://api.keeping.nl/v1/${SANDBOX_ORGANISATION_ID}/report/time-entries?from=${from}&to=${to}&client_ids[]=123401&per_page=100&page=' + page;
        await (await fetch(url, { headers: { Authorization: 'Bearer ${SANDBOX_TOKENS.admin}' } })).json();
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    return performance.now() - started;
  })()`;
  return (await session.serviceWorker.evaluate(script)) as number;
}

/** Pages of 100 Keeping needs for the client's entries in the range (the floor of calls). */
function floorPages(keeping: KeepingSandbox, from: string, to: string): number {
  const projects = new Set(
    keeping.state.projects.filter((project) => project.client?.id === 123401).map((project) => project.id),
  );
  const count = keeping.state.timeEntries.filter(
    (entry) =>
      entry.project_id !== null && projects.has(entry.project_id) && entry.date >= from && entry.date <= to,
  ).length;
  return Math.ceil(count / PAGE_SIZE);
}

/** Last month in the sandbox's terms (the panel's default period). */
function lastMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: ymd(first), to: ymd(last) };
}

export async function benchPanelScale(): Promise<void> {
  const seedStarted = Date.now();
  // A year and a bit of the whole firm, so the last 365 days are full.
  const keeping = await startKeepingSandbox({ seed: { people: PEOPLE, entryCount: PEOPLE * 1_450 } });
  const seedMs = Date.now() - seedStarted;
  const exact = await startExactSandbox({ lookupLatencyMs: 0 });
  const session = await launchWithExtension({
    keepingUrl: keeping.url,
    exactUrl: exact.url,
    extensionDir: EXTENSION_DIR,
  });
  try {
    await (await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID)).close();
    const page = await session.context.newPage();
    await page.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`);
    let frame = await frameOf(page);
    await frame.getByTestId('client-select').waitFor();

    // A month, cold: from choosing the client to the complete list.
    let logAt = keeping.requestLog.length;
    let started = Date.now();
    await pickClient(frame);
    await frame.getByTestId('entry-group').first().waitFor({ timeout: 60_000 });
    const firstRowsMs = Date.now() - started;
    await waitComplete(frame);
    const coldMs = Date.now() - started;
    const monthEntries = await frame
      .getByTestId('selected-count')
      .evaluate((element) =>
        Number(/van ([\d.]+)/.exec(element.textContent ?? '')?.[1]?.replace('.', '') ?? 0),
      );
    const month = lastMonth();
    const monthCalls = entryCalls(keeping, logAt);
    const monthPages = floorPages(keeping, month.from, month.to);
    const callsAt = keeping.requestLog.length;
    const floorMs = await rawPagesMs(session, month.from, month.to, monthPages);
    keeping.requestLog.splice(callsAt);
    report('panel-scale-month-cold', {
      people: PEOPLE,
      seedMs,
      from: month.from,
      to: month.to,
      listedEntries: monthEntries,
      firstRowsMs,
      completeMs: coldMs,
      rawPagesFloorMs: round(floorMs, 0),
      ratio: round(coldMs / floorMs, 2),
      entryCalls: monthCalls,
      floorCalls: monthPages,
      allCalls: allCalls(keeping, logAt),
    });

    // The same month from cache, inside the freshness window: no Keeping call at all.
    await frame.waitForTimeout(800); // the selection saver's delay, so the reload finds the client
    const warm: number[] = [];
    logAt = keeping.requestLog.length;
    for (let run = 0; run < RUNS; run++) {
      await frame.goto(frame.url());
      frame = await frameOf(page);
      started = Date.now();
      await frame.getByTestId('client-select').waitFor();
      await waitComplete(frame);
      warm.push(Date.now() - started);
    }
    report('panel-scale-month-warm', {
      runs: RUNS,
      completeMedianMs: median(warm),
      completeMaxMs: Math.max(...warm),
      keepingCallsPerOpen: round(allCalls(keeping, logAt) / RUNS, 1),
      // Which calls, if any: a warm open inside the freshness window should need none.
      keepingCalls: [...new Set(keeping.requestLog.slice(logAt).map((call) => call.path.split('?')[0]))].join(
        ' ',
      ),
      tabHeapMb: await tabHeapMb(page),
      workerHeapMb: await workerHeapMb(page, session.extensionId),
    });
    if (!WITH_YEAR) return;
    await benchYear(keeping, session, page);
  } finally {
    await session.close();
    await Promise.all([keeping.close(), exact.close()]);
  }
}

async function benchYear(
  keeping: KeepingSandbox,
  session: Awaited<ReturnType<typeof launchWithExtension>>,
  page: Page,
): Promise<void> {
  let frame = await frameOf(page);
  const today = new Date();
  const yearFrom = ymd(new Date(today.getTime() - 365 * 86_400_000));
  const yearTo = ymd(new Date(today.getTime() - 86_400_000));
  await frame.getByTestId('include-billed').check();
  await frame.getByTestId('direct-only').uncheck();

  // A year, cold: Keeping's totals first, the reading time said before it starts.
  const logAt = keeping.requestLog.length;
  let started = Date.now();
  await setCustomPeriod(frame, yearFrom, yearTo);
  await frame.getByTestId('range-estimate').waitFor({ timeout: 60_000 });
  const estimateMs = Date.now() - started;
  const estimateText = (await frame.getByTestId('range-estimate').textContent()) ?? '';
  started = Date.now();
  await frame.getByTestId('range-start').click();
  await waitComplete(frame, 15 * 60_000);
  const readMs = Date.now() - started;
  const listed = await frame
    .getByTestId('selected-count')
    .evaluate((element) =>
      Number(/van ([\d.]+)/.exec(element.textContent ?? '')?.[1]?.replaceAll('.', '') ?? 0),
    );
  const calls = entryCalls(keeping, logAt);
  report('panel-scale-year-cold', {
    from: yearFrom,
    to: yearTo,
    listedEntries: listed,
    estimateMs,
    estimateSaid: estimateText.slice(0, 120),
    readMs,
    entryCalls: calls,
    floorCalls: Math.ceil(listed / PAGE_SIZE),
    floorMs: Math.max(0, Math.ceil(listed / PAGE_SIZE) - 120) * 500,
    rateLimited: keeping.requestLog.slice(logAt).filter((item) => item.status === 429).length,
  });

  // The same year from cache.
  await frame.waitForTimeout(800);
  session.setKeepingOffline(true); // from cache only
  const opens: Array<{ summary: number; paint: number }> = [];
  for (let run = 0; run < 3; run++) {
    await frame.goto(frame.url());
    frame = await frameOf(page);
    started = Date.now();
    await frame.getByTestId('selected-count').waitFor({ timeout: 60_000 });
    const summary = Date.now() - started;
    await frame.getByTestId('preview-total').waitFor({ timeout: 60_000 });
    opens.push({ summary, paint: Date.now() - started });
  }
  report('panel-scale-year-warm', {
    listedEntries: listed,
    summaryMedianMs: median(opens.map((open) => open.summary)),
    previewMedianMs: median(opens.map((open) => open.paint)),
    panelDomNodes: await panelNodes(frame),
    tabHeapMb: await tabHeapMb(page),
    workerHeapMb: await workerHeapMb(page, session.extensionId),
  });

  // Interactions on the year.
  const tick: number[] = [];
  await frame.getByTestId('group-toggle').first().click();
  for (let run = 0; run < RUNS; run++) {
    tick.push(await latency(frame, () => frame.getByTestId('entry-row').nth(run).locator('input').click()));
  }
  const grouping: number[] = [];
  for (const value of ['project_task', 'person', 'project']) {
    grouping.push(await latency(frame, () => frame.getByTestId('grouping-select').selectOption(value)));
  }
  report('panel-scale-year-interactions', {
    tickOneMedianMs: median(tick),
    tickOneMaxMs: Math.max(...tick),
    changeGroupingMedianMs: median(grouping),
    changeGroupingMaxMs: Math.max(...grouping),
    budgetMs: 50,
  });

  // Select none/all on groups of about 833 / 3,333 / 10,000 / 16,667 entries: periods whose
  // largest group (Gemeente Utrecht has three projects) is about that size.
  for (const days of [18, 73, 219, 365]) {
    const from = ymd(new Date(today.getTime() - days * 86_400_000));
    await setCustomPeriod(frame, from, yearTo);
    await frame.getByTestId('selected-count').waitFor();
    // Inside the year read in full: complete from the cache (Keeping is offline here).
    const complete = (await frame.getByTestId('entries-partial').count()) === 0;
    const sizes = await frame.getByTestId('group-totals').allTextContents();
    const largest = sizes
      .map((text) => Number(/\/([\d.]+)/.exec(text)?.[1]?.replaceAll('.', '') ?? 0))
      .reduce((a, b) => Math.max(a, b), 0);
    const index = sizes.findIndex((text) => text.includes(`/${largest}`));
    const group = frame.getByTestId('entry-group').nth(Math.max(index, 0));
    const none: number[] = [];
    const all: number[] = [];
    for (let run = 0; run < 3; run++) {
      none.push(await latency(frame, () => group.getByTestId('group-none').click()));
      all.push(await latency(frame, () => group.getByTestId('group-all').click()));
    }
    report('panel-scale-select-group', {
      days,
      complete,
      groupEntries: largest,
      selectNoneMedianMs: median(none),
      selectAllMedianMs: median(all),
      budgetMs: 50,
    });
  }

  // Change the period: from the year to last month (both cached), to the next paint and to the
  // new list.
  const period: number[] = [];
  const list: number[] = [];
  for (let run = 0; run < 3; run++) {
    await setCustomPeriod(frame, yearFrom, yearTo);
    await frame.getByTestId('selected-count').waitFor();
    started = Date.now();
    period.push(await latency(frame, () => frame.getByTestId('period-select').selectOption('last_month')));
    await frame.getByTestId('selected-count').waitFor();
    list.push(Date.now() - started);
  }
  report('panel-scale-change-period', {
    toPaintMedianMs: median(period),
    toListMedianMs: median(list),
    budgetMs: 50,
  });
  session.setKeepingOffline(false);
}
