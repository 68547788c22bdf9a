/** Users: `me` for everyone; the list and other users for administrators with the team scope. */

import type { User } from '../../model/types';
import { findUser, paramId, requireTeam } from '../http/access';
import { invalid, notFound } from '../http/api-error';
import type { Route } from '../http/context';
import { paginate } from '../http/pagination';

const USER_STATES = ['needs_invite', 'invited', 'active', 'inactive', 'blocked', 'decoupled'];

const displayName = (user: User) => `${user.first_name ?? ''} ${user.surname ?? ''}`;

export const userRoutes: Route[] = [
  { method: 'GET', path: '/:org/users/me', handler: (ctx) => ({ status: 200, body: { user: ctx.me } }) },
  {
    method: 'GET',
    path: '/:org/users',
    handler: (ctx) => {
      requireTeam(ctx);
      const states = ctx.query.array('state');
      if (states.some((state) => !USER_STATES.includes(state))) throw invalid('state');
      const wanted = states.length > 0 ? states : ['active', 'inactive'];
      const projectId = ctx.query.int('project_id');
      const project =
        projectId === undefined ? undefined : ctx.org.projects.find((item) => item.id === projectId);
      if (projectId !== undefined && !project) throw notFound();
      const users = ctx.org.users
        .filter((user) => wanted.includes(user.state))
        .filter((user) => !project || project.participations.some((item) => item.user_id === user.id))
        .sort((a, b) => displayName(a).localeCompare(displayName(b), 'nl'));
      const page = paginate(users, ctx.query);
      return { status: 200, body: { users: page.items, meta: page.meta } };
    },
  },
  {
    method: 'GET',
    path: '/:org/users/:id',
    handler: (ctx) => {
      requireTeam(ctx);
      return { status: 200, body: { user: findUser(ctx, paramId(ctx, 'id')) } };
    },
  },
];
