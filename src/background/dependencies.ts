/**
 * The background's long-lived helpers. The service worker can be stopped at any moment (about
 * 30 s idle), so these are caches only: the limiter lives as long as the worker does, and the
 * database handle is opened on first use and reopened after it was closed under us.
 */

import type { Language } from '../shared/messages';
import { openUrenbrugDb, type UrenbrugDatabase } from './db/database';
import { createKeepingClient, type KeepingClient } from './keeping/client';
import { createLimiter, type Limiter } from './keeping/limiter';

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
>;

/** What the handlers need from the outside world; tests pass their own. */
export interface WorkerDependencies {
  db(): Promise<UrenbrugDatabase>;
  createClient(token: string, language: Language): BackgroundClient;
  now(): number;
}

let limiter: Limiter | undefined;
let dbHandle: Promise<UrenbrugDatabase> | undefined;

/** One limiter for every Keeping call of this worker's lifetime (design.md §5). */
function sharedLimiter(): Limiter {
  limiter ??= createLimiter();
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
