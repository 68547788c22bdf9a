/**
 * The first two questions of a refresh whose reference data is stale (or that Keeping refused):
 * which organisation the connection is for and who the token owner is in it. A token that no
 * longer reaches the organisation is refused with a clear reason instead of caching data under
 * the wrong organisation.
 */
import type { Organisation, User } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import type { KeepingClient } from '../keeping/client';

export interface OrganisationAndMe {
  organisation: Organisation;
  me: User;
}

export async function organisationAndMe(
  client: Pick<KeepingClient, 'organisations' | 'me'>,
  organisationId: number,
): Promise<OrganisationAndMe> {
  const [organisations, me] = await Promise.all([client.organisations(), client.me(organisationId)]);
  const organisation = organisations.find((candidate) => candidate.id === organisationId);
  if (!organisation) {
    throw new UrenbrugError(
      'forbidden',
      `The token no longer gives access to organisation ${organisationId}`,
    );
  }
  return { organisation, me };
}
