/**
 * Two installs (two colleagues' browsers) marking the same entries in the sandbox Keeping over
 * real HTTP, with their reads and PATCHes interleaved: issue 7's reproductions 2 (double billing
 * across installs) and 3 (lost update). Whatever the order, no install's mark disappears without
 * a visible conflict naming what took its place, and a second invoice's mark is never added
 * without the bookkeeper's reason.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  SAMPLE_JIRA_REFERENCE,
  SANDBOX_TOKENS,
  startKeepingSandbox,
  type TimeEntry,
} from '../../../sandbox/keeping/server';
import { isUrenbrugReferenceId, urenbrugReferenceId } from '../../core/billing';
import { saveConnection } from '../account/connection';
import type { BackgroundClient } from '../dependencies';
import { readAudit } from '../records/audit-log';
import { createInstantClock } from '../testing/fake-clock';
import { asPanel } from '../testing/panel-setup';
import { createSandboxInstall, gate, type SandboxInstall } from '../testing/sandbox-install';

const clock = createInstantClock(Date.parse('2026-11-27T14:20:00+01:00'));
const DIVISION = 1234567;
const INVOICE_A = '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const INVOICE_B = '7e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b';
const OURS_A = urenbrugReferenceId(DIVISION, INVOICE_A);
const OURS_B = urenbrugReferenceId(DIVISION, INVOICE_B);
const NAME_B = 'Factuur 20260077 (Exact Online)';

let sandbox: KeepingSandbox;
const installs: SandboxInstall[] = [];

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
    userName: 'Bookkeeper',
  });
});
afterEach(() => {
  for (const install of installs.splice(0)) install.close();
});

const stateOf = (id: number): TimeEntry => sandbox.state.timeEntries.find((entry) => entry.id === id)!;
const urenbrugRefs = (id: number) =>
  stateOf(id).external_references.filter((reference) => isUrenbrugReferenceId(reference.id));

/** A client of the sandbox with open entries in November, one of them carrying a Jira issue. */
function pickEntries(count: number): { clientId: number; ids: number[]; jira: number } {
  const jira = sandbox.state.timeEntries.find(
    (entry) =>
      entry.date >= '2026-11-01' &&
      entry.external_references.some((reference) => reference.id === SAMPLE_JIRA_REFERENCE.id),
  )!;
  const clientId = sandbox.state.projects.find((project) => project.id === jira.project_id)!.client!.id;
  const projectIds = new Set(
    sandbox.state.projects.filter((project) => project.client?.id === clientId).map((project) => project.id),
  );
  const open = sandbox.state.timeEntries.filter(
    (entry) =>
      projectIds.has(entry.project_id ?? -1) &&
      entry.date >= '2026-11-01' &&
      entry.date <= '2026-11-27' &&
      !entry.locked &&
      !entry.ongoing &&
      entry.purpose === 'work' &&
      entry.external_references.length === 0,
  );
  return { clientId, ids: [jira.id, ...open.slice(0, count - 1).map((entry) => entry.id)], jira: jira.id };
}

async function install(name: string, wrap?: (client: BackgroundClient) => BackgroundClient) {
  const created = await createSandboxInstall(sandbox, clock, { name, wrap });
  installs.push(created);
  return created;
}

/** The bookkeeper's panel: read the client's month into the cache, link entries, save the invoice. */
async function fillAndSave(
  who: SandboxInstall,
  clientId: number,
  entryIds: number[],
  invoiceId: string,
  invoiceNumber: string,
) {
  await who.handlers['panel.context']({ division: DIVISION });
  await who.handlers['entries.range']({
    from: '2026-11-01',
    to: '2026-11-27',
    keepingClientId: clientId,
    fresh: true,
  });
  const draft = { division: DIVISION, invoiceId: null, draftKey: `${who.name}-draft` };
  await asPanel(who.handlers).link({ ref: draft, invoiceNumber: null, entryIds, keepingClientId: clientId });
  await asPanel(who.handlers).saved({ draft, invoiceId, invoiceNumber });
}

