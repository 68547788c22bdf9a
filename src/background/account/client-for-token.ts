import type { BackgroundClient, WorkerDependencies } from '../dependencies';
import { resolveLanguage } from './settings-store';

/**
 * A Keeping client for `token` that asks for Keeping's messages in the user's language (the
 * setting, else the browser's). The one way handlers and the write-back make a client, so a
 * detail Keeping sends reads in the same language everywhere.
 */
export async function clientForToken(
  services: Pick<WorkerDependencies, 'createClient'>,
  token: string,
): Promise<BackgroundClient> {
  return services.createClient(token, await resolveLanguage());
}
