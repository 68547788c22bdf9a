/** Clients: administrators with project_management only; others see clients inside projects. */
import { paramId, requireFeature, requireProjectManagement } from '../http/access';
import { invalid, notFound } from '../http/api-error';
import type { Route } from '../http/context';
import { paginate } from '../http/pagination';

export const clientRoutes: Route[] = [
  {
    method: 'GET',
    path: '/:org/clients',
    handler: (ctx) => {
      requireProjectManagement(ctx);
      requireFeature(ctx, 'projects');
      const states = ctx.query.array('state');
      if (states.some((state) => state !== 'active' && state !== 'inactive')) throw invalid('state');
      const wanted = states.length > 0 ? states : ['active'];
      const search = ctx.query.string('search_query')?.trim().toLowerCase() ?? '';
      const clients = ctx.org.clients
        .filter((client) => wanted.includes(client.state))
        .filter(
          (client) =>
            search === '' ||
            client.name.toLowerCase().includes(search) ||
            (client.code ?? '').toLowerCase().includes(search),
        )
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      const page = paginate(clients, ctx.query);
      return { status: 200, body: { clients: page.items, meta: page.meta } };
    },
  },
  {
    method: 'GET',
    path: '/:org/clients/:id',
    handler: (ctx) => {
      requireProjectManagement(ctx);
      requireFeature(ctx, 'projects');
      const client = ctx.org.clients.find((item) => item.id === paramId(ctx, 'id'));
      if (!client) throw notFound();
      return { status: 200, body: { client } };
    },
  },
];
