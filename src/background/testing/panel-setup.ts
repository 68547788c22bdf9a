/**
 * Shared set-up for the Exact panel's background tests: a firm with two clients, entries in May
 * 2026, a stateful fake Keeping, and handler tables over one fake-indexeddb database (a second
 * table over the same database stands for a restarted service worker). The test file itself
 * gets the fake browser from the vitest setup (src/shared/testing/browser-setup.ts). Test-only.
 */
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import type { Entry, User } from '../../core/keeping-types';
import type { FilledLine, InvoiceRef, InvoiceSelection } from '../../shared/invoice-types';
import type { RequestOf } from '../../shared/messages';
import { saveConnection } from '../account/connection';
import { openUrenbrugDb, replaceReference, type UrenbrugDatabase } from '../db/database';
import type { BackgroundClient, WorkerDependencies } from '../dependencies';
import { createHandlers, type HandlerTable } from '../handlers/table';
import { createWriteBack, type WriteBack } from '../write-back/runner';
import { sampleEntry, sampleProject, sampleUser } from './db-fixtures';
import { createFakeClient } from './fake-keeping';
import { createFakeKeepingEntries } from './fake-keeping-entries';

export const ORG = 12345;
export const BAKKERIJ = 123456;
export const OTHER_CLIENT = 222;
export const DIVISION = 7;
export const INVOICE_ID = '0a1b2c3d-0000-4000-8000-00000000abcd';
export const TOKEN = 'pat-0123456789abcdef';

export const PROJECTS = [
  sampleProject(),
  sampleProject({ id: 600, clientId: OTHER_CLIENT, name: 'Loonadministratie' }),
];

/** Bakkerij Jansen: 101, 102 (me), 104 (a colleague) in May, 105 in June; 103 is another client's. */
export function firmEntries(): Entry[] {
  const on = (id: number, date: string, overrides: Partial<Entry> = {}) =>
    sampleEntry({ id, date, start: null, end: null, ...overrides });
  return [
    on(101, '2026-05-04'),
    on(102, '2026-05-20', {
      externalReferences: [{ id: 'abc0123456789', type: 'jira_issue', name: 'BAK-12', url: null }],
    }),
    on(103, '2026-05-10', { projectId: 600 }),
    on(104, '2026-05-12', { userId: 7 }),
    on(105, '2026-06-02'),
  ];
}

export const draftRef = (draftKey = 'draft-1'): InvoiceRef => ({
  division: DIVISION,
  invoiceId: null,
  draftKey,
});
export const savedRef = (invoiceId = INVOICE_ID): InvoiceRef => ({
  division: DIVISION,
  invoiceId,
  draftKey: null,
});

/** A stored panel selection for Bakkerij Jansen in May, one entry unticked. */
export const selection: InvoiceSelection = {
  keepingClientId: 123456,
  period: { preset: 'custom', from: '2026-05-01', to: '2026-05-31' },
  hours: 'direct',
  projectIds: null,
  userIds: [55458],
  includeBilled: false,
  excludedEntryIds: [104],
  confirmedBilledEntryIds: [],
  grouping: 'project',
  rounding: { unit: 15, mode: 'up', scope: 'line' },
  template: '{project}',
};

/** A row fingerprint for a line key: 16 hex digits, as content/fill/fingerprint.ts makes them. */
export function hexOf(text: string): string {
  return [...text]
    .map((char) => char.charCodeAt(0).toString(16))
    .join('')
    .padStart(16, '0')
    .slice(-16);
}

/** A filled line as the panel records it: 1,5 h at € 95,00. */
export const line = (lineKey: string, entryIds: number[]): FilledLine => ({
  lineKey,
  rowId: `grd_r${lineKey}`,
  entryIds,
  itemCode: 'UREN',
  description: `Regel ${lineKey}`,
  quantityText: '1,50',
  unitPriceCents: 9500,
  amountCents: 14250,
  minutes: 90,
  hash: hexOf(lineKey),
  writtenAt: 1,
});

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/**
 * The panel's billing calls as the real panel makes them: against the record's current
 * revision, for Bakkerij Jansen, and a save whose grid shows the draft's lines. A test that is
 * about stale revisions, other clients or foreign grids calls the handlers directly instead.
 */
export function asPanel(handlers: HandlerTable) {
  const revisionOf = async (ref: InvoiceRef) => (await handlers['invoice.load'](ref))?.revision ?? 0;
  return {
    async recordFill(request: Optional<RequestOf<'invoice.recordFill'>, 'revision' | 'keepingClientId'>) {
      return handlers['invoice.recordFill']({
        revision: await revisionOf(request.ref),
        keepingClientId: BAKKERIJ,
        ...request,
      });
    },
    async link(request: Optional<RequestOf<'invoice.link'>, 'revision' | 'keepingClientId'>) {
      return handlers['invoice.link']({
        revision: await revisionOf(request.ref),
        keepingClientId: BAKKERIJ,
        ...request,
      });
    },
    async unlink(request: Optional<RequestOf<'invoice.unlink'>, 'revision'>) {
      return handlers['invoice.unlink']({ revision: await revisionOf(request.ref), ...request });
    },
    async saved(request: Optional<RequestOf<'invoice.saved'>, 'rowHashes'>) {
      const draft = await handlers['invoice.load'](request.draft);
      return handlers['invoice.saved']({
        rowHashes: draft?.lines.map((filled) => filled.hash) ?? [],
        ...request,
      });
    },
  };
}

let counter = 0;

export async function setupPanel(options: { me?: User; entries?: Entry[] } = {}) {
  counter += 1;
  const db: UrenbrugDatabase = await openUrenbrugDb(`panel-test-${counter}`);
  const keeping = createFakeKeepingEntries(options.entries ?? firmEntries(), PROJECTS);
  const me = options.me ?? sampleUser();
  const base = createFakeClient();
  const client = {
    ...base,
    ...keeping.client,
    me: vi.fn(async () => me),
    projects: vi.fn(async () => PROJECTS),
  } satisfies BackgroundClient;
  let now = Date.parse('2026-06-12T08:00:00Z');
  const services: WorkerDependencies = {
    db: async () => db,
    createClient: vi.fn(() => client),
    now: () => now,
  };
  await saveConnection({ token: TOKEN, organisationId: ORG, organisationName: 'x', userName: 'y' });

  /** A handler table as a freshly started worker builds it; the write-back is held back when asked. */
  function start(startOptions: { holdWriteBack?: boolean } = {}): {
    handlers: HandlerTable;
    writeBack: WriteBack;
  } {
    const real = createWriteBack(services);
    const held: WriteBack = {
      resume: async () => ({ done: 0, skipped: 0, conflicts: 0, failed: 0, pending: 0 }),
    };
    const writeBack = startOptions.holdWriteBack ? held : real;
    return { handlers: createHandlers(services, writeBack), writeBack: real };
  }

  /**
   * What the panel has done before it bills anything: the firm's projects and entries are in the
   * cache (all of them, colleagues' too, as an administrator's fetch leaves them).
   */
  async function cacheFirm(): Promise<void> {
    await replaceReference(db, ORG, { project: PROJECTS });
    const cached = options.entries ?? firmEntries();
    const tx = db.transaction('entries', 'readwrite');
    await Promise.all([...cached.map((entry) => tx.store.put(entry)), tx.done]);
  }

  return {
    db,
    keeping,
    client,
    services,
    start,
    cacheFirm,
    advance: (ms: number) => {
      now += ms;
    },
    close: () => db.close(),
  };
}

export type PanelSetup = Awaited<ReturnType<typeof setupPanel>>;
