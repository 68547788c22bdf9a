/**
 * Issue 2 end to end, on the production build in headless Chromium: connect through the options
 * page, the popup's figures against the sandbox's data, a wrong token, offline, a 429 burst.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../sandbox/harness/browser';
import { connectThroughOptions, OPTIONS_PATH, POPUP_PATH, readPopup } from '../../sandbox/harness/drive';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  SANDBOX_USER_IDS,
  startKeepingSandbox,
} from '../../sandbox/keeping/server';
import { expectedToday } from './expected-today';

let keeping: KeepingSandbox;
let session: ExtensionSession;

beforeAll(async () => {
  keeping = await startKeepingSandbox();
  session = await launchWithExtension({ keepingUrl: keeping.url });
});

afterAll(async () => {
  await session?.close();
  await keeping?.close();
});

afterEach(() => {
  session.setKeepingOffline(false);
});

/** The popup total read at some moment between `before` and after; the running timer ticks. */
async function expectPopupMatchesSandbox(
  reading: () => Promise<{ total: string; direct: string; indirect: string }>,
) {
  const before = expectedToday(keeping.state, SANDBOX_USER_IDS.admin, Date.now());
  const shown = await reading();
  const after = expectedToday(keeping.state, SANDBOX_USER_IDS.admin, Date.now());
  expect([before, after]).toContainEqual({
    total: shown.total,
    direct: shown.direct,
    indirect: shown.indirect,
  });
}

describe('foundation', () => {
  it('shows the 401 message for a wrong token and stays disconnected', async () => {
    const page = await session.openPage(OPTIONS_PATH);
    await page.getByTestId('token-input').fill(SANDBOX_TOKENS.expired);
    await page.getByTestId('connect-button').click();
    const error = page.getByTestId('error-message').first();
    await error.waitFor();
    expect(await error.textContent()).toMatch(/ongeldig of verlopen/i);
    expect(await page.getByTestId('organisation-select').count()).toBe(0);
    await page.close();
  });

  it('connects with a sandbox token and shows the user and organisation', async () => {
    const page = await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID);
    const status = (await page.getByTestId('connection-status').textContent()) ?? '';
    const admin = keeping.state.users.find((user) => user.id === SANDBOX_USER_IDS.admin);
    expect(status).toContain(admin?.first_name ?? '?');
    expect(status).toContain(keeping.state.organisation.name);
    // The token is never shown again once saved.
    expect(await page.content()).not.toContain(SANDBOX_TOKENS.admin);
    await page.close();
  });

  it("popup's total equals the sandbox's hours for today", async () => {
    const popup = await session.openPage(POPUP_PATH);
    await expectPopupMatchesSandbox(async () => {
      await popup
        .getByTestId('data-age')
        .filter({ hasText: /zojuist|geleden/ })
        .waitFor();
      return readPopup(popup);
    });
    const running = await popup.getByTestId('running-entry').textContent();
    const ongoing = keeping.state.timeEntries.find(
      (entry) => entry.user_id === SANDBOX_USER_IDS.admin && entry.ongoing,
    );
    expect(ongoing).toBeDefined();
    expect(running).toMatch(/\d+:\d{2}/);
    await popup.close();
  });

  it('works from cache when Keeping cannot be reached, and says so', async () => {
    session.setKeepingOffline(true);
    const popup = await session.openPage(POPUP_PATH);
    // Cached figures plus the live running part: the same numbers as online.
    await expectPopupMatchesSandbox(async () => {
      await popup.getByTestId('offline-marker').waitFor();
      return readPopup(popup);
    });
    expect((await popup.getByTestId('data-age').textContent())?.trim()).not.toBe('');
    expect(await popup.getByTestId('error-message').textContent()).toMatch(/geen verbinding/i);
    await popup.close();
  });

  it('a burst of 429s still ends with the correct figures', async () => {
    const logStart = keeping.requestLog.length;
    keeping.faults.push({ kind: 'rate_limit', count: 3, retryAfterSeconds: 1 });
    const popup = await session.openPage(POPUP_PATH);
    await expectPopupMatchesSandbox(async () => {
      // The refresh is over when Keeping answered today's entries and the button is back.
      await expect
        .poll(
          () =>
            keeping.requestLog
              .slice(logStart)
              .some((r) => /\/time-entries\b/.test(r.path) && r.status === 200),
          {
            timeout: 30_000,
          },
        )
        .toBe(true);
      await popup.locator('[data-testid="refresh-button"]:enabled').waitFor();
      return readPopup(popup);
    });
    expect(keeping.requestLog.slice(logStart).filter((request) => request.status === 429)).toHaveLength(3);
    expect(await popup.getByTestId('error-message').count()).toBe(0);
    await popup.close();
  });
});
