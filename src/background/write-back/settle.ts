/**
 * Stores what became of one write-back item, with its audit record, in one transaction. Every
 * outcome but a verified mark stays on the item until the bookkeeper acts (issue 7): a conflict
 * names the other invoice, a skip says why, a failure keeps its error.
 */
import type { Entry } from '../../core/keeping-types';
import type { UrenbrugError } from '../../shared/errors';
import type {
  AuditAction,
  AuditActor,
  UrenbrugDatabase,
  WriteBackConflict,
  WriteBackItem,
  WriteBackSkipReason,
} from '../db/database';
import type { WriteBackRun } from './run-totals';

export type Outcome =
  /** `written`: a PATCH went out (checked on the next wake); otherwise it was already so. */
  | { kind: 'done'; detail: string; entry: Entry | null; sideEffects: boolean; written: boolean }
  /** A mark written earlier is still as wished. */
  | { kind: 'verified' }
  | { kind: 'conflict'; conflict: Omit<WriteBackConflict, 'foundAt'>; detail: string }
  | { kind: 'skipped'; reason: WriteBackSkipReason; detail: string }
  | { kind: 'failed'; error: UrenbrugError }
  | { kind: 'retry'; error: UrenbrugError }
  | { kind: 'stop' };

export interface SettleContext {
  now: () => number;
  maxAttempts: number;
  /** Who the queue works for, in its audit records. */
  actor: AuditActor | null;
  wake: string;
}

export async function settle(
  db: UrenbrugDatabase,
  item: WriteBackItem,
  outcome: Exclude<Outcome, { kind: 'stop' }>,
  context: SettleContext,
  totals: WriteBackRun,
): Promise<boolean> {
  const now = context.now();
  const tx = db.transaction(['writeback', 'audit'], 'readwrite');
  const queue = tx.objectStore('writeback');
  const stored = await queue.get(item.key);
  // Enqueued anew while this ran: the newer wish stays for its own turn.
  const same = stored?.revision === item.revision;
  const writes: Promise<unknown>[] = [];
  const audit = (action: AuditAction, detail: string) =>
    writes.push(
      tx.objectStore('audit').add({
        at: now,
        organisationId: item.organisationId,
        invoiceKey: item.invoiceKey,
        invoiceNumber: null,
        action,
        entryIds: [item.entryId],
        detail: `${item.op} "${item.reference.name}": ${detail}`,
        reason: item.override?.reason ?? null,
        keepingUser: context.actor,
      }),
    );
  const store = (next: WriteBackItem) => {
    if (same) writes.push(queue.put(next));
  };
  const cleared = { conflict: null, skip: null, lastError: null } as const;

  switch (outcome.kind) {
    case 'verified':
      if (same) writes.push(queue.delete(item.key));
      break;
    case 'done':
      totals.done += 1;
      audit('writeback_done', outcome.detail);
      // A mark we added is checked again on the next wake; a removal or a no-op is finished.
      if (outcome.written && item.op === 'add') {
        store({ ...item, ...cleared, state: 'verify', writtenAt: now, writtenWake: context.wake });
      } else if (same) {
        writes.push(queue.delete(item.key));
      }
      break;
    case 'conflict':
      totals.conflicts += 1;
      audit('writeback_conflict', `${outcome.detail}already billed on ${outcome.conflict.invoice}`);
      store({
        ...item,
        ...cleared,
        state: 'conflict',
        conflict: { ...outcome.conflict, foundAt: now },
        override: null,
        lastAttemptAt: now,
      });
      break;
    case 'skipped':
      totals.skipped += 1;
      audit('writeback_skipped', outcome.detail);
      store({
        ...item,
        ...cleared,
        state: 'skipped',
        skip: { reason: outcome.reason, detail: outcome.detail, at: now },
        lastAttemptAt: now,
      });
      break;
    case 'failed':
    case 'retry': {
      // A 429 is Keeping's pace, not the item's fault: it waits (see `dueAt`) without using an attempt.
      const attempts = outcome.error.code === 'rate_limited' ? item.attempts : item.attempts + 1;
      const givingUp = outcome.kind === 'failed' || attempts >= context.maxAttempts;
      store({
        ...item,
        attempts,
        lastAttemptAt: now,
        lastError: outcome.error.toJSON(),
        state: givingUp ? 'failed' : item.state === 'verify' ? 'verify' : 'pending',
      });
      if (givingUp) {
        audit(
          'writeback_failed',
          `${outcome.error.code} after ${attempts} attempt(s): ${outcome.error.message}`,
        );
        totals.failed += 1;
      }
      break;
    }
  }
  await Promise.all([...writes, tx.done]);
  /** False when a newer wish replaced this one meanwhile: it waits for another pass. */
  return same;
}
