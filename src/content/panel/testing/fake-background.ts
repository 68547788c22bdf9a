/**
 * The background's panel handlers in memory, for component tests: what `send()` answers, with
 * invoice records, mappings and line defaults kept like the real store keeps them.
 */
import type { Client, Entry, Project, Task, User } from '../../../core/keeping-types';
import { UrenbrugError } from '../../../shared/errors';
import {
  type ClientMapping,
  type InvoiceRecord,
  type InvoiceRef,
  invoiceKey,
  type LineDefaults,
  type LocalLinks,
} from '../../../shared/invoice-types';
import type { MessageName, PanelContext, RequestOf, ResponseOf } from '../../../shared/messages';

export interface FakeBackgroundData {
  clients: Client[];
  projects: Project[];
  tasks: Task[];
  users: User[];
  entries: Entry[];
  mappings: ClientMapping[];
  lineDefaults: LineDefaults;
  today: string;
  fetchedAt: number | null;
  localLinks?: LocalLinks;
}

type Handler<N extends MessageName> = (data: RequestOf<N>) => Promise<ResponseOf<N>>;
type Overrides = { [N in MessageName]?: Handler<N> };

export class FakeBackground {
  records = new Map<string, InvoiceRecord>();
  calls: { name: MessageName; data: unknown }[] = [];
  overrides: Overrides = {};

  constructor(public data: FakeBackgroundData) {}

  private record(ref: InvoiceRef): InvoiceRecord {
    const key = invoiceKey(ref);
    const existing = this.records.get(key);
    if (existing) return existing;
    const created: InvoiceRecord = {
      ...ref,
      key,
      invoiceNumber: null,
      selection: null,
      lines: [],
      linkedEntryIds: [],
      keepingClientId: null,
      revision: 0,
      updatedAt: 0,
    };
    this.records.set(key, created);
    return created;
  }

  /** Refuses a change against an older revision, as the real store does. */
  private change(ref: InvoiceRef, revision: number): InvoiceRecord {
    const record = this.record(ref);
    if (record.revision !== revision) throw new UrenbrugError('conflict', 'stale revision');
    return { ...record, revision: record.revision + 1 };
  }

  private store(record: InvoiceRecord): InvoiceRecord {
    const next = structuredClone({ ...record, updatedAt: Date.now() });
    this.records.set(record.key, next);
    return structuredClone(next);
  }

  /** The `send` implementation: answers like the background, records every call. */
  send = async <N extends MessageName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> => {
    this.calls.push({ name, data: structuredClone(data) });
    const override = this.overrides[name] as Handler<N> | undefined;
    if (override) return override(data);
    const handler = (this.handlers as Record<string, ((request: unknown) => Promise<unknown>) | undefined>)[
      name
    ];
    if (!handler) throw new UrenbrugError('not_allowed', `unexpected ${name}`);
    return (await handler(data)) as ResponseOf<N>;
  };

  callsOf(name: MessageName): unknown[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.data);
  }

  private handlers = {
    'settings.get': async () => ({ language: 'nl' as const }),
    'panel.context': async ({ division }: { division: number }): Promise<PanelContext> => ({
      connection: {
        connected: true,
        organisationId: 1,
        organisationName: 'Kantoor',
        userName: 'Anna van Doorn',
      },
      organisation: null,
      clients: this.data.clients,
      projects: this.data.projects,
      tasks: this.data.tasks,
      users: this.data.users,
      clientMappings: this.data.mappings.filter((mapping) => mapping.division === division),
      lineDefaults: structuredClone(this.data.lineDefaults),
      today: this.data.today,
    }),
    'entries.range': async (request: RequestOf<'entries.range'>) => {
      const projects = new Set(
        this.data.projects.filter((project) => project.clientId === request.keepingClientId).map((p) => p.id),
      );
      return {
        entries: this.data.entries.filter(
          (entry) =>
            entry.date >= request.from &&
            entry.date <= request.to &&
            entry.projectId !== null &&
            projects.has(entry.projectId),
        ),
        fetchedAt: request.fresh ? Date.now() : this.data.fetchedAt,
        localLinks: this.data.localLinks ?? {},
      };
    },
    'mapping.saveClient': async (mapping: ClientMapping) => {
      this.data.mappings = [
        ...this.data.mappings.filter(
          (other) =>
            other.division !== mapping.division || other.exactCustomerCode !== mapping.exactCustomerCode,
        ),
        mapping,
      ];
      return this.data.mappings.filter((other) => other.division === mapping.division);
    },
    'lineDefaults.save': async (defaults: LineDefaults) => {
      this.data.lineDefaults = structuredClone(defaults);
      return structuredClone(defaults);
    },
    'invoice.load': async (ref: InvoiceRef) => {
      const found = this.records.get(invoiceKey(ref));
      return found ? structuredClone(found) : null;
    },
    'invoice.saveSelection': async ({ ref, selection }: RequestOf<'invoice.saveSelection'>) =>
      this.store({ ...this.record(ref), selection }),
    'invoice.recordFill': async ({ ref, lines, revision }: RequestOf<'invoice.recordFill'>) => {
      const record = this.change(ref, revision);
      const linked = new Set([...record.linkedEntryIds, ...lines.flatMap((line) => line.entryIds)]);
      return this.store({ ...record, lines, linkedEntryIds: [...linked] });
    },
    'invoice.saved': async ({ draft, invoiceId, invoiceNumber }: RequestOf<'invoice.saved'>) => {
      const record = this.record(draft);
      this.records.delete(record.key);
      const ref = { division: draft.division, invoiceId, draftKey: null };
      return this.store({ ...record, ...ref, key: invoiceKey(ref), invoiceNumber });
    },
    'invoice.link': async ({ ref, entryIds, revision }: RequestOf<'invoice.link'>) => {
      const record = this.change(ref, revision);
      return this.store({ ...record, linkedEntryIds: [...new Set([...record.linkedEntryIds, ...entryIds])] });
    },
    'invoice.unlink': async ({ ref, entryIds, revision }: RequestOf<'invoice.unlink'>) => {
      const record = this.change(ref, revision);
      const drop = new Set(entryIds);
      return this.store({ ...record, linkedEntryIds: record.linkedEntryIds.filter((id) => !drop.has(id)) });
    },
  };
}
