/**
 * The panel's background against the fake Keeping server over real HTTP, with the real client and
 * limiter: fetch a client's month, link entries to an invoice, save it, and check what the
 * sandbox now holds — our reference added, other references kept, locked entries left alone.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FOREIGN_REFERENCE, HOSTILE_ENTRY_IDS } from '../../../sandbox/keeping/seed/hostile';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  SAMPLE_JIRA_REFERENCE,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from '../../../sandbox/keeping/server';
import { urenbrugReferenceId } from '../../core/billing';
import { saveConnection } from '../account/connection';
import { openUrenbrugDb, type UrenbrugDatabase } from '../db/database';
import type { WorkerDependencies } from '../dependencies';
import { createHandlers, type HandlerTable } from '../handlers/table';
import { createKeepingClient } from '../keeping/client';
import { createLimiter } from '../keeping/limiter';
import { readAudit } from '../records/audit-log';
import { createInstantClock } from '../testing/fake-clock';
import { asPanel } from '../testing/panel-setup';
import { createWriteBack, type WriteBack } from './runner';

const clock = createInstantClock(Date.parse('2026-11-27T14:20:00+01:00'));
const INVOICE_ID = '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const DIVISION = 1234567;
let sandbox: KeepingSandbox;
let db: UrenbrugDatabase;
let handlers: HandlerTable;
let writeBack: WriteBack;
let counter = 0;

beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => clock.now() });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.reset();
  counter += 1;
  db = await openUrenbrugDb(`write-back-sandbox-${counter}`);
  const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
  const services: WorkerDependencies = {
    db: async () => db,
    createClient: (token, language) =>
      createKeepingClient({
        token,
        language,
        limiter,
        baseUrl: `${sandbox.url}/v1`,
        now: clock.now,
        sleep: clock.sleep,
      }),
    now: clock.now,
  };
  writeBack = createWriteBack(services);
  // Held back in the handlers, so the test runs the queue itself and can await it.
  handlers = createHandlers(services, {
    resume: async () => ({ done: 0, skipped: 0, conflicts: 0, failed: 0, pending: 0 }),
  });
  await saveConnection({
    token: SANDBOX_TOKENS.admin,
    organisationId: ORG,
    organisationName: 'x',
    userName: 'y',
  });
});
afterEach(() => db.close());

const audit = (records: { action: string; entryIds: number[] }[]) =>
  records.map((record) => [record.action, record.entryIds[0]]);
const stateOf = (id: number) => sandbox.state.timeEntries.find((entry) => entry.id === id)!;

describe('write-back against the sandbox', () => {
  it("marks an entry carrying another integration's rule-breaking reference, keeping it as it was", async () => {
    const project = sandbox.state.projects.find((candidate) => candidate.client !== null)!;
    const clientId = project.client!.id;
    await fetch(`${sandbox.url}/__sandbox/hostile`, {
      method: 'POST',
      body: JSON.stringify({ date: '2026-11-20', projectId: project.id }),
    });
    await handlers['panel.context']({ division: DIVISION });
    const range = { from: '2026-11-01', to: '2026-11-27', keepingClientId: clientId };
    const view = await handlers['entries.range']({ ...range, fresh: true });
    expect(view.leftOut?.map((entry) => entry.id)).toEqual([
      HOSTILE_ENTRY_IDS.impossibleDate,
      HOSTILE_ENTRY_IDS.hoursOutOfRange,
    ]);
    const ref = { division: DIVISION, invoiceId: null, draftKey: 'hostile' };
    await asPanel(handlers).link({
      ref,
      invoiceNumber: null,
      entryIds: [HOSTILE_ENTRY_IDS.foreignReference],
      keepingClientId: clientId,
    });
    await asPanel(handlers).saved({ draft: ref, invoiceId: INVOICE_ID, invoiceNumber: '20260042' });
    expect(await writeBack.resume()).toMatchObject({ done: 1, failed: 0 });
    expect(stateOf(HOSTILE_ENTRY_IDS.foreignReference).external_references).toEqual([
      FOREIGN_REFERENCE,
      expect.objectContaining({ id: urenbrugReferenceId(DIVISION, INVOICE_ID) }),
    ]);
  });

  it('marks a client’s entries as billed, keeps other references, skips locked ones, and unmarks', async () => {
    const jiraEntry = sandbox.state.timeEntries.find((entry) =>
      entry.external_references.some((reference) => reference.id === SAMPLE_JIRA_REFERENCE.id),
    )!;
    const clientId = sandbox.state.projects.find((project) => project.id === jiraEntry.project_id)!.client!
      .id;

    const context = await handlers['panel.context']({ division: DIVISION });
    expect(context.clients.some((client) => client.id === clientId)).toBe(true);
    const range = { from: '2026-11-01', to: '2026-11-27', keepingClientId: clientId };
    const view = await handlers['entries.range']({ ...range, fresh: true });
    const ids = view.entries.map((entry) => entry.id);
    expect(ids).toContain(jiraEntry.id);
    // What the sandbox holds for that client and month is exactly what came back.
    const projectIds = new Set(
      sandbox.state.projects
        .filter((project) => project.client?.id === clientId)
        .map((project) => project.id),
    );
    const expected = sandbox.state.timeEntries
      .filter(
        (entry) =>
          projectIds.has(entry.project_id ?? -1) && entry.date >= range.from && entry.date <= range.to,
      )
      .map((entry) => entry.id);
    expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));

    const open = view.entries.filter((entry) => !entry.locked && entry.id !== jiraEntry.id && !entry.ongoing);
    const locked = open[3]!;
    const picked = [jiraEntry.id, ...open.slice(0, 4).map((entry) => entry.id)];
    // Locked in Keeping after the panel fetched it (an invoicing integration got there first).
    stateOf(locked.id).locked = true;

    await asPanel(handlers).link({
      ref: { division: DIVISION, invoiceId: null, draftKey: 'd1' },
      invoiceNumber: null,
      entryIds: picked,
      keepingClientId: clientId,
    });
    await asPanel(handlers).saved({
      draft: { division: DIVISION, invoiceId: null, draftKey: 'd1' },
      invoiceId: INVOICE_ID,
      invoiceNumber: '20260042',
    });
    const run = await writeBack.resume();
    expect(run).toEqual({ done: 4, skipped: 1, conflicts: 0, failed: 0, pending: 0 });

    const ours = {
      id: urenbrugReferenceId(DIVISION, INVOICE_ID),
      type: 'generic_work_reference',
      name: 'Factuur 20260042 (Exact Online)',
      url: null,
    };
    expect(stateOf(jiraEntry.id).external_references).toEqual([SAMPLE_JIRA_REFERENCE, ours]);
    for (const entry of open.slice(0, 3)) expect(stateOf(entry.id).external_references).toContainEqual(ours);
    expect(stateOf(locked.id).external_references).not.toContainEqual(ours);
    expect(audit(await readAudit(db, `${DIVISION}:${INVOICE_ID}`))).toContainEqual([
      'writeback_skipped',
      locked.id,
    ]);

    await asPanel(handlers).unlink({
      ref: { division: DIVISION, invoiceId: INVOICE_ID, draftKey: null },
      entryIds: [jiraEntry.id],
    });
    expect(await writeBack.resume()).toMatchObject({ done: 1, pending: 0 });
    expect(stateOf(jiraEntry.id).external_references).toEqual([SAMPLE_JIRA_REFERENCE]);

    const done = audit(await readAudit(db, `${DIVISION}:${INVOICE_ID}`)).filter(
      ([action]) => action === 'writeback_done',
    );
    expect(done).toHaveLength(5);
    expect(sandbox.requestLog.filter((item) => item.method === 'PATCH')).toHaveLength(5);
  });
});

describe('release and bulk reads against the sandbox', () => {
  it('reads fresh in pages of 100, PATCHes once per entry, and a release takes only our reference off', async () => {
    const jiraEntry = sandbox.state.timeEntries.find((entry) =>
      entry.external_references.some((reference) => reference.id === SAMPLE_JIRA_REFERENCE.id),
    )!;
    const clientId = sandbox.state.projects.find((project) => project.id === jiraEntry.project_id)!.client!
      .id;
    await handlers['panel.context']({ division: DIVISION });
    const view = await handlers['entries.range']({
      from: '2026-10-01',
      to: '2026-11-27',
      keepingClientId: clientId,
      fresh: true,
    });
    const open = view.entries.filter(
      (entry) =>
        !entry.locked &&
        !entry.ongoing &&
        !entry.externalReferences.some((reference) => reference.type.endsWith('_invoice')),
    );
    const picked = open.map((entry) => entry.id);
    expect(picked.length).toBeGreaterThan(150);
    expect(picked).toContain(jiraEntry.id);
    await asPanel(handlers).link({
      ref: { division: DIVISION, invoiceId: null, draftKey: 'big' },
      invoiceNumber: null,
      entryIds: picked,
      keepingClientId: clientId,
    });
    await asPanel(handlers).saved({
      draft: { division: DIVISION, invoiceId: null, draftKey: 'big' },
      invoiceId: INVOICE_ID,
      invoiceNumber: '20260042',
    });
    sandbox.requestLog.length = 0;
    expect(await writeBack.resume()).toMatchObject({ done: picked.length, conflicts: 0, pending: 0 });
    const reads = sandbox.requestLog.filter((item) => item.method === 'GET');
    const patches = sandbox.requestLog.filter((item) => item.method === 'PATCH');
    // The figure: one PATCH per entry, and a fresh read per batch of 100 (filtered pages).
    expect(patches).toHaveLength(picked.length);
    expect(reads.every((item) => item.path.includes('/report/time-entries'))).toBe(true);
    expect(reads.length).toBeLessThanOrEqual(Math.ceil(picked.length / 100) * 2);
    console.info(
      `write-back of ${picked.length} entries: ${patches.length} PATCH, ${reads.length} fresh reads (${((100 * reads.length) / patches.length).toFixed(1)} %)`,
    );

    // The next wake checks the marks in bulk and writes nothing.
    sandbox.requestLog.length = 0;
    await writeBack.resume();
    expect(sandbox.requestLog.filter((item) => item.method === 'PATCH')).toHaveLength(0);
    expect(await db.count('writeback')).toBe(0);

    await expect(
      handlers['invoice.release']({
        ref: { division: DIVISION, invoiceId: INVOICE_ID, draftKey: null },
        reason: ' ',
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    const released = await handlers['invoice.release']({
      ref: { division: DIVISION, invoiceId: INVOICE_ID, draftKey: null },
      reason: 'Gecrediteerd met 20260050',
    });
    expect(released.linkedEntryIds).toEqual([]);
    expect(await writeBack.resume()).toMatchObject({ done: picked.length, pending: 0 });
    const oursId = urenbrugReferenceId(DIVISION, INVOICE_ID);
    expect(
      sandbox.state.timeEntries.filter((entry) =>
        entry.external_references.some((reference) => reference.id === oursId),
      ),
    ).toHaveLength(0);
    expect(stateOf(jiraEntry.id).external_references).toEqual([SAMPLE_JIRA_REFERENCE]);
    const release = (await readAudit(db, `${DIVISION}:${INVOICE_ID}`)).find(
      (record) => record.action === 'release',
    );
    expect(release).toMatchObject({ reason: 'Gecrediteerd met 20260050', keepingUser: { name: 'y' } });
    expect(release?.entryIds).toHaveLength(picked.length);
    // The hours are billable again: no local link is left.
    const again = await handlers['entries.range']({
      from: '2026-10-01',
      to: '2026-11-27',
      keepingClientId: clientId,
      fresh: false,
    });
    expect(Object.keys(again.localLinks)).toHaveLength(0);
  });
});
