/** How long the popup takes to show today's total from cache, in the real extension. */
import { launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions, POPUP_PATH } from '../../sandbox/harness/drive';
import { SANDBOX_ORGANISATION_ID, SANDBOX_TOKENS, startKeepingSandbox } from '../../sandbox/keeping/server';
import { median, report, round } from './report';

const RUNS = 7;

export async function benchPopupOpen(): Promise<void> {
  const keeping = await startKeepingSandbox();
  const session = await launchWithExtension({ keepingUrl: keeping.url });
  try {
    await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID);
    // Fill the cache once, then measure openings that answer from it while Keeping is offline.
    const warm = await session.openPage(POPUP_PATH);
    await warm.locator('[data-testid="refresh-button"]:enabled').waitFor();
    await warm.getByTestId('today-total').waitFor();
    await warm.close();
    session.setKeepingOffline(true);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await session.context.newPage();
      const started = Date.now();
      await page.goto(session.extensionUrl(POPUP_PATH), { waitUntil: 'commit' });
      await page.getByTestId('today-total').waitFor();
      times.push(Date.now() - started);
      await page.close();
    }
    report('popup-open-from-cache', {
      runs: RUNS,
      medianMs: round(median(times), 0),
      maxMs: Math.max(...times),
    });
  } finally {
    await session.close();
    await keeping.close();
  }
}
