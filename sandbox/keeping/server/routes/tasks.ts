/** Tasks: no scope needed; `project_id` narrows to the tasks assigned to that project. */
import { paramId, requireFeature } from '../http/access';
import { invalid, notFound } from '../http/api-error';
import type { Route } from '../http/context';
import { paginate } from '../http/pagination';

export const taskRoutes: Route[] = [
  {
    method: 'GET',
    path: '/:org/tasks',
    handler: (ctx) => {
      requireFeature(ctx, 'tasks');
      const states = ctx.query.array('state');
      if (states.some((state) => state !== 'active' && state !== 'archived')) throw invalid('state');
      const wanted = states.length > 0 ? states : ['active'];
      const projectId = ctx.query.int('project_id');
      const project =
        projectId === undefined ? undefined : ctx.org.projects.find((item) => item.id === projectId);
      if (projectId !== undefined && !project) throw notFound();
      const assigned = new Set((project?.task_assignments ?? []).map((item) => item.task_id));
      const tasks = ctx.org.tasks
        .filter((task) => wanted.includes(task.state) && (!project || assigned.has(task.id)))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      const page = paginate(tasks, ctx.query);
      return { status: 200, body: { tasks: page.items, meta: page.meta } };
    },
  },
  {
    method: 'GET',
    path: '/:org/tasks/:id',
    handler: (ctx) => {
      requireFeature(ctx, 'tasks');
      const task = ctx.org.tasks.find((item) => item.id === paramId(ctx, 'id'));
      if (!task) throw notFound();
      return { status: 200, body: { task } };
    },
  },
];
