/**
 * What the options page shows about telling Keeping which hours are billed: how many marks wait,
 * how many were given up on and why, and a way to try the failed ones again.
 */

import type { WriteBackStatus } from '../../shared/messages';
import type { UrenbrugDatabase, WriteBackItem } from '../db/database';

/** Enough to see what went wrong; the audit log has the rest. */
export const RECENT_FAILURES = 5;

/** The queue of one organisation, or of all when none is connected (it waits for a reconnection). */
async function queueOf(db: UrenbrugDatabase, organisationId: number | null): Promise<WriteBackItem[]> {
  const items = await db.getAll('writeback');
  return organisationId === null ? items : items.filter((item) => item.organisationId === organisationId);
}

export async function readWriteBackStatus(
  db: UrenbrugDatabase,
  organisationId: number | null,
): Promise<WriteBackStatus> {
  const items = await queueOf(db, organisationId);
  const failed = items
    .filter((item) => item.state === 'failed')
    .sort((a, b) => (b.lastAttemptAt ?? 0) - (a.lastAttemptAt ?? 0));
  const recent = failed.slice(0, RECENT_FAILURES);
  const invoices = await Promise.all(recent.map((item) => db.get('invoices', item.invoiceKey)));
  return {
    pending: items.length - failed.length,
    failed: failed.length,
    recentFailures: recent.map((item, index) => ({
      entryId: item.entryId,
      invoiceLabel: invoices[index]?.invoiceNumber ?? '',
      error: item.lastError,
      lastAttemptAt: item.lastAttemptAt,
    })),
  };
}

/** Failed items of the organisation back to pending with fresh attempts; answers how many. */
export async function resetFailed(db: UrenbrugDatabase, organisationId: number): Promise<number> {
  const tx = db.transaction('writeback', 'readwrite');
  const items = await tx.store.getAll();
  const failed = items.filter((item) => item.state === 'failed' && item.organisationId === organisationId);
  await Promise.all([
    ...failed.map((item) =>
      tx.store.put({ ...item, state: 'pending', attempts: 0, lastAttemptAt: null, lastError: null }),
    ),
    tx.done,
  ]);
  return failed.length;
}
