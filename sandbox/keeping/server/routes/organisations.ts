/** GET /organisations: the organisations the token's account belongs to; needs no scope. */

import type { OrganisationData } from '../../model/types';
import type { Route } from '../http/context';

export const organisationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/organisations',
    global: true,
    handler: (ctx) => {
      const all: OrganisationData[] = [ctx.state, ...ctx.state.otherOrganisations];
      const organisations = ctx.account.memberships
        .map(
          (membership) =>
            all.find((data) => data.organisation.id === membership.organisationId)?.organisation,
        )
        .filter((organisation) => organisation !== undefined);
      return { status: 200, body: { organisations } };
    },
  },
];
