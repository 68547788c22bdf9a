/**
 * The real background behind the panel's component tests: the production handler table and
 * router over a fake-indexeddb database, with a stateful fake Keeping holding the small firm of
 * panel-fixtures.ts. The panel's own `send()` reaches it through the fake browser's sendMessage as a
 * content script in an Exact tab, so the router's tier check and the request schemas run too.
 * Test-only: content code imports background code only here and in test files.
 */
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { clearConnection, saveConnection } from '../../background/account/connection';
import { updateSettings } from '../../background/account/settings-store';
import { openUrenbrugDb, type UrenbrugDatabase } from '../../background/db/database';
import type { BackgroundClient, WorkerDependencies } from '../../background/dependencies';
import { createRouter } from '../../background/handlers/router';
import { createHandlers, type HandlerTable } from '../../background/handlers/table';
import { readClientMappings, readLineDefaults } from '../../background/records/mappings-store';
import { sampleOrganisation } from '../../background/testing/db-fixtures';
import { createFakeClient } from '../../background/testing/fake-keeping';
import {
  createFakeKeepingEntries,
  type FakeKeepingEntries,
} from '../../background/testing/fake-keeping-entries';
import type { Entry } from '../../core/keeping-types';
import type { ClientMapping, InvoiceRecord, InvoiceRef, LineDefaults } from '../../shared/invoice-types';
import { isEnvelope, type MessageName, type RequestOf } from '../../shared/messages';
import { contentScriptSender, fakeBrowser, setMessageSender } from '../../shared/testing/fake-browser';
import { CLIENTS, entries as firmEntries, PROJECTS, TASKS, USERS } from './panel-fixtures';

/** The connected organisation of the fixtures (their entries carry organisationId 1). */
export const ORGANISATION_ID = 1;
export const DIVISION = 123456;

let counter = 0;

export async function startPanelBackground(options: { entries?: Entry[] } = {}) {
  counter += 1;
  const db: UrenbrugDatabase = await openUrenbrugDb(`panel-component-${counter}`);
  const keeping: FakeKeepingEntries = createFakeKeepingEntries(options.entries ?? firmEntries(), PROJECTS);
  const [anna] = USERS;
  const client = {
    ...createFakeClient(),
    ...keeping.client,
    organisations: vi.fn(async () => [sampleOrganisation({ id: ORGANISATION_ID, name: 'Kantoor' })]),
    me: vi.fn(async () => anna!),
    users: vi.fn(async () => USERS),
    clients: vi.fn(async () => CLIENTS),
    projects: vi.fn(async () => PROJECTS),
    tasks: vi.fn(async () => TASKS),
  } satisfies BackgroundClient;
  // Date.now, so the panel's "bijgewerkt" ages and the background's fetchedAt share one clock.
  const services: WorkerDependencies = {
    db: async () => db,
    createClient: () => client,
    now: () => Date.now(),
  };
  await saveConnection({
    token: 'pat-0123456789abcdef',
    organisationId: ORGANISATION_ID,
    organisationName: 'Kantoor',
    userName: 'Anna van Doorn',
  });
  // The bookkeeper chose Dutch in the options (otherwise the panel follows the browser).
  await updateSettings({ language: 'nl' });

  const handlers: HandlerTable = createHandlers(services);
  const route = createRouter(handlers, () => ({
    id: fakeBrowser.runtime.id,
    origin: fakeBrowser.runtime.getURL(''),
  }));
  const calls: { name: string; data: unknown }[] = [];
  let inFlight = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (isEnvelope(message)) calls.push({ name: message.name, data: structuredClone(message.data) });
    const reply = route(message, sender);
    if (!reply) return reply;
    inFlight += 1;
    return reply.finally(() => {
      inFlight -= 1;
    });
  });
  setMessageSender(contentScriptSender());

  return {
    db,
    keeping,
    client,
    /** The real handlers, for a test's own set-up and checks (as an extension page would ask). */
    handlers,
    /** Requests the background is still working on (a test waits for none before it looks). */
    inFlight: (): number => inFlight,
    /** Every request the panel sent, in order, as the background received it. */
    callsOf<N extends MessageName>(name: N): RequestOf<N>[] {
      return calls.filter((call) => call.name === name).map((call) => call.data as RequestOf<N>);
    },
    async remember(mapping: ClientMapping): Promise<void> {
      await handlers['mapping.saveClient'](mapping);
    },
    /** Forgets every customer mapping (no message does: the bookkeeper replaces, never deletes). */
    async forgetMappings(): Promise<void> {
      for (const key of await db.getAllKeys('mappings')) {
        if (String(key).startsWith('client:')) await db.delete('mappings', key);
      }
    },
    mappings: (): Promise<ClientMapping[]> => readClientMappings(db, ORGANISATION_ID, DIVISION),
    lineDefaults: (): Promise<LineDefaults> => readLineDefaults(db, ORGANISATION_ID),
    invoice: (ref: InvoiceRef): Promise<InvoiceRecord | null> => handlers['invoice.load'](ref),
    disconnect: (): Promise<void> => clearConnection(),
  };
}

export type PanelBackground = Awaited<ReturnType<typeof startPanelBackground>>;
