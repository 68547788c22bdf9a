/**
 * Runs the write-back queue (docs/architecture.md, The write-back queue): for each batch of queued
 * wishes, read the entries fresh from Keeping in one bulk read, then, entry by entry, PATCH the
 * references only where that read says it is right to — never on top of another invoice's mark
 * (that is a conflict the bookkeeper decides), always sending back every other reference (a
 * PATCH without them deletes them). What was written is checked on the next wake: if a
 * colleague's write took our mark off, it is queued again and the conflict rule applies.
 *
 * No timers: the queue lives in IndexedDB and runs when the worker is woken (a message, browser
 * start) and right after something is enqueued. One request at a time, through the shared limiter.
 */
import type { Entry, ExternalReference } from '../../core/keeping-types';
import { toUrenbrugError, type UrenbrugError } from '../../shared/errors';
import { auditActor } from '../account/audit-actor';
import { clientForToken } from '../account/client-for-token';
import { getConnection } from '../account/connection';
import type { WriteBackItem } from '../db/database';
import type { BackgroundClient, WorkerDependencies } from '../dependencies';
import type { KeepingExternalReferenceWrite } from '../keeping/write-bodies';
import { type Decision, decide } from './decide';
import { planBatches } from './fresh-batches';
import { FRESH_READ_BATCH, type Located, locate, readFresh } from './mark-entry';
import { countIn, queueIn } from './queue';
import { emptyRun, type WriteBackRun } from './run-totals';
import { type Outcome, settle } from './settle';

export type { WriteBackRun } from './run-totals';

/** Runs (wakes) that may fail on one item before it is given up and reported. */
export const MAX_WRITE_BACK_ATTEMPTS = 5;
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

/** After a 429 on a PATCH, the item waits this long: Keeping's documented Retry-After. */
export const RATE_LIMIT_WAIT_MS = 60_000;

/** When a pending item may run again. */
export function dueAt(item: WriteBackItem): number {
  const wait = item.lastError?.code === 'rate_limited' ? RATE_LIMIT_WAIT_MS : retryDelayMs(item.attempts);
  return (item.lastAttemptAt ?? 0) + wait;
}

export interface WriteBack {
  /** Starts a run unless one is going; answers when the current run ends. Never rejects. */
  resume(): Promise<WriteBackRun>;
}

const toWrite = (reference: ExternalReference): KeepingExternalReferenceWrite => ({
  id: reference.id,
  type: reference.type,
  name: reference.name,
  url: reference.url,
});

/** What a decision not to write comes to. */
function notWritten(
  decision: Exclude<Decision, { kind: 'patch' }>,
  entry: Entry | null,
  requeued: string,
): Outcome {
  switch (decision.kind) {
    case 'already':
      return { kind: 'done', detail: requeued + decision.detail, entry, sideEffects: false, written: false };
    case 'conflict':
      return { kind: 'conflict', conflict: decision.conflict, detail: requeued };
    case 'skip':
      return { kind: 'skipped', reason: decision.reason, detail: requeued + decision.detail };
  }
}

/**
 * Answers to a PATCH that the fresh read said could go, which mean the entry changed since that
 * read: a lock (Keeping's own invoicing integration billed it: 403), gone (404), or references a
 * colleague added meanwhile that leave no room (422).
 */
const CHANGED_SINCE_READ: ReadonlySet<string> = new Set(['forbidden', 'not_found', 'invalid_request']);

/** The item, given its entry as read (in bulk) a moment ago. */
async function applyItem(client: BackgroundClient, located: Located, entry: Entry | null): Promise<Outcome> {
  const { item } = located;
  let requeued = '';
  if (item.state === 'verify') {
    // Written on an earlier wake: is our mark still there?
    if (
      entry &&
      (item.op === 'remove') !== entry.externalReferences.some((ref) => ref.id === item.reference.id)
    ) {
      return { kind: 'verified' };
    }
    // Someone's write took it off (or put it back): queue it again, and the rules below apply.
    requeued = 'gone since written; ';
  }
  const decision = decide(entry, item);
  if (decision.kind !== 'patch') return notWritten(decision, entry, requeued);
  try {
    const result = await client.patchTimeEntry(item.organisationId, item.entryId, {
      external_references: decision.references.map(toWrite),
    });
    const { meta } = result;
    const sideEffects =
      meta.created_additional_time_entry_ids.length +
        meta.modified_existing_time_entry_ids.length +
        meta.deleted_existing_time_entry_ids.length >
      0;
    // Keeping merges identical entries on an "hours" timesheet: say so in the log.
    const merged = meta.deleted_existing_time_entry_ids;
    const verb = item.op === 'add' ? (item.override ? 'added (override)' : 'added') : 'removed';
    const detail = `${requeued}${verb}${merged.length ? `; Keeping merged ${merged.join(',')}` : ''}`;
    return { kind: 'done', detail, entry: result.entry, sideEffects, written: true };
  } catch (caught) {
    const error = toUrenbrugError(caught);
    const refused = classify(error);
    if (!CHANGED_SINCE_READ.has(error.code)) return refused;
    // The bulk read is up to a page of PATCHes old: read just this entry again, as the per-entry
    // read did, so another invoice's mark set meanwhile is a conflict that names it, not a bare
    // refusal. Never a second PATCH here: Keeping refused this one.
    const again = await rereadOne(client, located);
    if (again === undefined) return refused;
    const second = decide(again, item);
    return second.kind === 'patch' ? refused : notWritten(second, again, `${requeued}changed since read; `);
  }
}

