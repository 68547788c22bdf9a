/**
 * Issue 10 end to end: a period whose entries are still arriving is never filled. Keeping's
 * later pages are held back (slow pages), so the panel shows what has arrived, says the period is
 * partial in the entries and the preview, and keeps "Regels invullen" disabled; once the last
 * page is in, the notice goes and the lines can be filled.
 */
import type { Frame, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../sandbox/exact/server';
import {
  EXACT_ORIGIN,
  type ExtensionSession,
  KEEPING_ORIGIN,
  launchWithExtension,
} from '../../sandbox/harness/browser';
import { connectThroughOptions } from '../../sandbox/harness/drive';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from '../../sandbox/keeping/server';
import { readGrid } from './expected-invoice';

let keeping: KeepingSandbox;
let exact: ExactSandbox;
let session: ExtensionSession;
let page: Page;

/** Held-back pages of the panel's read, released together. */
let releasePages: () => void = () => undefined;
let held = 0;

beforeAll(async () => {
  // The big-firm option gives Gemeente Utrecht a few thousand entries a month: many pages.
  keeping = await startKeepingSandbox({ seed: { people: 20 } });
  exact = await startExactSandbox();
  session = await launchWithExtension({ keepingUrl: keeping.url, exactUrl: exact.url });
  await (await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID)).close();
  const gate = new Promise<void>((resolve) => {
    releasePages = resolve;
  });
  // Registered after the harness's own route, so it is asked first; it only delays, then passes on.
  await session.context.route(`${KEEPING_ORIGIN}/**`, async (route: Route) => {
    const url = new URL(route.request().url());
    const pageNumber = Number(url.searchParams.get('page') ?? 1);
    if (url.pathname.endsWith('/report/time-entries') && pageNumber >= 3) {
      held += 1;
      await gate;
    }
    await route.fallback();
  });
  page = await session.context.newPage();
});

afterAll(async () => {
  releasePages();
  await session?.close();
  await Promise.all([keeping?.close(), exact?.close()]);
});

async function invoiceFrame(): Promise<Frame> {
  await page.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`);
  const frame = await (await page.waitForSelector('iframe#MainWindow')).contentFrame();
  if (!frame) throw new Error('no MainWindow frame');
  return frame;
}

describe('a partial period', () => {
  it('shows what has arrived, says so, and cannot be filled until the last page is in', async () => {
    const frame = await invoiceFrame();
    await frame.getByTestId('client-select').waitFor();
    await frame.locator('#InvoiceTo_alt').fill('1001');
    await frame.locator('#InvoiceTo_alt').press('Tab');
    await frame.getByTestId('client-confirm').click();

    await frame.getByTestId('entries-partial').waitFor({ timeout: 30_000 });
    await expect.poll(() => held, { timeout: 30_000 }).toBeGreaterThan(0);
    await frame.getByTestId('preview-partial').waitFor();
    expect(await frame.getByTestId('fill-button').isDisabled()).toBe(true);
    // What has arrived is shown: the first pages' entries are listed while the rest is held.
    await expect
      .poll(async () => frame.getByTestId('entry-group').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await frame.getByTestId('entries-partial').textContent()).toContain('Nog niet alle uren');
    expect(await frame.getByTestId('fill-button').isDisabled()).toBe(true);
    expect((await readGrid(frame)).filter((row) => row.description !== '')).toHaveLength(0);

    releasePages();
    await frame.getByTestId('entries-partial').waitFor({ state: 'detached', timeout: 60_000 });
    await frame.getByTestId('preview-partial').waitFor({ state: 'detached' });
    await expect.poll(() => frame.getByTestId('fill-button').isDisabled(), { timeout: 30_000 }).toBe(false);
  });
});
