/**
 * Runs the write-back queue (docs/architecture.md, The write-back queue): for each queued wish, read the
 * entry from Keeping, and PATCH its references only if they are not already as wished — sending back every
 * reference it has, because a PATCH without them deletes them. Reading first makes a repeat safe: a PATCH
 * whose answer was lost is found done on the next run instead of being sent again blindly.
 *
 * No timers: the queue lives in IndexedDB and runs when the worker is woken (a message, browser
 * start) and right after something is enqueued. One item at a time, through the shared limiter.
 */
import type { Entry, ExternalReference } from '../../core/keeping-types';
import { toUrenbrugError, type UrenbrugError } from '../../shared/errors';
import { auditActor } from '../account/audit-actor';
import { clientForToken } from '../account/client-for-token';
import { getConnection } from '../account/connection';
import type { AuditActor, UrenbrugDatabase, WriteBackItem } from '../db/database';
import type { BackgroundClient, WorkerDependencies } from '../dependencies';
import type { KeepingExternalReferenceWrite } from '../keeping/write-bodies';
import { type DayCache, fetchEntry } from './mark-entry';

/** Runs (wakes) that may fail on one item before it is given up and reported. */
export const MAX_WRITE_BACK_ATTEMPTS = 5;
/** Keeping's limit on references per entry (docs/keeping-api.md, Writing references). */
const MAX_REFERENCES = 10;
/** After a refused token, wakes within this time do not ask Keeping again. */
const AUTH_PAUSE_MS = 60_000;

/**
 * How long a failed item waits before it is tried again: 30 s, 1 min, 2 min, … at most an hour.
 * Checked when the worker wakes (no timer), so a busy panel does not use up an item's attempts
 * in a minute of being offline.
 */
export function retryDelayMs(attempts: number): number {
  return attempts <= 0 ? 0 : Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
}

export interface WriteBackRun {
  done: number;
  skipped: number;
  failed: number;
  /** Items left pending after the run (0 when not connected: the queue was not looked at). */
  pending: number;
}

export interface WriteBack {
  /** Starts a run unless one is going; answers when the current run ends. Never rejects. */
  resume(): Promise<WriteBackRun>;
}

type Outcome =
  | { kind: 'done'; detail: string; entry: Entry | null; sideEffects: boolean }
  | { kind: 'skipped'; detail: string }
  | { kind: 'failed'; error: UrenbrugError }
  | { kind: 'retry'; error: UrenbrugError }
  | { kind: 'stop' };

const toWrite = (reference: ExternalReference): KeepingExternalReferenceWrite => ({
  id: reference.id,
  type: reference.type,
  name: reference.name,
  url: reference.url,
});

/** The references the entry should carry, or null when it already carries exactly those. */
export function wantedReferences(entry: Entry, item: WriteBackItem): ExternalReference[] | null {
  const present = entry.externalReferences.find((reference) => reference.id === item.reference.id);
  if (item.op === 'remove') {
    return present ? entry.externalReferences.filter((reference) => reference !== present) : null;
  }
  if (present && present.name === item.reference.name && present.type === item.reference.type) return null;
  // In place when renaming, so the other references keep their order.
  return present
    ? entry.externalReferences.map((reference) => (reference === present ? item.reference : reference))
    : [...entry.externalReferences, item.reference];
}

async function applyItem(
  client: BackgroundClient,
  item: WriteBackItem,
  entry: Entry | null,
): Promise<Outcome> {
  if (!entry) return { kind: 'skipped', detail: 'not found in Keeping' };
  const wanted = wantedReferences(entry, item);
  if (wanted === null) return { kind: 'done', detail: 'already so', entry, sideEffects: false };
  if (entry.locked) return { kind: 'skipped', detail: 'locked' };
  if (wanted.length > MAX_REFERENCES) return { kind: 'skipped', detail: 'too many references' };
  try {
    const result = await client.patchTimeEntry(item.organisationId, item.entryId, {
      external_references: wanted.map(toWrite),
    });
    const { meta } = result;
    const sideEffects =
      meta.created_additional_time_entry_ids.length +
        meta.modified_existing_time_entry_ids.length +
        meta.deleted_existing_time_entry_ids.length >
      0;
    // Keeping merges identical entries on an "hours" timesheet: say so in the log.
    const merged = meta.deleted_existing_time_entry_ids;
    const detail = `${item.op === 'add' ? 'added' : 'removed'}${merged.length ? `; Keeping merged ${merged.join(',')}` : ''}`;
    return { kind: 'done', detail, entry: result.entry, sideEffects };
  } catch (error) {
    return classify(toUrenbrugError(error));
  }
}

function classify(error: UrenbrugError): Outcome {
  switch (error.code) {
    case 'forbidden':
      // A lock set since the read (an invoice integration, an archived project) or no right to it.
      return { kind: 'skipped', detail: `forbidden: ${error.detail ?? error.message}` };
    case 'not_found':
      return { kind: 'skipped', detail: 'not found in Keeping' };
    case 'invalid_request':
    case 'unexpected_response':
    case 'internal':
      return { kind: 'failed', error };
    case 'auth':
    case 'not_connected':
      // Not this item's fault: leave the queue as it is until there is a working token.
      return { kind: 'stop' };
    default:
      return { kind: 'retry', error };
  }
}