/** One entry as Keeping has it now (null: gone), from its user's day; undefined when that read fails. */
async function rereadOne(client: BackgroundClient, located: Located): Promise<Entry | null | undefined> {
  try {
    const day = await client.timeEntries(located.item.organisationId, {
      userId: located.userId,
      date: located.date,
    });
    return day.entries.find((candidate) => candidate.id === located.item.entryId) ?? null;
  } catch {
    return undefined;
  }
}

function classify(error: UrenbrugError): Outcome {
  switch (error.code) {
    case 'forbidden':
      // A lock set since the read (an invoice integration, an archived project) or no right to it.
      return { kind: 'skipped', reason: 'forbidden', detail: `forbidden: ${error.detail ?? error.message}` };
    case 'not_found':
      return { kind: 'skipped', reason: 'not_found', detail: 'not found in Keeping' };
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
  options: { maxAttempts?: number; batchSize?: number } = {},
): WriteBack {
  const maxAttempts = options.maxAttempts ?? MAX_WRITE_BACK_ATTEMPTS;
  const batchSize = options.batchSize ?? FRESH_READ_BATCH;
  let running: Promise<WriteBackRun> | null = null;
  // Asked again while a pass ran: its items may have been enqueued after that pass looked.
  let again = false;
  let pausedUntil = 0;

  /** One pass over the queue as it was when the pass began (read once, so linear in its size). */
  async function run(wake: string): Promise<WriteBackRun> {
    const totals = emptyRun();
    const connection = await getConnection();
    // Without a token nothing can run; the queue waits (it is not even opened).
    if (!connection || services.now() < pausedUntil) return totals;
    const db = await services.db();
    const client = await clientForToken(services, connection.token);
    const { organisationId } = connection;
    const context = { now: services.now, maxAttempts, actor: await auditActor(db, connection), wake };

    // Read once per pass, by the queue's index: only this organisation's open wishes.
    const [pending, verify] = await Promise.all([
      queueIn(db, organisationId, 'pending'),
      queueIn(db, organisationId, 'verify'),
    ]);
    const due = [
      ...pending.filter((item) => services.now() >= dueAt(item)),
      // Checked on a later wake than the one that wrote it: time for a colleague to have acted.
      ...verify.filter((item) => item.writtenWake !== wake),
    ];
    const located: Located[] = [];
    for (const item of due) {
      try {
        located.push(await locate(db, item));
      } catch (error) {
        await settle(
          db,
          item,
          classify(toUrenbrugError(error)) as Exclude<Outcome, { kind: 'stop' }>,
          context,
          totals,
        );
      }
    }
    const batches = await planBatches(db, organisationId, located, batchSize);

    let stop = false;
    while (batches.length > 0 && !stop) {
      const batch = batches.shift()!;
      let fresh: Map<number, Entry | null>;
      try {
        fresh = await readFresh(client, organisationId, batch);
      } catch (error) {
        const outcome = classify(toUrenbrugError(error));
        if (outcome.kind === 'stop') pausedUntil = services.now() + AUTH_PAUSE_MS;
        // Offline or Keeping down: count one attempt on the batch's first item, keep the rest.
        else await settle(db, batch[0]!.item, outcome, context, totals);
        break;
      }
      let used = 0;
      for (const located of batch) {
        used += 1;
        const outcome = await applyItem(client, located, fresh.get(located.item.entryId) ?? null);
        if (outcome.kind === 'stop') {
          pausedUntil = services.now() + AUTH_PAUSE_MS;
          stop = true;
          break;
        }
        // A newer wish for the same entry came in meanwhile: another pass runs it.
        if (!(await settle(db, located.item, outcome, context, totals))) again = true;
        if (outcome.kind === 'retry') {
          stop = true; // offline or Keeping down: do not burn every item's attempts
          break;
        }
        if (outcome.kind === 'done' && outcome.entry) {
          // A PATCH that touched other entries (breaks, merges): read the rest of the batch again.
          if (outcome.sideEffects) {
            if (used < batch.length) batches.unshift(batch.slice(used));
            break;
          }
          fresh.set(outcome.entry.id, outcome.entry);
        }
      }
    }
    totals.pending = await countIn(db, organisationId, 'pending');
    return totals;
  }

  async function drain(): Promise<WriteBackRun> {
    const sum = emptyRun();
    const wake = `${services.now()}-${Math.random().toString(36).slice(2)}`;
    do {
      again = false;
      const pass = await run(wake);
      sum.done += pass.done;
      sum.skipped += pass.skipped;
      sum.conflicts += pass.conflicts;
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
          return { ...emptyRun(), pending: -1 };
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
