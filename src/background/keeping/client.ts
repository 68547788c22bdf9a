/**
 * The typed Keeping API client the background uses (docs/architecture.md, Talking to Keeping): every endpoint
 * Urenbrug reads, plus the one write it makes. It returns domain types; paths, envelopes and pagination stay
 * here.
 */
import type {
  Client,
  Entry,
  LeftOutEntry,
  Organisation,
  Project,
  Task,
  User,
} from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import { mergeLeftOut, screenEntries } from './entry-screen';
import { createKeepingHttp, type KeepingHttpOptions } from './http';
import {
  clientsFromProjects,
  toClient,
  toEntry,
  toOrganisation,
  toProject,
  toTask,
  toUser,
} from './normalize';
import { fetchAllPages, PAGE_SIZE } from './paginate';
import type { Query } from './query';
import {
  clientsResponseSchema,
  type KeepingProject,
  type KeepingReport,
  type KeepingWriteMeta,
  organisationsResponseSchema,
  projectsResponseSchema,
  reportResponseSchema,
  reportTimeEntriesResponseSchema,
  tasksResponseSchema,
  timeEntriesResponseSchema,
  timeEntryWriteResponseSchema,
  userResponseSchema,
  usersResponseSchema,
} from './schemas';
import { checkTimeEntryPatch, type KeepingTimeEntryPatch } from './write-bodies';

export type KeepingClientOptions = KeepingHttpOptions;

/** Filters shared by /report and /report/time-entries. */
export interface ReportFilters {
  from?: string;
  to?: string;
  userIds?: number[];
  projectIds?: number[];
  clientIds?: number[];
  taskIds?: number[];
  externalReferenceTypes?: string[];
}

export interface ReportQuery extends ReportFilters {
  from: string;
  to: string;
  rowType: string;
  tagIds?: number[];
  externalReferenceIds?: string[];
}

export interface KeepingClient {
  organisations(): Promise<Organisation[]>;
  me(org: number): Promise<User>;
  /** Every user in every state, so entries of people who left still have a name. */
  users(org: number): Promise<User[]>;
  /** Active and inactive clients; for a non-administrator, the clients embedded in their projects. */
  clients(org: number): Promise<Client[]>;
  /** Active and archived projects. */
  projects(org: number): Promise<Project[]>;
  /** Active and archived tasks. */
  tasks(org: number): Promise<Task[]>;
  /** One user's entries on one day (defaults: me, today in the organisation's zone). */
  timeEntries(
    org: number,
    query: { userId?: number; date?: string },
  ): Promise<{ entries: Entry[]; date: string; userId: number; leftOut?: LeftOutEntry[] }>;
  /**
   * Entries over a range for many users: every page, 100 at a time, three in flight. `onPage`
   * gets each page's entries as it lands (for showing what has arrived); an aborted `signal`
   * stops the walk before its next page. Entries that fail their check are left out and passed,
   * once the walk is done, to `onLeftOut` (docs/architecture.md, Keeping's data is bounded).
   */
  reportTimeEntries(
    org: number,
    query: ReportFilters,
    onPage?: (done: number, total: number, entries: readonly Entry[]) => void,
    signal?: AbortSignal,
    onLeftOut?: (leftOut: LeftOutEntry[]) => void,
  ): Promise<Entry[]>;
  /** How many entries `/report/time-entries` has for the filters: one call (one entry a page). */
  countTimeEntries(org: number, query: ReportFilters): Promise<number>;
  report(org: number, query: ReportQuery): Promise<KeepingReport>;
  /** Never retried: a repeated write can double hours on an `hours` timesheet. */
  patchTimeEntry(
    org: number,
    id: number,
    body: KeepingTimeEntryPatch,
  ): Promise<{ entry: Entry; meta: KeepingWriteMeta }>;
  /** Server time minus local clock (ms) from the last response's X-Server-Time-Ms; null if never seen. */
  serverOffsetMs(): number | null;
}

const ALL_USER_STATES = ['needs_invite', 'invited', 'active', 'inactive', 'blocked', 'decoupled'];

function reportFilterQuery(query: ReportFilters): Query {
  return {
    from: query.from,
    to: query.to,
    user_ids: query.userIds,
    project_ids: query.projectIds,
    client_ids: query.clientIds,
    task_ids: query.taskIds,
    external_reference_types: query.externalReferenceTypes,
  };
}

