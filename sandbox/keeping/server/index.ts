/**
 * The fake Keeping API (docs/keeping-api.md, What the fake server copies) on 127.0.0.1, for tests and `npm
 * start`. It serves `/v1/...`, so routing https://api.keeping.nl/* to `url` is a plain origin swap.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxState } from '../model/types';
import { createSeed, type SeedOptions } from '../seed';
import { FaultQueue } from './http/faults';
import { handleRequest } from './http/handle-request';
import { RateLimiter } from './http/rate-limiter';
import type { RequestLogItem, SandboxRuntime } from './http/runtime';

export type * from '../model/types';
export {
  createSeed,
  OTHER_ORGANISATION_ID,
  SAMPLE_JIRA_REFERENCE,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  SANDBOX_USER_IDS,
  type SeedOptions,
  SPECIAL_DAYS,
} from '../seed';
export type { Fault, FaultKind } from './http/faults';
export { FaultQueue } from './http/faults';
export type { RequestLogItem } from './http/runtime';

export interface KeepingSandboxOptions {
  /** 0 / undefined: a random free port. */
  port?: number;
  seed?: SeedOptions;
  /** Controllable clock (epoch ms); default Date.now. */
  now?: () => number;
  /** Requests per rolling minute per account; default 120. */
  ratePerMinute?: number;
}

export interface KeepingSandbox {
  /** e.g. "http://127.0.0.1:43123"; Keeping paths go below it: `${url}/v1/organisations`. */
  url: string;
  /** Live, mutable data; the same object for the sandbox's lifetime (reset refills it). */
  state: SandboxState;
  faults: FaultQueue;
  /** API requests (not /__sandbox control calls) in arrival order. */
  requestLog: RequestLogItem[];
  /** Same as POST /__sandbox/reset: fresh seed, no faults, empty rate windows and log. */
  reset(): void;
  close(): Promise<void>;
}

export async function startKeepingSandbox(options: KeepingSandboxOptions = {}): Promise<KeepingSandbox> {
  const now = options.now ?? Date.now;
  const seed = () => createSeed({ ...options.seed, now: now() });
  const runtime: SandboxRuntime = {
    state: seed(),
    faults: new FaultQueue(),
    limiter: new RateLimiter(options.ratePerMinute ?? 120, now),
    requestLog: [],
    now,
    hanging: new Set(),
    reset() {
      // Refill in place so references held by tests stay valid.
      Object.assign(runtime.state, seed());
      runtime.faults.clear();
      runtime.limiter.reset();
      runtime.requestLog.length = 0;
    },
  };
  const server = createServer((req, res) => {
    handleRequest(runtime, req, res).catch((error: unknown) => {
      console.error('[keeping sandbox]', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state: runtime.state,
    faults: runtime.faults,
    requestLog: runtime.requestLog,
    reset: () => runtime.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of runtime.hanging) res.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
