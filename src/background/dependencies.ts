/**
 * The background's long-lived helpers. The service worker can be stopped at any moment (about
 * 30 s idle), so these are caches only: the limiter keeps its memory in storage.session, and the
 * database handle is opened on first use and reopened after it was closed under us.
 */

import { browser } from '../shared/browser';
import type { Language } from '../shared/messages';
import { openUrenbrugDb, type UrenbrugDatabase } from './db/database';
import { createKeepingClient, type KeepingClient } from './keeping/client';
import { createLimiter, type Limiter, type LimiterStore } from './keeping/limiter';

/** The Keeping calls the background makes; tests pass fakes of exactly these. */
export type BackgroundClient = Pick<
  KeepingClient,
  | 'organisations'
  | 'me'
  | 'users'
  | 'projects'
  | 'tasks'
  | 'clients'
  | 'timeEntries'
  | 'reportTimeEntries'
  | 'patchTimeEntry'
  | 'serverOffsetMs'
> &
  // Only the panel's estimate of a long range uses these; fakes without them answer it with an error.
  Partial<Pick<KeepingClient, 'countTimeEntries' | 'report'>>;

/** What the handlers need from the outside world; tests pass their own. */
export interface WorkerDependencies {
  db(): Promise<UrenbrugDatabase>;
  createClient(token: string, language: Language): BackgroundClient;
  now(): number;
}

let limiter: Limiter | undefined;
let dbHandle: Promise<UrenbrugDatabase> | undefined;

const LIMITER_KEY = 'keepingLimiter';

/**
 * The limiter's memory in storage.session: it outlives the worker but not the browser session,
 * and is out of content scripts' reach (session storage is trusted contexts only by default).
 */
const sessionLimiterStore: LimiterStore = {
  load: async () => (await browser.storage.session.get(LIMITER_KEY))[LIMITER_KEY],
  save: (snapshot) => browser.storage.session.set({ [LIMITER_KEY]: snapshot }),
};

/** One limiter for every Keeping call of this worker's lifetime, remembered across restarts. */
function sharedLimiter(): Limiter {
  limiter ??= createLimiter({ store: sessionLimiterStore });
  return limiter;
}

function database(): Promise<UrenbrugDatabase> {
  if (!dbHandle) {
    const opening = openUrenbrugDb('urenbrug', {
      // Closed for another context's upgrade or by the browser: open afresh next time.
      onGone: () => {
        if (dbHandle === opening) dbHandle = undefined;
      },
    });
    // A failed open must not be cached, or every later message would fail the same way.
    opening.catch(() => {
      if (dbHandle === opening) dbHandle = undefined;
    });
    dbHandle = opening;
  }
  return dbHandle;
}

export const workerDependencies: WorkerDependencies = {
  db: database,
  createClient: (token, language) => createKeepingClient({ token, language, limiter: sharedLimiter() }),
  now: () => Date.now(),
};
