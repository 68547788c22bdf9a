/**
 * Checks run before anything is written to IndexedDB (docs/architecture.md, Storage and migrations: validate
 * before writing). The Keeping client already validates responses against schemas; these guard the cache's
 * own invariants — a record filed under the wrong organisation, user or day would be served later as if it
 * were true, and replacing a day deletes whatever the fresh list does not name.
 */

import * as v from 'valibot';
import type { Entry } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import { positiveId } from '../validation/common-schemas';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface DayKey {
  organisationId: number;
  userId: number;
  /** Y-m-d in the organisation's time zone. */
  date: string;
}

function fail(message: string): never {
  throw new UrenbrugError('unexpected_response', message);
}

function isId(value: unknown): value is number {
  return v.is(positiveId, value);
}

/** Throws unless `date` is a Y-m-d string. */
export function assertDay(date: string): void {
  if (!DAY.test(date)) fail(`Not a day (Y-m-d): ${JSON.stringify(date)}`);
}

/** Throws unless every entry is a well-formed entry of exactly that organisation, user and day. */
export function assertDayEntries(day: DayKey, entries: readonly Entry[]): void {
  if (!isId(day.organisationId) || !isId(day.userId)) fail('Invalid organisation or user id');
  assertDay(day.date);
  const seen = new Set<number>();
  for (const entry of entries) {
    if (!isId(entry.id)) fail(`Invalid time entry id: ${JSON.stringify(entry.id)}`);
    if (seen.has(entry.id)) fail(`Time entry ${entry.id} appears twice`);
    seen.add(entry.id);
    if (
      entry.organisationId !== day.organisationId ||
      entry.userId !== day.userId ||
      entry.date !== day.date
    ) {
      fail(`Time entry ${entry.id} does not belong to user ${day.userId} on ${day.date}`);
    }
    if (!Number.isSafeInteger(entry.minutes) || entry.minutes < 0) {
      fail(`Time entry ${entry.id} has invalid minutes: ${entry.minutes}`);
    }
  }
}

/**
 * Throws unless every record has a valid, unique id and — when it carries one — the expected
 * organisation id.
 */
export function assertReferenceRecords(
  organisationId: number,
  kind: string,
  values: readonly { id: number; organisationId?: number }[],
): void {
  if (!isId(organisationId)) fail('Invalid organisation id');
  const seen = new Set<number>();
  for (const value of values) {
    if (!isId(value.id)) fail(`Invalid ${kind} id: ${JSON.stringify(value.id)}`);
    if (seen.has(value.id)) fail(`${kind} ${value.id} appears twice`);
    seen.add(value.id);
    if (value.organisationId !== undefined && value.organisationId !== organisationId) {
      fail(`${kind} ${value.id} belongs to organisation ${value.organisationId}, not ${organisationId}`);
    }
  }
}
