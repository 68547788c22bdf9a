/**
 * Who the audit log names as having done something: the connected bookkeeper, as Keeping knows
 * them. Kept with the connection (account/) so the records and the write-back both reach it.
 */
import { type AuditActor, readReference, type UrenbrugDatabase } from '../db/database';

/** The connection's name and, when the cache knows it, the token owner's Keeping user id. */
export async function auditActor(
  db: UrenbrugDatabase,
  connection: { organisationId: number; userName: string },
): Promise<AuditActor> {
  const [me] = await readReference(db, connection.organisationId, 'me');
  return { userId: me?.id ?? null, name: connection.userName };
}
