/**
 * Launches Chromium with the built extension loaded and the real service hosts routed to the
 * sandbox servers (docs/architecture.md, Tests and the sandbox). Used by the end-to-end tests, `npm start`
 * and the benchmarks, so the shipped bundle runs unchanged against real-looking URLs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Route, type Worker } from 'playwright-core';
import { type PierceWorlds, pierceClosedShadowRoots } from './worlds';

export const KEEPING_ORIGIN = 'https://api.keeping.nl';
export const EXACT_ORIGIN = 'https://start.exactonline.nl';
/** The panel's host element in Exact's DOM; its shadow root is closed. */
export const PANEL_HOST_SELECTOR = '[data-testid="urenbrug-panel"]';

export interface LaunchOptions {
  /** The built extension; default `dist/` of this project. */
  extensionDir?: string;
  /** Sandbox base URLs the real hosts are routed to. */
  keepingUrl: string;
  exactUrl?: string;
  /** Default: headless unless a display is available and `headless: false` was asked for. */
  headless?: boolean;
  /** The browser's UI language, which the extension follows until the user picks one. Default nl. */
  language?: 'nl' | 'en';
  /**
   * Which test worlds may look into the panel's closed shadow root (worlds.ts). Default
   * `playwright-and-page`; `playwright` leaves Exact's main world as in real use; `none` for neither.
   */
  pierceClosedPanel?: PierceWorlds | 'none';
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Makes every Keeping request fail as if the network were down (true) or restores it. */
  setKeepingOffline(offline: boolean): void;
  extensionUrl(path: string): string;
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Finds a Chromium to drive: CHROME_PATH, Debian's /usr/bin/chromium, then Playwright's own. */
export function findChromium(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    safePlaywrightPath(),
  ];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to a Chromium or Chrome for Testing binary.',
    );
  }
  return found;
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

function toBody(buffer: Buffer | null): Uint8Array<ArrayBuffer> | undefined {
  return buffer ? Uint8Array.from(buffer) : undefined;
}

/** Forwards a routed request to the sandbox, keeping path, query, method, headers and body. */
async function forward(route: Route, targetBase: string): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  const headers = { ...request.headers() };
  delete headers.host;
  // The sandbox builds absolute URLs (the REST API's `__next`) from the host the page used.
  headers['x-forwarded-host'] = url.host;
  headers['x-forwarded-proto'] = url.protocol.replace(/:$/, '');
  try {
    const response = await fetch(`${targetBase}${url.pathname}${url.search}`, {
      method: request.method(),
      headers,
      body: toBody(request.postDataBuffer()),
      // Navigations get their redirect handed back (below); fetches follow it here, inside the routes.
      redirect: request.isNavigationRequest() ? 'manual' : 'follow',
    });
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      // The body is handed over decoded; a stale encoding/length header would corrupt it.
      if (name !== 'content-encoding' && name !== 'content-length' && name !== 'transfer-encoding') {
        responseHeaders[name] = value;
      }
    });
    // Headers.forEach gives each Set-Cookie on its own, so the record above kept only the last;
    // Playwright splits a set-cookie value on newlines back into separate cookies.
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) responseHeaders['set-cookie'] = cookies.join('\n');
    const location = responseHeaders.location;
    if (location && response.status >= 300 && response.status < 400 && request.isNavigationRequest()) {
      // Chromium follows a fulfilled redirect outside the routes (playwright#23301), so the
      // next page would go to the real host. Let the page navigate itself, which is routed.
      const target = JSON.stringify(new URL(location, url).href).replace(/</g, '\\u003c');
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        headers: cookies.length > 0 ? { 'set-cookie': cookies.join('\n') } : {},
        body: `<!DOCTYPE html><script>location.replace(${target})</script>`,
      });
      return;
    }
    await route.fulfill({
      status: response.status,
      headers: responseHeaders,
      body: Buffer.from(await response.arrayBuffer()),
    });
  } catch {
    await route.abort('connectionrefused').catch(() => undefined);
  }
}

/** Starts Chromium with the extension and the routes; the caller closes the session. */
export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionSession> {
  const extensionDir = resolve(options.extensionDir ?? 'dist');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'urenbrug-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 860 },
    // Playwright turns this into Chromium's --lang, the UI language the extension follows.
    locale: options.language === 'en' ? 'en-US' : 'nl-NL',
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

  const pierce = options.pierceClosedPanel ?? 'playwright-and-page';
  if (pierce !== 'none') await pierceClosedShadowRoots(context, PANEL_HOST_SELECTOR, pierce);

  let keepingOffline = false;
  await context.route(`${KEEPING_ORIGIN}/**`, (route) =>
    keepingOffline ? route.abort('internetdisconnected') : forward(route, options.keepingUrl),
  );
  const exactUrl = options.exactUrl;
  if (exactUrl) await context.route(`${EXACT_ORIGIN}/**`, (route) => forward(route, exactUrl));

  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;

  return {
    context,
    extensionId,
    serviceWorker,
    extensionUrl,
    setKeepingOffline(offline) {
      keepingOffline = offline;
    },
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
