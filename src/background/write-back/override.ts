/**
 * The bookkeeper's answer to a conflict (issue 7): after an explicit confirmation with a reason,
 * our mark is added next to the other invoice's. The item goes back to pending carrying the
 * confirmation; the runner still reads the entry fresh before it writes, and a Keeping
 * integration's lock still stops it (Keeping answers 403).
 */
import { UrenbrugError } from '../../shared/errors';
import type { AuditActor, UrenbrugDatabase } from '../db/database';

export async function overrideConflicts(
  db: UrenbrugDatabase,
  context: { organisationId: number; now: () => number; actor: AuditActor | null },
  invoiceKey: string,
  entryIds: readonly number[],
  reason: string,
): Promise<number> {
  const text = reason.trim();
  if (text === '')
    throw new UrenbrugError('invalid_request', 'Adding a mark next to another invoice’s needs a reason');
  const wanted = new Set(entryIds);
  const now = context.now();
  const tx = db.transaction(['writeback', 'audit'], 'readwrite');
  const queue = tx.objectStore('writeback');
  const items = (await queue.getAll()).filter(
    (item) =>
      item.organisationId === context.organisationId &&
      item.invoiceKey === invoiceKey &&
      item.state === 'conflict' &&
      wanted.has(item.entryId),
  );
  if (items.length === 0) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new UrenbrugError('not_found', 'None of these entries is in conflict on this invoice');
  }
  const writes: Promise<unknown>[] = [];
  for (const item of items) {
    writes.push(
      queue.put({
        ...item,
        state: 'pending',
        attempts: 0,
        lastAttemptAt: null,
        lastError: null,
        override: { reason: text, by: context.actor?.name ?? '', at: now },
      }),
    );
  }
  writes.push(
    tx.objectStore('audit').add({
      at: now,
      organisationId: context.organisationId,
      invoiceKey,
      invoiceNumber: null,
      action: 'override',
      entryIds: items.map((item) => item.entryId).sort((a, b) => a - b),
      detail: `also billed on ${[...new Set(items.map((item) => item.conflict?.invoice ?? '?'))].join(', ')}`,
      reason: text,
      keepingUser: context.actor,
    }),
  );
  await Promise.all([...writes, tx.done]);
  return items.length;
}
