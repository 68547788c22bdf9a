/**
 * The Overzicht's cache of one period: the organisation's entries over it, slimmed to what the
 * figures need (no notes, only the references that say "billed"), as columns in one record of
 * the `fetches` store. One record reads back in one structured clone, where 50,000 rows of the
 * `entries` store would take one each; `wipeCache` clears it with every other Keeping record.
 */
import {
  isUrenbrugReferenceId,
  KEEPING_INVOICE_REFERENCE_TYPES,
  URENBRUG_REFERENCE_TYPE,
} from '../../core/billing';
import type { Entry, ExternalReference } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import type { FetchRecord, UrenbrugDatabase } from '../db/database';
import type { OverviewSnapshot } from '../db/overview-record';

export type { OverviewSnapshot } from '../db/overview-record';

import { assertDay } from '../db/validate';

/** The whole organisation's period, or one client's (the panel's line). */
export const overviewKey = (organisationId: number, from: string, to: string, clientId?: number): string =>
  clientId === undefined
    ? `overview:${organisationId}:${from}:${to}`
    : `overview:${organisationId}:client:${clientId}:${from}:${to}`;

function billingReference(reference: ExternalReference): boolean {
  return (
    KEEPING_INVOICE_REFERENCE_TYPES.has(reference.type) ||
    (reference.type === URENBRUG_REFERENCE_TYPE && isUrenbrugReferenceId(reference.id))
  );
}

function fail(message: string): never {
  throw new UrenbrugError('unexpected_response', message);
}

/** Checks the fresh list against the period it was read for, then slims it (breaks dropped). */
export function toSnapshot(
  organisationId: number,
  range: { from: string; to: string; userId: number | null },
  entries: readonly Entry[],
): OverviewSnapshot {
  assertDay(range.from);
  assertDay(range.to);
  const snapshot: OverviewSnapshot = {
    ...range,
    id: [],
    date: [],
    projectId: [],
    taskId: [],
    userIds: [],
    minutes: [],
    direct: [],
    refs: [],
    references: [],
  };
  const referenceIndex = new Map<string, number>();
  const seen = new Set<number>();
  for (const entry of entries) {
    if (entry.organisationId !== organisationId)
      fail(`Time entry ${entry.id} belongs to another organisation`);
    if (entry.date < range.from || entry.date > range.to)
      fail(`Time entry ${entry.id} lies outside the period`);
    if (!Number.isSafeInteger(entry.minutes) || entry.minutes < 0)
      fail(`Time entry ${entry.id} has invalid minutes`);
    if (range.userId !== null && entry.userId !== range.userId)
      fail(`Time entry ${entry.id} is another user's`);
    if (seen.has(entry.id)) fail(`Time entry ${entry.id} appears twice`);
    seen.add(entry.id);
    if (entry.purpose === 'break') continue;
    snapshot.id.push(entry.id);
    snapshot.date.push(entry.date);
    snapshot.projectId.push(entry.projectId);
    snapshot.taskId.push(entry.taskId);
    snapshot.userIds.push(entry.userId);
    snapshot.minutes.push(entry.minutes);
    snapshot.direct.push(entry.isDirect);
    const kept = entry.externalReferences.filter(billingReference);
    if (kept.length === 0) {
      snapshot.refs.push(null);
      continue;
    }
    snapshot.refs.push(
      kept.map((reference) => {
        const key = `${reference.type}\u0000${reference.id}\u0000${reference.name}`;
        let index = referenceIndex.get(key);
        if (index === undefined) {
          index = snapshot.references.length;
          referenceIndex.set(key, index);
          snapshot.references.push(reference);
        }
        return index;
      }),
    );
  }
  return snapshot;
}

/** The snapshot's entries again, as the billing rules read them (notes and other references left out). */
export function snapshotEntries(snapshot: OverviewSnapshot, organisationId: number): Entry[] {
  const entries: Entry[] = new Array(snapshot.id.length);
  for (let i = 0; i < snapshot.id.length; i++) {
    const refs = snapshot.refs[i];
    entries[i] = {
      id: snapshot.id[i] ?? 0,
      organisationId,
      userId: snapshot.userIds[i] ?? 0,
      date: snapshot.date[i] ?? '',
      purpose: 'work',
      projectId: snapshot.projectId[i] ?? null,
      taskId: snapshot.taskId[i] ?? null,
      note: '',
      minutes: snapshot.minutes[i] ?? 0,
      start: null,
      end: null,
      ongoing: false,
      locked: false,
      isDirect: snapshot.direct[i] === true,
      externalReferences: refs ? refs.flatMap((index) => snapshot.references[index] ?? []) : [],
    };
  }
  return entries;
}

export async function readSnapshot(
  db: UrenbrugDatabase,
  organisationId: number,
  from: string,
  to: string,
  clientId?: number,
): Promise<{ snapshot: OverviewSnapshot; fetchedAt: number } | null> {
  const record = await db.get('fetches', overviewKey(organisationId, from, to, clientId));
  return record?.overview ? { snapshot: record.overview, fetchedAt: record.fetchedAt } : null;
}

export async function writeSnapshot(
  db: UrenbrugDatabase,
  organisationId: number,
  snapshot: OverviewSnapshot,
  fetch: Omit<FetchRecord, 'overview'>,
  clientId?: number,
): Promise<void> {
  const key = overviewKey(organisationId, snapshot.from, snapshot.to, clientId);
  await db.put('fetches', { ...fetch, overview: snapshot }, key);
}
