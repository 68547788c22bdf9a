/**
 * Puts today's cached total back on the badge when the browser starts or the extension is
 * installed or updated (the badge does not survive either). Reads the cache only: no request to
 * Keeping, which asks for no background polling.
 */

import { clearBadge, showTodayOnBadge } from '../account/badge';
import { getConnection } from '../account/connection';
import type { WorkerDependencies } from '../dependencies';
import { cachedToday } from './today';

export async function restoreBadge(services: WorkerDependencies): Promise<void> {
  const connection = await getConnection();
  if (!connection) {
    await clearBadge();
    return;
  }
  const view = await cachedToday({
    db: await services.db(),
    organisationId: connection.organisationId,
    now: services.now,
  });
  await showTodayOnBadge(view, services.now());
}
