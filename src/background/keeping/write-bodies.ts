/**
 * The body of PATCH /{org}/time-entries/{id} (docs/keeping-api.md, Writing references). Checked before
 * sending so a mistake of ours is a clear local error rather than a 422 from Keeping, and so a write that
 * would silently do the wrong thing never leaves the extension.
 */
import * as v from 'valibot';
import { UrenbrugError } from '../../shared/errors';
import { positiveId } from '../validation/common-schemas';
import { issueText } from '../validation/issue-text';

/** Keeping's id rule for external references; the caller picks a stable hash. */
export const EXTERNAL_REFERENCE_ID = /^[0-9a-f]{10,40}$/;

const externalReferenceWrite = v.object({
  id: v.pipe(v.string(), v.regex(EXTERNAL_REFERENCE_ID, 'must be 10–40 lowercase hex characters')),
  // Other types may only be sent back unchanged (to keep them); the API creates generic ones only.
  type: v.optional(v.string()),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(191)),
  url: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(2048), v.url()))),
});

// strictObject: user_id, date and purpose cannot be changed, and a typo would be ignored by Keeping.
export const timeEntryPatchSchema = v.strictObject({
  project_id: v.optional(positiveId),
  task_id: v.optional(positiveId),
  note: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(10_000)))),
  tag_ids: v.optional(v.nullable(v.array(positiveId))),
  /** Replaces the whole list: send back the references to keep, or they are deleted. */
  external_references: v.optional(v.pipe(v.array(externalReferenceWrite), v.maxLength(10))),
  start: v.optional(v.string()),
  end: v.optional(v.nullable(v.string())),
  hours: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1000))),
});

export type KeepingTimeEntryPatch = v.InferInput<typeof timeEntryPatchSchema>;
export type KeepingExternalReferenceWrite = v.InferInput<typeof externalReferenceWrite>;

export function checkTimeEntryPatch(body: KeepingTimeEntryPatch): KeepingTimeEntryPatch {
  const result = v.safeParse(timeEntryPatchSchema, body);
  if (result.success) return result.output;
  throw new UrenbrugError(
    'invalid_request',
    'Refused to send an invalid time-entry change to Keeping',
    issueText(result.issues, 'body'),
  );
}
