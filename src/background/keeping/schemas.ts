/**
 * Valibot schemas for every Keeping response we read (docs/keeping-api.md, Time entries). `v.object` drops
 * keys it does not know, so fields Keeping added after the spec (approval_status, included_in_total…) never
 * break validation. Open-ended values (plan, user state, reference type, row type) stay strings: Keeping has
 * grown those lists before and a new value must not reject a whole page.
 */
import * as v from 'valibot';
import { PURPOSES } from '../../core/keeping-types';
import { positiveId as id } from '../validation/common-schemas';

/** A real calendar day: `isoDate` alone lets 2026-02-30 through. */
function isCalendarDay(text: string): boolean {
  const [year, month, date] = text.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return (
    parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date
  );
}

const day = v.pipe(v.string(), v.isoDate(), v.check(isCalendarDay, 'not a calendar day'));

/** Keeping's own range for an entry's hours (docs/keeping-api.md, Time entries). */
export const MAX_ENTRY_HOURS = 1000;

export const purposeSchema = v.picklist(PURPOSES);

export const organisationSchema = v.object({
  id,
  name: v.string(),
  url: v.optional(v.string()),
  current_plan: v.string(),
  features: v.object({
    timesheet: v.picklist(['times', 'hours']),
    projects: v.boolean(),
    tasks: v.boolean(),
    breaks: v.boolean(),
  }),
  time_zone: v.string(),
  currency: v.string(),
});

export const userSchema = v.object({
  id,
  first_name: v.nullable(v.string()),
  surname: v.nullable(v.string()),
  code: v.nullable(v.string()),
  role: v.picklist(['administrator', 'team_manager', 'team_member']),
  state: v.string(),
});

export const clientSchema = v.object({
  id,
  name: v.string(),
  code: v.nullable(v.string()),
  state: v.picklist(['active', 'inactive']),
});

export const projectSchema = v.object({
  id,
  client: v.nullable(clientSchema),
  name: v.string(),
  code: v.nullable(v.string()),
  direct: v.nullable(
    v.picklist([
      'entire_project_is_indirect',
      'is_direct_through_task_assignments',
      'entire_project_is_direct',
    ]),
  ),
  // Optional: only needed for direct/indirect resolution, and absent when tasks are off.
  task_assignments: v.optional(
    v.nullable(v.array(v.object({ task_id: id, direct: v.nullable(v.boolean()) }))),
  ),
  participations: v.optional(v.array(v.object({ user_id: id }))),
  state: v.picklist(['active', 'archived']),
});

export const taskSchema = v.object({
  id,
  name: v.string(),
  code: v.nullable(v.string()),
  direct: v.nullable(v.boolean()),
  state: v.picklist(['active', 'archived']),
});

export const externalReferenceSchema = v.object({
  id: v.string(),
  type: v.string(),
  name: v.string(),
  url: v.nullable(v.string()),
});

export const timeEntrySchema = v.object({
  id,
  user_id: id,
  date: day,
  purpose: purposeSchema,
  approval_status: v.optional(v.string()),
  project_id: v.nullable(id),
  task_id: v.nullable(id),
  tag_ids: v.nullable(v.array(id)),
  note: v.nullable(v.string()),
  external_references: v.array(externalReferenceSchema),
  start: v.nullable(v.string()),
  end: v.nullable(v.string()),
  hours: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(MAX_ENTRY_HOURS))),
  ongoing: v.boolean(),
  locked: v.boolean(),
  is_direct_hours: v.boolean(),
  included_in_total: v.optional(v.boolean()),
});

export const paginationMetaSchema = v.object({
  total: v.number(),
  per_page: v.number(),
  current_page: v.number(),
  // null when there are no results at all (docs/keeping-api.md, Pagination).
  last_page: v.nullable(v.number()),
});

export const organisationsResponseSchema = v.object({ organisations: v.array(organisationSchema) });
export const userResponseSchema = v.object({ user: userSchema });
export const usersResponseSchema = v.object({ users: v.array(userSchema), meta: paginationMetaSchema });
export const clientsResponseSchema = v.object({ clients: v.array(clientSchema), meta: paginationMetaSchema });
export const projectsResponseSchema = v.object({
  projects: v.array(projectSchema),
  meta: paginationMetaSchema,
});
export const tasksResponseSchema = v.object({ tasks: v.array(taskSchema), meta: paginationMetaSchema });

// Entries stay unknown here: entry-screen.ts checks each alone, so one bad entry is left out by
// its id rather than failing its whole page.
export const timeEntriesResponseSchema = v.object({
  time_entries: v.array(v.unknown()),
  meta: v.object({ user_id: id, date: day }),
});

export const reportTimeEntriesResponseSchema = v.object({
  time_entries: v.array(v.unknown()),
  meta: v.object({ ...paginationMetaSchema.entries, total_hours: v.number() }),
});

export const reportSchema = v.object({
  from: day,
  to: day,
  row_type: v.string(),
  rows: v.array(
    v.object({
      id: v.nullable(v.string()),
      description: v.string(),
      url: v.nullable(v.string()),
      hours: v.number(),
      direct_hours: v.nullable(v.number()),
    }),
  ),
  total_hours: v.number(),
  total_direct_hours: v.nullable(v.number()),
});

export const reportResponseSchema = v.object({ report: reportSchema });

// Missing lists in write meta mean "nothing happened", so default them rather than reject the write
// that already took effect on the server.
const idList = v.optional(v.array(id), []);
export const writeMetaSchema = v.object({
  created_additional_time_entry_ids: idList,
  modified_existing_time_entry_ids: idList,
  deleted_existing_time_entry_ids: idList,
});

export const timeEntryWriteResponseSchema = v.object({
  time_entry: timeEntrySchema,
  meta: v.optional(writeMetaSchema, {}),
});

/** 4xx/5xx body; every part optional because it may be absent, HTML, or carry more keys. */
export const errorBodySchema = v.object({
  error: v.object({ message: v.optional(v.string()) }),
});

export type KeepingOrganisation = v.InferOutput<typeof organisationSchema>;
export type KeepingUser = v.InferOutput<typeof userSchema>;
export type KeepingClientRecord = v.InferOutput<typeof clientSchema>;
export type KeepingProject = v.InferOutput<typeof projectSchema>;
export type KeepingTask = v.InferOutput<typeof taskSchema>;
export type KeepingExternalReference = v.InferOutput<typeof externalReferenceSchema>;
export type KeepingTimeEntry = v.InferOutput<typeof timeEntrySchema>;
export type KeepingPaginationMeta = v.InferOutput<typeof paginationMetaSchema>;
export type KeepingReport = v.InferOutput<typeof reportSchema>;
export type KeepingWriteMeta = v.InferOutput<typeof writeMetaSchema>;
export type KeepingErrorBody = v.InferOutput<typeof errorBodySchema>;