export function createKeepingClient(options: KeepingClientOptions): KeepingClient {
  const http = createKeepingHttp(options);

  async function rawProjects(org: number): Promise<KeepingProject[]> {
    return fetchAllPages(async (page) => {
      const body = await http.get(
        `/${org}/projects`,
        { state: ['active', 'archived'], page, per_page: PAGE_SIZE },
        projectsResponseSchema,
      );
      return { items: body.projects, meta: body.meta };
    });
  }

  return {
    async organisations() {
      const body = await http.get('/organisations', {}, organisationsResponseSchema);
      return body.organisations.map(toOrganisation);
    },

    async me(org) {
      const body = await http.get(`/${org}/users/me`, {}, userResponseSchema);
      return toUser(body.user, org);
    },

    async users(org) {
      const users = await fetchAllPages(async (page) => {
        const body = await http.get(
          `/${org}/users`,
          { state: ALL_USER_STATES, page, per_page: PAGE_SIZE },
          usersResponseSchema,
        );
        return { items: body.users, meta: body.meta };
      });
      return users.map((user) => toUser(user, org));
    },

    async clients(org) {
      try {
        const clients = await fetchAllPages(async (page) => {
          const body = await http.get(
            `/${org}/clients`,
            { state: ['active', 'inactive'], page, per_page: PAGE_SIZE },
            clientsResponseSchema,
          );
          return { items: body.clients, meta: body.meta };
        });
        return clients.map((client) => toClient(client, org));
      } catch (error) {
        // Listing clients is for administrators; everyone else sees them inside projects.
        if (!(error instanceof UrenbrugError) || error.code !== 'forbidden') throw error;
        return clientsFromProjects(await rawProjects(org), org);
      }
    },

    async projects(org) {
      return (await rawProjects(org)).map((project) => toProject(project, org));
    },

    async tasks(org) {
      const tasks = await fetchAllPages(async (page) => {
        const body = await http.get(
          `/${org}/tasks`,
          { state: ['active', 'archived'], page, per_page: PAGE_SIZE },
          tasksResponseSchema,
        );
        return { items: body.tasks, meta: body.meta };
      });
      return tasks.map((task) => toTask(task, org));
    },

    async timeEntries(org, query) {
      const body = await http.get(
        `/${org}/time-entries`,
        { user_id: query.userId, date: query.date },
        timeEntriesResponseSchema,
      );
      const { entries, leftOut } = screenEntries(body.time_entries, org, 'GET time-entries');
      return { entries, leftOut, date: body.meta.date, userId: body.meta.user_id };
    },

    async reportTimeEntries(org, query, onPage, signal, onLeftOut) {
      const leftOut: LeftOutEntry[] = [];
      const entries = await fetchAllPages(
        async (page) => {
          const body = await http.get(
            `/${org}/report/time-entries`,
            { ...reportFilterQuery(query), page, per_page: PAGE_SIZE },
            reportTimeEntriesResponseSchema,
          );
          const screened = screenEntries(body.time_entries, org, 'GET report/time-entries', PAGE_SIZE);
          mergeLeftOut(leftOut, screened.leftOut);
          return { items: screened.entries, meta: body.meta };
        },
        { signal, onPage },
      );
      onLeftOut?.(leftOut);
      return entries;
    },

    async countTimeEntries(org, query) {
      const body = await http.get(
        `/${org}/report/time-entries`,
        { ...reportFilterQuery(query), page: 1, per_page: 1 },
        reportTimeEntriesResponseSchema,
      );
      return body.meta.total;
    },

    async report(org, query) {
      const body = await http.get(
        `/${org}/report`,
        {
          ...reportFilterQuery(query),
          row_type: query.rowType,
          tag_ids: query.tagIds,
          external_reference_ids: query.externalReferenceIds,
        },
        reportResponseSchema,
      );
      return body.report;
    },

    async patchTimeEntry(org, id, patch) {
      const body = await http.write(
        'PATCH',
        `/${org}/time-entries/${id}`,
        checkTimeEntryPatch(patch),
        timeEntryWriteResponseSchema,
      );
      return { entry: toEntry(body.time_entry, org), meta: body.meta };
    },

    serverOffsetMs: () => http.serverOffsetMs(),
  };
}
