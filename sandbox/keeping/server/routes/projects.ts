/** Projects: no scope needed, but a non-administrator sees only projects they take part in or booked on. */

import type { Project } from '../../model/types';
import { paramId, requireFeature } from '../http/access';
import { forbidden, invalid, notFound } from '../http/api-error';
import type { OrgContext, Route } from '../http/context';
import { paginate } from '../http/pagination';

function visibleTo(ctx: OrgContext): (project: Project) => boolean {
  if (ctx.me.role === 'administrator') return () => true;
  const booked = new Set(
    ctx.org.timeEntries.filter((entry) => entry.user_id === ctx.me.id).map((entry) => entry.project_id),
  );
  return (project) =>
    booked.has(project.id) || project.participations.some((item) => item.user_id === ctx.me.id);
}

function requireKnown<T extends { id: number }>(items: T[], id: number | undefined): void {
  if (id !== undefined && !items.some((item) => item.id === id)) throw notFound();
}

export const projectRoutes: Route[] = [
  {
    method: 'GET',
    path: '/:org/projects',
    handler: (ctx) => {
      requireFeature(ctx, 'projects');
      const states = ctx.query.array('state');
      if (states.some((state) => state !== 'active' && state !== 'archived')) throw invalid('state');
      const wanted = states.length > 0 ? states : ['active'];
      const taskId = ctx.query.int('task_id');
      const userId = ctx.query.int('user_id');
      const clientId = ctx.query.int('client_id');
      requireKnown(ctx.org.tasks, taskId);
      requireKnown(ctx.org.users, userId);
      requireKnown(ctx.org.clients, clientId);
      const visible = visibleTo(ctx);
      const projects = ctx.org.projects
        .filter((project) => wanted.includes(project.state) && visible(project))
        .filter(
          (project) =>
            taskId === undefined || (project.task_assignments ?? []).some((item) => item.task_id === taskId),
        )
        .filter(
          (project) => userId === undefined || project.participations.some((item) => item.user_id === userId),
        )
        .filter((project) => clientId === undefined || project.client?.id === clientId)
        .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id - b.id);
      const page = paginate(projects, ctx.query);
      return { status: 200, body: { projects: page.items, meta: page.meta } };
    },
  },
  {
    method: 'GET',
    path: '/:org/projects/:id',
    handler: (ctx) => {
      requireFeature(ctx, 'projects');
      const project = ctx.org.projects.find((item) => item.id === paramId(ctx, 'id'));
      if (!project) throw notFound();
      if (!visibleTo(ctx)(project)) throw forbidden();
      return { status: 200, body: { project } };
    },
  },
];
