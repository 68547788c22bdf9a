/** Validation of time-entry write bodies (docs/keeping-api.md, Writing references). */

import type { ExternalReference, Purpose } from '../../model/types';
import { requireFeature } from '../http/access';
import { ApiError, forbidden, invalid, notFound } from '../http/api-error';
import type { OrgContext } from '../http/context';

export const PURPOSES: string[] = [
  'work',
  'break',
  'special_leave',
  'unpaid_leave',
  'statutory_leave',
  'sick_leave',
  'work_reduction',
  'trip',
];

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i;
const REFERENCE_ID = /^[0-9a-f]{10,40}$/;
const MAX_NOTE = 10_000;
const MAX_REFERENCES = 10;

export function readPurpose(value: unknown): Purpose {
  if (value === undefined) return 'work';
  if (typeof value !== 'string' || !PURPOSES.includes(value)) throw invalid('purpose');
  return value as Purpose;
}

/** "13:45", "9:05", "1:15pm" → minutes since midnight. */
export function parseClock(value: unknown, field: string): number {
  const match = typeof value === 'string' ? CLOCK.exec(value.trim()) : null;
  if (!match) throw invalid(field);
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const meridiem = match[4]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) throw invalid(field);
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || Number(match[3] ?? 0) > 59) throw invalid(field);
  return hours * 60 + minutes;
}

/** Minutes since midnight of a rendered instant, read from its local clock part. */
export function clockOf(iso: string): number {
  return Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
}

export function readNote(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw invalid('note');
  if (value.length > MAX_NOTE) throw invalid('note', 'too_long');
  return value;
}

/** The sandbox organisations have no tags, so every tag id is unknown. */
export function readTagIds(value: unknown): number[] | null {
  if (value === null) return null;
  if (!Array.isArray(value) || value.some((id) => !Number.isInteger(id))) throw invalid('tag_ids');
  if (value.length > 0) throw notFound();
  return [];
}

function readId(value: unknown, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value)) throw invalid(field);
  return value as number;
}

/** Project and task rules for a work entry; returns the ids to store. */
export function checkProjectTask(
  ctx: OrgContext,
  userId: number,
  purpose: Purpose,
  rawProject: unknown,
  rawTask: unknown,
): { projectId: number | null; taskId: number | null } {
  const { features } = ctx.org.organisation;
  const projectId = features.projects ? readId(rawProject, 'project_id') : null;
  const taskId = features.tasks ? readId(rawTask, 'task_id') : null;
  if (purpose !== 'work') {
    if (projectId !== null) throw invalid('project_id');
    if (taskId !== null) throw invalid('task_id');
    if (purpose === 'break') requireFeature(ctx, 'breaks');
    return { projectId: null, taskId: null };
  }
  if (features.projects && projectId === null) throw invalid('project_id', 'required');
  if (features.tasks && taskId === null) throw invalid('task_id', 'required');
  const project = ctx.org.projects.find((item) => item.id === projectId);
  const task = ctx.org.tasks.find((item) => item.id === taskId);
  if ((projectId !== null && !project) || (taskId !== null && !task)) throw notFound();
  if (project?.state === 'archived' || task?.state === 'archived') throw forbidden();
  if (project && !project.participations.some((item) => item.user_id === userId)) throw forbidden();
  if (project && task && !(project.task_assignments ?? []).some((item) => item.task_id === task.id)) {
    throw invalid('task_id', 'not_assigned');
  }
  return { projectId, taskId };
}

function readUrl(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > 2048) throw invalid(field);
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(field);
  } catch {
    throw invalid(field);
  }
  return value;
}

/**
 * The API writes only generic_work_reference. On PATCH, another type is kept when it is sent
 * back unchanged and dropped when left out; anything else is a validation error.
 */
export function readReferences(value: unknown, existing: ExternalReference[] = []): ExternalReference[] {
  if (!Array.isArray(value)) throw invalid('external_references');
  if (value.length > MAX_REFERENCES) throw invalid('external_references', 'too_many');
  const result = value.map((item: unknown, index): ExternalReference => {
    const field = `external_references.${index}`;
    if (typeof item !== 'object' || item === null) throw invalid(field);
    const ref = item as Record<string, unknown>;
    const type = ref.type ?? 'generic_work_reference';
    if (type !== 'generic_work_reference') {
      const kept = existing.find((old) => old.id === ref.id && old.type === type);
      if (!kept || kept.name !== ref.name || kept.url !== (ref.url ?? null)) {
        throw invalid(`${field}.type`, 'not_writable');
      }
      return { ...kept };
    }
    if (typeof ref.id !== 'string' || !REFERENCE_ID.test(ref.id)) throw invalid(`${field}.id`);
    if (typeof ref.name !== 'string' || ref.name.trim() === '') throw invalid(`${field}.name`, 'required');
    if (ref.name.length > 191) throw invalid(`${field}.name`, 'too_long');
    return { id: ref.id, type, name: ref.name, url: readUrl(ref.url, `${field}.url`) };
  });
  const keys = result.map((ref) => `${ref.type}|${ref.id}`);
  if (new Set(keys).size !== keys.length) throw invalid('external_references');
  return result;
}

export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ApiError(400, 'bad_request');
  return body as Record<string, unknown>;
}