export function createWriteBack(
  services: WorkerDependencies,
  options: { maxAttempts?: number } = {},
): WriteBack {
  const maxAttempts = options.maxAttempts ?? MAX_WRITE_BACK_ATTEMPTS;
  let running: Promise<WriteBackRun> | null = null;
  // Asked again while a pass ran: its items may have been enqueued after that pass looked.
  let again = false;
  let pausedUntil = 0;

  async function run(): Promise<WriteBackRun> {
    const totals: WriteBackRun = { done: 0, skipped: 0, failed: 0, pending: 0 };
    const connection = await getConnection();
    // Without a token nothing can run; the queue waits (it is not even opened).
    if (!connection || services.now() < pausedUntil) return totals;
    const db = await services.db();
    const client = await clientForToken(services, connection.token);
    const organisationId = connection.organisationId;
    const actor = await auditActor(db, connection);
    // Each item at most once per run: a retry waits for the next wake.
    const tried = new Set<string>();
    // One GET per user and day serves every queued entry of that day.
    const days: DayCache = new Map();

    for (;;) {
      const queue = await db.getAll('writeback');
      const item = queue
        .filter((candidate) => candidate.state === 'pending' && candidate.organisationId === organisationId)
        .filter((candidate) => !tried.has(`${candidate.key}#${candidate.revision}`))
        .filter(
          (candidate) => services.now() >= (candidate.lastAttemptAt ?? 0) + retryDelayMs(candidate.attempts),
        )
        .sort((a, b) => a.enqueuedAt - b.enqueuedAt)[0];
      if (!item) break;
      tried.add(`${item.key}#${item.revision}`);

      let outcome: Outcome;
      try {
        const entry = await fetchEntry(client, db, item, days);
        outcome = await applyItem(client, item, entry);
      } catch (error) {
        outcome = classify(toUrenbrugError(error));
      }
      if (outcome.kind === 'stop') {
        pausedUntil = services.now() + AUTH_PAUSE_MS;
        break;
      }
      if (outcome.kind === 'done' && outcome.entry) {
        const dayKey = `${outcome.entry.userId}:${outcome.entry.date}`;
        // A PATCH that touched other entries (breaks, merges) makes the rest of that day stale.
        if (outcome.sideEffects) days.delete(dayKey);
        else days.get(dayKey)?.set(outcome.entry.id, outcome.entry);
      }
      await settle(db, item, outcome, services.now(), maxAttempts, totals, actor);
      if (outcome.kind === 'retry') break; // offline or Keeping down: do not burn every item's attempts
    }
    const rest = await db.getAll('writeback');
    totals.pending = rest.filter((candidate) => candidate.state === 'pending').length;
    return totals;
  }

  async function drain(): Promise<WriteBackRun> {
    const sum: WriteBackRun = { done: 0, skipped: 0, failed: 0, pending: 0 };
    do {
      again = false;
      const pass = await run();
      sum.done += pass.done;
      sum.skipped += pass.skipped;
      sum.failed += pass.failed;
      sum.pending = pass.pending;
    } while (again);
    return sum;
  }

  return {
    resume() {
      if (running) {
        again = true;
        return running;
      }
      running = drain()
        .catch((error: unknown) => {
          console.warn('Urenbrug: write-back stopped', error);
          return { done: 0, skipped: 0, failed: 0, pending: -1 };
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}

/** Stores what became of one item, with its audit record, in one transaction. */
async function settle(
  db: UrenbrugDatabase,
  item: WriteBackItem,
  outcome: Exclude<Outcome, { kind: 'stop' }>,
  now: number,
  maxAttempts: number,
  totals: WriteBackRun,
  actor: AuditActor,
): Promise<void> {
  const tx = db.transaction(['writeback', 'audit'], 'readwrite');
  const queue = tx.objectStore('writeback');
  const stored = await queue.get(item.key);
  // Enqueued anew while this ran: the newer wish stays for its own turn.
  const same = stored?.revision === item.revision;
  const writes: Promise<unknown>[] = [];
  const audit = (action: 'writeback_done' | 'writeback_skipped' | 'writeback_failed', detail: string) =>
    writes.push(
      tx.objectStore('audit').add({
        at: now,
        organisationId: item.organisationId,
        invoiceKey: item.invoiceKey,
        invoiceNumber: null,
        action,
        entryIds: [item.entryId],
        detail: `${item.op} "${item.reference.name}": ${detail}`,
        keepingUser: actor,
      }),
    );

  if (outcome.kind === 'done' || outcome.kind === 'skipped') {
    if (same) writes.push(queue.delete(item.key));
    audit(outcome.kind === 'done' ? 'writeback_done' : 'writeback_skipped', outcome.detail);
    if (outcome.kind === 'done') totals.done += 1;
    else totals.skipped += 1;
  } else {
    const attempts = item.attempts + 1;
    const givingUp = outcome.kind === 'failed' || attempts >= maxAttempts;
    if (same) {
      writes.push(
        queue.put({
          ...item,
          attempts,
          lastAttemptAt: now,
          lastError: outcome.error.toJSON(),
          state: givingUp ? 'failed' : 'pending',
        }),
      );
    }
    if (givingUp) {
      audit(
        'writeback_failed',
        `${outcome.error.code} after ${attempts} attempt(s): ${outcome.error.message}`,
      );
      totals.failed += 1;
    }
  }
  await Promise.all([...writes, tx.done]);
}
