/**
 * Hostile entries over real HTTP (docs/architecture.md, Keeping's data is bounded): the sandbox
 * serves entries that break the reference's promises; the client names each bad one by id, keeps
 * the rest of the period, folds the long note, refuses an oversized page, and sends another
 * integration's reference back unchanged when it marks an entry.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FOREIGN_REFERENCE,
  HOSTILE_ENTRY_IDS,
  HOSTILE_NOTE_LENGTH,
} from '../../../sandbox/keeping/seed/hostile';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from '../../../sandbox/keeping/server';
import { UrenbrugError } from '../../shared/errors';
import { createInstantClock } from '../testing/fake-clock';
import { createKeepingClient, type KeepingClient } from './client';
import { NOTE_SHOWN_CHARS } from './entry-screen';
import { createLimiter } from './limiter';

const clock = createInstantClock(Date.parse('2026-11-27T14:20:00+01:00'));
let sandbox: KeepingSandbox;
let keeping: KeepingClient;
const DAY = '2026-11-20';

beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => clock.now() });
  keeping = createKeepingClient({
    token: SANDBOX_TOKENS.admin,
    baseUrl: `${sandbox.url}/v1`,
    language: 'nl',
    limiter: createLimiter({ now: clock.now, sleep: clock.sleep }),
    now: clock.now,
    sleep: clock.sleep,
  });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.reset();
  const projectId = sandbox.state.projects[0]!.id;
  const answer = await fetch(`${sandbox.url}/__sandbox/hostile`, {
    method: 'POST',
    body: JSON.stringify({ date: DAY, projectId }),
  });
  expect(answer.status).toBe(200);
});

describe('hostile entries from the sandbox', () => {
  it('are named by id and left out; the rest of the period is read, the long note folded', async () => {
    let leftOut: unknown[] = [];
    const entries = await keeping.reportTimeEntries(
      ORG,
      { from: '2026-11-01', to: '2026-11-30' },
      undefined,
      undefined,
      (found) => {
        leftOut = found;
      },
    );
    expect(leftOut).toEqual([
      { id: HOSTILE_ENTRY_IDS.impossibleDate, reason: 'date' },
      { id: HOSTILE_ENTRY_IDS.hoursOutOfRange, reason: 'hours' },
    ]);
    const servedInNovember = sandbox.state.timeEntries.filter((entry) => entry.date.startsWith('2026-11'));
    expect(entries).toHaveLength(servedInNovember.length - 2);
    const long = entries.find((entry) => entry.id === HOSTILE_ENTRY_IDS.longNote)!;
    expect(long.note).toHaveLength(NOTE_SHOWN_CHARS);
    expect(long.noteFoldedChars).toBe(HOSTILE_NOTE_LENGTH - NOTE_SHOWN_CHARS);
  });

  it('on one day too', async () => {
    const userId = sandbox.state.users[0]!.id;
    const day = await keeping.timeEntries(ORG, { userId, date: DAY });
    expect(day.leftOut?.map((entry) => entry.id)).toEqual([
      HOSTILE_ENTRY_IDS.impossibleDate,
      HOSTILE_ENTRY_IDS.hoursOutOfRange,
    ]);
    expect(day.entries.some((entry) => entry.id === HOSTILE_ENTRY_IDS.longNote)).toBe(true);
  });

  it('a page with more entries than per_page is a clear error, not a longer list', async () => {
    sandbox.faults.push({ kind: 'oversized_page', pathIncludes: '/report/time-entries' });
    const error = await keeping.reportTimeEntries(ORG, { from: '2026-11-01', to: '2026-11-30' }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UrenbrugError);
    expect((error as UrenbrugError).code).toBe('unexpected_response');
    expect((error as UrenbrugError).detail).toBe('101 entries on a page of 100');
  });

  it('marking an entry sends the foreign reference back unchanged, and Keeping keeps it', async () => {
    const ours = {
      id: 'eb0b0e1234567890abcdef',
      type: 'generic_work_reference',
      name: 'Factuur 20260042 (Exact Online)',
      url: null,
    };
    const result = await keeping.patchTimeEntry(ORG, HOSTILE_ENTRY_IDS.foreignReference, {
      external_references: [FOREIGN_REFERENCE, ours],
    });
    expect(result.entry.externalReferences).toEqual([FOREIGN_REFERENCE, ours]);
    // Our own reference is still held to every rule.
    const bad = { ...ours, name: 'x'.repeat(192) };
    await expect(
      keeping.patchTimeEntry(ORG, HOSTILE_ENTRY_IDS.foreignReference, {
        external_references: [FOREIGN_REFERENCE, bad],
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
