/**
 * One "install" of Urenbrug against the sandbox Keeping over real HTTP: its own IndexedDB, its own
 * handler table and write-back queue, sharing the sandbox (and, in these tests, the connection in
 * the fake browser storage) with any other install. Two of them stand for two colleagues' browsers
 * marking the same Keeping organisation. `wrap` lets a test stand between the install and Keeping
 * to interleave reads and PATCHes. Test-only.
 */
import 'fake-indexeddb/auto';
import type { KeepingSandbox } from '../../../sandbox/keeping/server';
import { openUrenbrugDb, type UrenbrugDatabase } from '../db/database';
import type { BackgroundClient, WorkerDependencies } from '../dependencies';
import { createHandlers, type HandlerTable } from '../handlers/table';
import { createKeepingClient } from '../keeping/client';
import { createLimiter } from '../keeping/limiter';
import { createWriteBack, type WriteBack } from '../write-back/runner';
import type { FakeClock } from './fake-clock';

export interface SandboxInstall {
  name: string;
  db: UrenbrugDatabase;
  handlers: HandlerTable;
  writeBack: WriteBack;
  services: WorkerDependencies;
  close(): void;
}

let counter = 0;

export async function createSandboxInstall(
  sandbox: KeepingSandbox,
  clock: Pick<FakeClock, 'now' | 'sleep'>,
  options: { name: string; wrap?: (client: BackgroundClient) => BackgroundClient },
): Promise<SandboxInstall> {
  counter += 1;
  const db = await openUrenbrugDb(`install-${options.name}-${counter}`);
  const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
  const services: WorkerDependencies = {
    db: async () => db,
    createClient: (token, language) => {
      const client = createKeepingClient({
        token,
        language,
        limiter,
        baseUrl: `${sandbox.url}/v1`,
        now: clock.now,
        sleep: clock.sleep,
      });
      return options.wrap ? options.wrap(client) : client;
    },
    now: clock.now,
  };
  const writeBack = createWriteBack(services);
  // Held back in the handlers, so the test decides when each install's queue runs.
  const handlers = createHandlers(services, {
    resume: async () => ({ done: 0, skipped: 0, conflicts: 0, failed: 0, pending: 0 }),
  });
  return { name: options.name, db, handlers, writeBack, services, close: () => db.close() };
}

/** A gate a wrapped client can wait on, opened by the test (or by the other install's step). */
export function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}
