/**
 * Fake Exact Online screens for tests and manual checks: the MenuPortal shell with its
 * `#MainWindow` iframe and the sales-invoice entry screen, served at the real `/docs/` paths
 * over plain node:http. Playwright routes `https://start.exactonline.nl/**` here.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSeedState } from '../model/seed';
import type { ExactState } from '../model/state';
import { handle } from './handlers';
import { sendText } from './http-util';
import type { ResolvedOptions, SandboxVariant } from './options';
import { createRestRuntime, type RestRuntime } from './rest-session';

export type { ExactState } from '../model/state';

export interface ExactSandboxOptions {
  port?: number;
  /** Delay of each lookup validation; default 150. */
  lookupLatencyMs?: number;
  /** Default 'nl'; 'en' = English labels and number format 1,234.56. */
  language?: 'nl' | 'en';
  /**
   * 'changed' = the grid anchors differ (grid `grdLines`, item lookup `ItemCode`);
   * 'reference2' = a second screen written from the reference (README "Second screen"),
   * 'reference2-nototals' the same without its totals block, 'unknown' a grid no reader recognises.
   */
  variant?: SandboxVariant;
  /** Whether `/api/v1/` accepts the session (default true); `/__sandbox/rest-api` switches it. */
  restApi?: boolean;
  /** The clock of saving, the REST API's dates and its rate limits; default the real time. */
  now?: () => Date;
}

export interface ExactSandbox {
  url: string;
  /** Divisions, customers, items, VAT codes and saved invoices; live, mutable. */
  state: ExactState;
  /** The REST API's switches, session and rate limiter; live, mutable. */
  rest: RestRuntime;
  setOptions(patch: Partial<ExactSandboxOptions>): void;
  close(): Promise<void>;
}

export async function startExactSandbox(options: ExactSandboxOptions = {}): Promise<ExactSandbox> {
  let current: ResolvedOptions = {
    lookupLatencyMs: options.lookupLatencyMs ?? 150,
    language: options.language ?? 'nl',
    languageSet: options.language !== undefined,
    variant: options.variant ?? 'standard',
  };
  const state = createSeedState();
  const restApiDefault = options.restApi ?? true;
  const rest = createRestRuntime(restApiDefault);
  const clock = options.now ?? (() => new Date());
  const timers = new Set<NodeJS.Timeout>();
  const context = {
    state,
    rest,
    restApiDefault,
    options: () => current,
    now: clock,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        if (ms <= 0) return resolve();
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }),
  };

  const server = createServer((req, res) => {
    handle(context, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    rest,
    setOptions(patch) {
      current = {
        lookupLatencyMs: patch.lookupLatencyMs ?? current.lookupLatencyMs,
        language: patch.language ?? current.language,
        languageSet: current.languageSet || patch.language !== undefined,
        variant: patch.variant ?? current.variant,
      };
      if (patch.restApi !== undefined) {
        rest.enabled = patch.restApi;
        context.restApiDefault = patch.restApi;
      }
    },
    close() {
      // Pending lookups would otherwise hold the event loop for their latency.
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
