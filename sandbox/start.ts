/**
 * `npm start`: the built extension against the built-in sandbox. Starts the fake Keeping API and
 * the fake Exact Online screens, launches Chromium with dist/ loaded and both hosts routed to
 * them, connects with a sandbox token through the options page, and opens the popup and an
 * Exact invoice screen. With a display it stays open to click around in; without one it prints
 * what the popup shows, saves screenshots to screenshots/ and exits.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startExactSandbox } from './exact/server';
import { EXACT_ORIGIN, launchWithExtension } from './harness/browser';
import { connectThroughOptions, previewInvoiceFor, readPopup } from './harness/drive';
import { SANDBOX_TOKENS, startKeepingSandbox } from './keeping/server';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const screenshotDir = resolve('screenshots');

const keeping = await startKeepingSandbox({ port: Number(process.env.KEEPING_SANDBOX_PORT ?? 0) });
const exact = await startExactSandbox({ port: Number(process.env.EXACT_SANDBOX_PORT ?? 0) });
console.log(`Keeping sandbox: ${keeping.url}  (token: ${SANDBOX_TOKENS.admin.slice(0, 12)}…)`);
console.log(`Exact sandbox:   ${exact.url}`);

const session = await launchWithExtension({ keepingUrl: keeping.url, exactUrl: exact.url, headless });
console.log(`Extension loaded: ${session.extensionId}`);

const shutdown = async () => {
  await session.close().catch(() => undefined);
  await Promise.all([keeping.close(), exact.close()]);
};

try {
  const options = await connectThroughOptions(session, SANDBOX_TOKENS.admin);
  const popup = await session.openPage('src/popup/index.html');
  const shown = await readPopup(popup);
  console.log('Popup "Vandaag":');
  for (const [label, text] of Object.entries(shown)) console.log(`  ${label.padEnd(16)} ${text}`);

  const exactPage = await session.context.newPage();
  await exactPage.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=123456`);

  if (headless) {
    mkdirSync(screenshotDir, { recursive: true });
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.screenshot({ path: resolve(screenshotDir, 'popup.png'), fullPage: true });
    await options.screenshot({ path: resolve(screenshotDir, 'options.png'), fullPage: true });
    const invoiceFrame = await (await exactPage.waitForSelector('iframe#MainWindow')).contentFrame();
    if (invoiceFrame) await previewInvoiceFor(invoiceFrame, '1001');
    await exactPage.screenshot({ path: resolve(screenshotDir, 'exact-invoice.png') });
    console.log(`Screenshots saved in ${screenshotDir}`);
    await shutdown();
  } else {
    console.log('Chromium is open. Close it or press Ctrl+C to stop.');
    session.context.on('close', () => void shutdown().then(() => process.exit(0)));
    process.on('SIGINT', () => void shutdown().then(() => process.exit(0)));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown();
  process.exit(1);
}
