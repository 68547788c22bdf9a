/**
 * Reproduction 6 of issue 7 against the sandbox Keeping: marks that cannot be written (locked
 * after our read, 403, 404, full, billed by Keeping's own integration) stay in the queue with
 * their reason, are counted per reason in the options page's status and on the invoice, and
 * come back to pending when the bookkeeper retries the ones that need action.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  SANDBOX_TOKENS,
  startKeepingSandbox,
  type TimeEntry,
} from '../../../sandbox/keeping/server';
import { UrenbrugError } from '../../shared/errors';
import { saveConnection } from '../account/connection';
import type { BackgroundClient } from '../dependencies';
import { createInstantClock } from '../testing/fake-clock';
import { asPanel } from '../testing/panel-setup';
import { createSandboxInstall, type SandboxInstall } from '../testing/sandbox-install';

const clock = createInstantClock(Date.parse('2026-11-27T14:20:00+01:00'));
const DIVISION = 1234567;
const INVOICE = '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const ref = { division: DIVISION, invoiceId: INVOICE, draftKey: null };

let sandbox: KeepingSandbox;
let install: SandboxInstall | undefined;

beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => clock.now() });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.reset();
  await saveConnection({
    token: SANDBOX_TOKENS.admin,
    organisationId: ORG,
    organisationName: 'x',
    userName: 'y',
  });
});
afterEach(() => install?.close());

const stateOf = (id: number): TimeEntry => sandbox.state.timeEntries.find((entry) => entry.id === id)!;
const exactInvoice = (name: string) => ({ id: `ab${name}cd`, type: 'exact_online_invoice', name, url: null });

describe('marks Keeping does not take stay visible', () => {
  it('reproduction 6: locked, 403, 404, full and integration-billed marks are counted per reason, none vanishes', async () => {
    const project = sandbox.state.projects.find((candidate) => candidate.client !== null)!;
    const open = sandbox.state.timeEntries.filter(
      (entry) =>
        entry.project_id === project.id &&
        entry.date >= '2026-11-01' &&
        !entry.locked &&
        !entry.ongoing &&
        entry.purpose === 'work' &&
        entry.external_references.length === 0,
    );
    expect(open.length).toBeGreaterThanOrEqual(7);
    const [locked, forbidden, missing, full, integration, fine, billedMeanwhile] = open.map(
      (entry) => entry.id,
    );
    // Between our bulk read and our PATCH, Keeping's own Exact integration bills one (it locks it).
    let armed = false;
    const lockAfterRead = (client: BackgroundClient): BackgroundClient => ({
      ...client,
      async reportTimeEntries(...args) {
        const answer = await client.reportTimeEntries(...args);
        if (!armed) return answer;
        armed = false;
        Object.assign(stateOf(billedMeanwhile!), {
          locked: true,
          external_references: [exactInvoice('20260013')],
        });
        return answer;
      },
      // Keeping refuses one for a reason the entry does not show (a right, an IP block).
      async patchTimeEntry(org, id, body) {
        if (id === forbidden) {
          throw new UrenbrugError('forbidden', `Keeping answered 403 to PATCH ${id}`, 'not allowed', 403);
        }
        return client.patchTimeEntry(org, id, body);
      },
    });
    install = await createSandboxInstall(sandbox, clock, { name: 'a', wrap: lockAfterRead });
    await install.handlers['panel.context']({ division: DIVISION });
    await install.handlers['entries.range']({
      from: '2026-11-01',
      to: '2026-11-27',
      keepingClientId: project.client!.id,
      fresh: true,
    });
    const draft = { division: DIVISION, invoiceId: null, draftKey: 'd' };
    const ids = [locked!, forbidden!, missing!, full!, integration!, fine!, billedMeanwhile!];
    await asPanel(install.handlers).link({
      ref: draft,
      invoiceNumber: null,
      entryIds: ids,
      keepingClientId: project.client!.id,
    });
    await asPanel(install.handlers).saved({ draft, invoiceId: INVOICE, invoiceNumber: '20260042' });

    // Changed in Keeping after our cache was filled.
    armed = true;
    stateOf(locked!).locked = true;
    sandbox.state.timeEntries.splice(sandbox.state.timeEntries.indexOf(stateOf(missing!)), 1);
    stateOf(full!).external_references = Array.from({ length: 10 }, (_, index) => ({
      id: `abcdef012345${index}`,
      type: 'jira_issue',
      name: `BAK-${index}`,
      url: null,
    }));
    Object.assign(stateOf(integration!), { locked: true, external_references: [exactInvoice('20260042')] });

    sandbox.requestLog.length = 0;
    expect(await install.writeBack.resume()).toMatchObject({ done: 1, skipped: 5, conflicts: 1, pending: 0 });
    // The refused PATCH read its entry again, alone: the mark set meanwhile is a conflict that names
    // the other invoice at once, not a bare 403 (reproduction 6's later retry is no longer needed).
    // Two PATCHes reach the sandbox (the fine one, the one billed meanwhile); the wrapper refuses
    // the third. Each refusal is read again on its own day (one GET each, never a second PATCH),
    // and the deleted entry, missing from the bulk read, was looked up on its day before.
    expect(sandbox.requestLog.filter((item) => item.method === 'PATCH')).toHaveLength(2);
    const dayReads = sandbox.requestLog.filter((item) => /\/time-entries\?user_id=/.test(item.path));
    expect(dayReads).toHaveLength(3);
    const status = await install.handlers['writeback.status']({});
    // The figure: nothing vanished; five skipped, each with its reason.
    expect(status.skipped).toEqual({ integration: 1, locked: 1, forbidden: 1, not_found: 1, full: 1 });
    const onInvoice = await install.handlers['invoice.writeBack'](ref);
    expect(onInvoice.skipped.map((item) => [item.entryId, item.reason]).sort()).toEqual(
      [
        [locked, 'locked'],
        [forbidden, 'forbidden'],
        [missing, 'not_found'],
        [full, 'full'],
        [integration, 'integration'],
      ].sort(),
    );
    expect(onInvoice).toMatchObject({ verifying: 1, pending: 0 });
    expect(status.invoices[0]).toMatchObject({ invoiceLabel: '20260042' });
    expect(status.invoices[0]!.skipped).toHaveLength(5);
    expect(onInvoice.conflicts).toEqual([
      expect.objectContaining({
        entryId: billedMeanwhile,
        otherInvoice: '20260013',
        otherKind: 'keeping_invoice',
      }),
    ]);

    // Another wake keeps them (and checks the one written).
    await install.writeBack.resume();
    expect((await install.handlers['writeback.status']({})).skipped).toEqual(status.skipped);
    expect(await install.handlers['invoice.writeBack'](ref)).toMatchObject({ done: 1, verifying: 0 });

    // The bookkeeper unlocks one in Keeping and retries: what needs action runs again; the
    // harmless one stays as it is.
    stateOf(locked!).locked = false;
    const retried = await install.handlers['writeback.retry']({});
    expect(retried.skipped).toEqual({ integration: 1, locked: 0, forbidden: 0, not_found: 0, full: 0 });
    await install.writeBack.resume();
    const after = await install.handlers['writeback.status']({});
    expect(after.skipped).toMatchObject({ locked: 0, forbidden: 1, not_found: 1, full: 1, integration: 1 });
    expect(stateOf(locked!).external_references.map((reference) => reference.name)).toEqual([
      'Factuur 20260042 (Exact Online)',
    ]);
    expect(after.invoices[0]!.conflicts).toHaveLength(1);
  });
});
