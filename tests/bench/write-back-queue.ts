/**
 * The write-back queue at scale (issue 10): how long one pass over 500 / 1,000 / 2,000 marks takes
 * on this machine, how many Keeping calls each marked entry costs (fresh reads vs PATCHes), and how
 * long the same pass takes at Keeping's own pace (120 calls a minute, the limiter's virtual clock).
 * Against the sandbox Keeping over real HTTP with the real client, limiter and queue; the worker's
 * `browser` is @webext-core/fake-browser, as in the unit tests.
 */
import 'fake-indexeddb/auto';
import {
  SANDBOX_ORGANISATION_ID as ORG,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from '../../sandbox/keeping/server';
import type { FakeKeepingEntries } from '../../src/background/testing/fake-keeping-entries';
import { fakeBrowser, resetFakeBrowser } from '../../src/shared/testing/fake-browser';
import { median, report, round } from './report';

// webextension-polyfill hands out globalThis.browser as it is when it looks like an extension's.
Object.assign(globalThis, { browser: fakeBrowser, chrome: { runtime: { id: fakeBrowser.runtime.id } } });

const SIZES = [300, 500, 1_000, 2_000];
const PASS_SIZES = [500, 1_000, 2_000];
const DIVISION = 1234567;

export async function benchWriteBackQueue(): Promise<void> {
  await benchQueuePass();
  if (!process.env.QUEUE_ONLY) await benchAgainstSandbox();
}

/** Calls per marked entry and the time at Keeping's pace, against the sandbox over HTTP. */
async function benchAgainstSandbox(): Promise<void> {
  const [
    { saveConnection },
    { openUrenbrugDb },
    { createHandlers },
    { createKeepingClient },
    { createLimiter },
  ] = await Promise.all([
    import('../../src/background/account/connection'),
    import('../../src/background/db/database'),
    import('../../src/background/handlers/table'),
    import('../../src/background/keeping/client'),
    import('../../src/background/keeping/limiter'),
  ]);
  const { createWriteBack } = await import('../../src/background/write-back/runner');
  const { createInstantClock } = await import('../../src/background/testing/fake-clock');

  for (const size of SIZES) {
    // A sandbox per size, seeded at the same moment: the same firm and entries each time.
    const clock = createInstantClock(Date.parse('2026-11-27T14:20:00+01:00'));
    const sandbox = await startKeepingSandbox({ now: clock.now, seed: { entryCount: 30_000 } });
    resetFakeBrowser();
    try {
      const clientOf = new Map(sandbox.state.projects.map((project) => [project.id, project.client?.id]));
      const open = sandbox.state.timeEntries.filter(
        (entry) =>
          !entry.locked &&
          !entry.ongoing &&
          entry.purpose === 'work' &&
          !entry.external_references.some((reference) => reference.type.endsWith('_invoice')),
      );
      const perClient = new Map<number, number>();
      for (const entry of open) {
        const client = clientOf.get(entry.project_id ?? -1);
        if (client) perClient.set(client, (perClient.get(client) ?? 0) + 1);
      }
      const [clientId] = [...perClient].sort((a, b) => b[1] - a[1])[0]!;
      const db = await openUrenbrugDb(`bench-write-back-${size}`);
      const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
      const services = {
        db: async () => db,
        createClient: (token: string, language: 'nl' | 'en') =>
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
      const idle = { resume: async () => ({ done: 0, skipped: 0, conflicts: 0, failed: 0, pending: 0 }) };
      const handlers = createHandlers(services, idle);
      await saveConnection({
        token: SANDBOX_TOKENS.admin,
        organisationId: ORG,
        organisationName: 'x',
        userName: 'y',
      });
      await handlers['panel.context']({ division: DIVISION });

      // The client's newest open entries, as many as the invoice needs, cached the way the panel does.
      const ours = open
        .filter((entry) => clientOf.get(entry.project_id ?? -1) === clientId)
        .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)
        .slice(0, size);
      const from = ours.at(-1)!.date;
      const to = ours[0]!.date;
      for (const range of yearChunks(from, to)) {
        await handlers['entries.range']({ ...range, keepingClientId: clientId, fresh: true });
      }
      const draft = { division: DIVISION, invoiceId: null, draftKey: `bench-${size}` };
      await handlers['invoice.link']({
        ref: draft,
        revision: 0,
        keepingClientId: clientId,
        invoiceNumber: null,
        entryIds: ours.map((entry) => entry.id),
      });
      await handlers['invoice.saved']({
        draft,
        invoiceId: `5f0c1a2b-3c4d-4e5f-8a9b-${String(size).padStart(12, '0')}`,
        invoiceNumber: `2026${String(size).padStart(4, '0')}`,
        rowHashes: [],
      });

      sandbox.requestLog.length = 0;
      const virtualStart = clock.now();
      const started = performance.now();
      const run = await createWriteBack(services).resume();
      const wallMs = performance.now() - started;
      const reads = sandbox.requestLog.filter((item) => item.method === 'GET').length;
      const patches = sandbox.requestLog.filter((item) => item.method === 'PATCH').length;
      report('write-back-sandbox', {
        marks: size,
        done: run.done,
        passMs: Math.round(wallMs),
        msPerMark: round(wallMs / size, 2),
        reads,
        patches,
        readsPerMark: round(reads / size, 3),
        callsPerMark: round((reads + patches) / size, 3),
        atKeepingPaceMin: round((clock.now() - virtualStart) / 60_000, 1),
      });
      db.close();
    } finally {
      await sandbox.close();
    }
  }
}

/** [from, to] cut into pieces the panel's range handler accepts (at most 366 days). */
function yearChunks(from: string, to: string): { from: string; to: string }[] {
  const chunks: { from: string; to: string }[] = [];
  let start = from;
  while (start <= to) {
    const end = new Date(`${start}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 365);
    const stop = end.toISOString().slice(0, 10) < to ? end.toISOString().slice(0, 10) : to;
    chunks.push({ from: start, to: stop });
    const next = new Date(`${stop}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    start = next.toISOString().slice(0, 10);
  }
  return chunks;
}

/**
 * The queue's own cost: one pass over 500 / 1,000 / 2,000 marks against an in-process Keeping that
 * answers at once (filters like Keeping's bulk read, replaces references on PATCH), so the figure is
 * what IndexedDB and the runner spend, not the network. The issue measured 1.0–1.8 / 4.7–9.5 /
 * 18–31 s (quadratic).
 */
async function benchQueuePass(): Promise<void> {
  const { saveConnection } = await import('../../src/background/account/connection');
  const { openUrenbrugDb } = await import('../../src/background/db/database');
  const { createWriteBack } = await import('../../src/background/write-back/runner');
  const { urenbrugReference } = await import('../../src/core/billing');
  const { createFakeKeepingEntries } = await import('../../src/background/testing/fake-keeping-entries');
  type Entry = import('../../src/core/keeping-types').Entry;
  for (const size of PASS_SIZES) {
    const times: number[] = [];
    let last = { done: 0, reads: 0, patches: 0 };
    for (let run = 0; run < 3; run++) {
      resetFakeBrowser();
      await saveConnection({
        token: 'pat-bench',
        organisationId: 12345,
        organisationName: 'x',
        userName: 'y',
      });
      const db = await openUrenbrugDb(`bench-queue-${size}-${run}`);
      const entries: Entry[] = Array.from({ length: size }, (_, index) => ({
        id: 1000 + index,
        organisationId: 12345,
        userId: 50 + (index % 8),
        date: `2026-05-${String(1 + Math.floor(index / Math.ceil(size / 20))).padStart(2, '0')}`,
        purpose: 'work',
        projectId: 600,
        taskId: null,
        note: '',
        externalReferences: [],
        start: null,
        end: null,
        minutes: 60,
        ongoing: false,
        locked: false,
        isDirect: true,
      }));
      const reference = urenbrugReference(7, 'bench-invoice', 'Factuur 1 (Exact Online)');
      const tx = db.transaction(['entries', 'writeback'], 'readwrite');
      const writes: Promise<unknown>[] = [];
      for (const entry of entries) {
        writes.push(tx.objectStore('entries').put(entry));
        writes.push(
          tx.objectStore('writeback').put({
            key: `12345:${entry.id}:${reference.id}`,
            revision: 1,
            organisationId: 12345,
            entryId: entry.id,
            userId: entry.userId,
            date: entry.date,
            projectId: entry.projectId,
            op: 'add',
            invoiceKey: '7:bench-invoice',
            reference,
            enqueuedAt: 0,
            attempts: 0,
            lastAttemptAt: null,
            lastError: null,
            state: 'pending',
          }),
        );
      }
      await Promise.all([...writes, tx.done]);
      const keeping = createFakeKeepingEntries(entries, []);
      const services = {
        db: async () => db,
        createClient: () => keeping.client as never,
        now: () => Date.parse('2026-06-12T08:00:00Z'),
      };
      const started = performance.now();
      const result = await createWriteBack(services).resume();
      const passMs = performance.now() - started;
      times.push(passMs);
      last = { done: result.done, ...(await keepingCalls(keeping)) };
      db.close();
    }
    const passMs = median(times);
    report('write-back-queue-pass', {
      marks: size,
      runs: times.length,
      passMs: Math.round(passMs),
      msPerMark: round(passMs / size, 2),
      ...last,
    });
  }
}

/**
 * What the pass cost in Keeping calls: a bulk read counts a call for every page of 100 it would
 * take over HTTP (at least one), a day read and a PATCH one each.
 */
async function keepingCalls(keeping: FakeKeepingEntries): Promise<{ reads: number; patches: number }> {
  const bulk = await Promise.all(keeping.client.reportTimeEntries.mock.results.map((result) => result.value));
  const bulkPages = bulk.reduce((pages, found) => pages + Math.max(1, Math.ceil(found.length / 100)), 0);
  return {
    reads: bulkPages + keeping.client.timeEntries.mock.calls.length,
    patches: keeping.client.patchTimeEntry.mock.calls.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWriteBackQueue();
