/**
 * The body of PATCH /{org}/time-entries/{id} (docs/keeping-api.md, Writing references). Checked before
 * sending so a mistake of ours is a clear local error rather than a 422 from Keeping, and so a write that
 * would silently do the wrong thing never leaves the extension.
 */
import * as v from 'valibot';
import { URENBRUG_REFERENCE_PREFIX } from '../../core/billing';
import { UrenbrugError } from '../../shared/errors';
import { positiveId } from '../validation/common-schemas';
import { issueText } from '../validation/issue-text';

/** Keeping's id rule for external references; the caller picks a stable hash. */
export const EXTERNAL_REFERENCE_ID = /^[0-9a-f]{10,40}$/;

/** Our own reference: every write-side rule, so a mistake of ours never leaves the extension. */
const ownReferenceWrite = v.object({
  id: v.pipe(v.string(), v.regex(EXTERNAL_REFERENCE_ID, 'must be 10–40 lowercase hex characters')),
  // Other types may only be sent back unchanged (to keep them); the API creates generic ones only.
  type: v.optional(v.string()),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(191)),
  url: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(2048), v.url()))),
});

/**
 * Another integration's reference, sent back exactly as Keeping gave it (or the PATCH deletes
 * it): Keeping's own invoicing integrations write ids and names our rules would refuse, and
 * that must never block marking the entry (docs/architecture.md, Keeping's data is bounded).
 */
const foreignReferenceWrite = v.object({
  id: v.string(),
  type: v.optional(v.string()),
  name: v.string(),
  url: v.optional(v.nullable(v.string())),
});

// strictObject: user_id, date and purpose cannot be changed, and a typo would be ignored by Keeping.
export const timeEntryPatchSchema = v.strictObject({
  project_id: v.optional(positiveId),
  task_id: v.optional(positiveId),
  note: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(10_000)))),
  tag_ids: v.optional(v.nullable(v.array(positiveId))),
  /** Replaces the whole list: send back the references to keep, or they are deleted. */
  external_references: v.optional(v.pipe(v.array(foreignReferenceWrite), v.maxLength(10))),
  start: v.optional(v.string()),
  end: v.optional(v.nullable(v.string())),
  hours: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1000))),
});

export type KeepingTimeEntryPatch = v.InferInput<typeof timeEntryPatchSchema>;
export type KeepingExternalReferenceWrite = v.InferInput<typeof foreignReferenceWrite>;

/** A reference Urenbrug wrote, or meant to: its marker prefix, in any case a bug might produce. */
function isOwnReference(reference: { id: string }): boolean {
  return reference.id.toLowerCase().startsWith(URENBRUG_REFERENCE_PREFIX);
}

function refuse(issues: readonly v.BaseIssue<unknown>[]): never {
  throw new UrenbrugError(
    'invalid_request',
    'Refused to send an invalid time-entry change to Keeping',
    issueText(issues, 'body'),
  );
}

export function checkTimeEntryPatch(body: KeepingTimeEntryPatch): KeepingTimeEntryPatch {
  const result = v.safeParse(timeEntryPatchSchema, body);
  if (!result.success) refuse(result.issues);
  const references = result.output.external_references ?? [];
  references.forEach((reference, index) => {
    if (!isOwnReference(reference)) return;
    const own = v.safeParse(ownReferenceWrite, reference);
    if (!own.success) {
      refuse(
        own.issues.map((issue) => ({
          ...issue,
          path: [
            { type: 'object', origin: 'value', input: body, key: 'external_references', value: references },
            { type: 'array', origin: 'value', input: references, key: index, value: reference },
            ...(issue.path ?? []),
          ],
        })) as v.BaseIssue<unknown>[],
      );
    }
  });
  return result.output;
}