const refOf = (invoiceId: string) => ({ division: DIVISION, invoiceId, draftKey: null });

describe('two installs against the sandbox Keeping', () => {
  it('reproduction 2: a colleague’s mark appearing after our cache was filled is a conflict, not a second reference', async () => {
    const { clientId, ids, jira } = pickEntries(3);
    const shared = ids[1]!;
    const a = await install('a');
    const b = await install('b');
    // Our cache is filled and the invoice saved; the queue has not run yet.
    await fillAndSave(a, clientId, ids, INVOICE_A, '20260042');
    // Meanwhile a colleague's install bills one of them on invoice 20260077.
    await fillAndSave(b, clientId, [shared], INVOICE_B, '20260077');
    expect(await b.writeBack.resume()).toMatchObject({ done: 1, conflicts: 0 });

    expect(await a.writeBack.resume()).toMatchObject({ done: 2, conflicts: 1, pending: 0 });
    // The figure: the shared entry keeps one Urenbrug reference, the colleague's.
    expect(urenbrugRefs(shared).map((reference) => reference.name)).toEqual([NAME_B]);
    expect(urenbrugRefs(ids[2]!).map((reference) => reference.id)).toEqual([OURS_A]);
    expect(stateOf(jira).external_references).toEqual([
      SAMPLE_JIRA_REFERENCE,
      expect.objectContaining({ id: OURS_A }),
    ]);

    const onInvoice = await a.handlers['invoice.writeBack'](refOf(INVOICE_A));
    expect(onInvoice.conflicts).toEqual([
      expect.objectContaining({ entryId: shared, otherInvoice: NAME_B, otherKind: 'urenbrug_reference' }),
    ]);
    const status = await a.handlers['writeback.status']({});
    expect(status).toMatchObject({ conflicts: 1, pending: 0 });
    expect(status.invoices[0]).toMatchObject({ invoiceLabel: '20260042', conflicts: [{ entryId: shared }] });
    const conflictAudit = (await readAudit(a.db, `${DIVISION}:${INVOICE_A}`)).find(
      (record) => record.action === 'writeback_conflict',
    );
    expect(conflictAudit).toMatchObject({ entryIds: [shared], keepingUser: { name: 'Bookkeeper' } });
    expect(conflictAudit?.detail).toContain('20260077');

    // Another wake changes nothing: still no second mark.
    await a.writeBack.resume();
    expect(urenbrugRefs(shared)).toHaveLength(1);

    // Only the bookkeeper's explicit confirmation with a reason adds ours next to it.
    await expect(
      a.handlers['invoice.override']({ ref: refOf(INVOICE_A), entryIds: [shared], reason: '  ' }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await a.handlers['invoice.override']({
      ref: refOf(INVOICE_A),
      entryIds: [shared],
      reason: 'Deelfactuur, afgesproken met klant',
    });
    expect(await a.writeBack.resume()).toMatchObject({ done: 1, conflicts: 0 });
    expect(urenbrugRefs(shared).map((reference) => reference.id)).toEqual([OURS_B, OURS_A]);
    const override = (await readAudit(a.db, `${DIVISION}:${INVOICE_A}`)).find(
      (record) => record.action === 'override',
    );
    expect(override).toMatchObject({
      reason: 'Deelfactuur, afgesproken met klant',
      keepingUser: { name: 'Bookkeeper' },
      entryIds: [shared],
    });
  });

  type Step = 'aRead' | 'bRead' | 'aPatch' | 'bPatch';
  const orders: Step[][] = [
    ['aRead', 'aPatch', 'bRead', 'bPatch'],
    ['bRead', 'bPatch', 'aRead', 'aPatch'],
    ['aRead', 'bRead', 'aPatch', 'bPatch'],
    ['aRead', 'bRead', 'bPatch', 'aPatch'],
    ['bRead', 'aRead', 'aPatch', 'bPatch'],
  ];

  it.each(orders)(
    'reproduction 3: interleaved %s, %s, %s, %s never loses a mark silently nor adds a second one',
    async (...order) => {
      const { clientId, ids } = pickEntries(2);
      const shared = ids[1]!;
      // Each step waits for the one before it in `order`; reads and PATCHes go through these gates.
      const finished = new Map(order.map((step) => [step, gate()]));
      const ran: Step[] = [];
      const waitTurn = async (step: Step) => {
        const index = order.indexOf(step);
        if (index > 0) await finished.get(order[index - 1]!)!.opened;
        ran.push(step);
      };
      const gated =
        (who: 'a' | 'b') =>
        (client: BackgroundClient): BackgroundClient => ({
          ...client,
          async reportTimeEntries(org, query, onPage) {
            const step: Step = who === 'a' ? 'aRead' : 'bRead';
            await waitTurn(step);
            try {
              return await client.reportTimeEntries(org, query, onPage);
            } finally {
              finished.get(step)!.open();
            }
          },
          async patchTimeEntry(org, id, body) {
            if (id !== shared) return client.patchTimeEntry(org, id, body);
            const step: Step = who === 'a' ? 'aPatch' : 'bPatch';
            await waitTurn(step);
            try {
              return await client.patchTimeEntry(org, id, body);
            } finally {
              finished.get(step)!.open();
            }
          },
        });
      const a = await install('a');
      const b = await install('b');
      await fillAndSave(a, clientId, [shared], INVOICE_A, '20260042');
      await fillAndSave(b, clientId, [shared], INVOICE_B, '20260077');
      const gatedA = await install('a-run', gated('a'));
      const gatedB = await install('b-run', gated('b'));
      // The same databases, run through the gated clients.
      gatedA.services.db = a.services.db;
      gatedB.services.db = b.services.db;
      const [first, second] = await Promise.all([gatedA.writeBack.resume(), gatedB.writeBack.resume()]);
      expect([first.pending, second.pending]).toEqual([0, 0]);
      // Both reads ran, and whatever ran did so in the order given (a PATCH last in line may
      // rightly not happen: that install found the other's mark first).
      expect(ran).toEqual(expect.arrayContaining(['aRead', 'bRead']));
      expect(ran).toEqual(order.filter((step) => ran.includes(step)));
      // Where both PATCHed, the race happened: both installs believed they were done.
      if (ran.length === 4) expect(first.done + second.done).toBe(2);

      // The next wake of each checks what it wrote; then the state must be settled and visible.
      for (let wake = 0; wake < 2; wake++) {
        await a.writeBack.resume();
        await b.writeBack.resume();
      }
      const marks = urenbrugRefs(shared).map((reference) => reference.id);
      // Never a second invoice's mark without an override.
      expect(marks).toHaveLength(1);
      const [winner] = marks;
      const [loser, loserInvoice, winnerName] =
        winner === OURS_A ? [b, INVOICE_B, 'Factuur 20260042 (Exact Online)'] : [a, INVOICE_A, NAME_B];
      // The install whose mark is not there says so, naming the invoice that is.
      const onLoser = await loser.handlers['invoice.writeBack'](refOf(loserInvoice));
      expect(onLoser).toMatchObject({ pending: 0, verifying: 0, done: 0 });
      expect(onLoser.conflicts).toEqual([
        expect.objectContaining({ entryId: shared, otherInvoice: winnerName }),
      ]);
      const winnerInstall = loser === a ? b : a;
      const onWinner = await winnerInstall.handlers['invoice.writeBack'](
        refOf(loser === a ? INVOICE_B : INVOICE_A),
      );
      expect(onWinner).toMatchObject({ done: 1, conflicts: [], pending: 0, verifying: 0 });
    },
  );
});
