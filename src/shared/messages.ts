/**
 * The typed protocol between the extension's contexts and the background (docs/architecture.md, Sender
 * tiers). One map from message name to request and response; `send()` for callers and one handler table in
 * the background. Errors cross as SerializedError and are rethrown as UrenbrugError.
 */
import type { Client, Entry, LeftOutEntry, Organisation, Project, Task, User } from '../core/keeping-types';
import type { ReportCells } from '../core/report/cells';
import type { ReportColumns } from '../core/report/columns';
import type { UnknownReason } from '../core/report/elsewhere-revenue';
import type { MonthTotal } from '../core/report/report-entry';
import { browser } from './browser';
import { packEntries, unpackEntries } from './entries-wire';
import { type SerializedError, UrenbrugError } from './errors';
import type {
  ClientMapping,
  FilledLine,
  InvoiceRecord,
  InvoiceRef,
  InvoiceSelection,
  LineDefaults,
  LocalLinks,
  QuantityPrecisionSetting,
  StoredInvoice,
} from './invoice-types';

/** What the UI may know about the connection: never the token itself. */
export interface ConnectionStatus {
  connected: boolean;
  organisationId: number | null;
  organisationName: string | null;
  userName: string | null;
}

export interface ConnectionTestResult {
  /** The token owner's display name, per organisation it belongs to. */
  user: { firstName: string; surname: string };
  organisations: Organisation[];
}

/** Everything the popup needs to draw "Vandaag" for the connected user. */
export interface TodayView {
  organisation: Organisation;
  me: User;
  /** Keeping's "today" (Y-m-d in the organisation's zone) that these entries belong to. */
  date: string;
  entries: Entry[];
  projects: Project[];
  tasks: Task[];
  clients: Client[];
  /** When the cached entries were fetched (epoch ms), null if never. */
  fetchedAt: number | null;
  /** Keeping server time minus local time (ms), from X-Server-Time-Ms; 0 if unknown. */
  serverOffsetMs: number;
}

export type Language = 'nl' | 'en';

/** Message texts per language and key (the `message` field of _locales, nothing else). */
export type Catalogues = Record<Language, Readonly<Record<string, string>>>;

/** What the content script draws the panel with, kept out of its bundle (docs/architecture.md, Surface). */
export interface PanelAssets {
  catalogues: Catalogues;
  /** The panel's stylesheet for its shadow root. */
  css: string;
}

export interface Settings {
  /** null: follow the browser's language. */
  language: Language | null;
}

/** What the Exact panel needs to start: reference data from cache, plus what was remembered. */
export interface PanelContext {
  connection: ConnectionStatus;
  organisation: Organisation | null;
  clients: Client[];
  projects: Project[];
  tasks: Task[];
  users: User[];
  /** Mappings of this division's Exact customers. */
  clientMappings: ClientMapping[];
  lineDefaults: LineDefaults;
  /** The decimals this division keeps of a quantity (default 2 until set or detected). */
  quantityPrecision: QuantityPrecisionSetting;
  /** Keeping's "today" in the organisation's zone, for the period presets. */
  today: string;
}

/** The database as this code found it (docs/architecture.md, Rolling back the extension). */
export interface DatabaseStatus {
  readOnly: boolean;
  /** The version on disk, and the one this code's migrations reach. */
  version: number;
  codeVersion: number;
}

/** A customer's entries for a period, from cache or fresh, with this install's links. */
export interface EntriesView {
  entries: Entry[];
  /** When the whole range was last read; null: never, so the entries may be only part of it. */
  fetchedAt: number | null;
  localLinks: LocalLinks;
  /** Set while a read of this range runs: the entries then include the pages that have arrived. */
  progress?: RangeProgress | null;
  /** Read within the freshness window: a refresh now would ask Keeping nothing. */
  fresh?: boolean;
  /** Entries Keeping sent that failed their check at the last full read, each by its id. */
  leftOut?: LeftOutEntry[];
}

/** How far a running read of a range is. */
export interface RangeProgress {
  pages: number;
  /** As far as Keeping has said (0 before the first page). */
  totalPages: number;
  /** Entries received so far. */
  entries: number;
}

/** A long range before it is read: its size, how long reading takes, and Keeping's own sums. */
export interface RangeEstimate {
  entries: number;
  pages: number;
  /** At Keeping's 120 a minute. */
  seconds: number;
  /** Keeping's grouped totals per project, in minutes (indirect = minutes − directMinutes). */
  projects: Array<{ projectId: number; minutes: number; directMinutes: number | null }>;
  totalMinutes: number;
  totalDirectMinutes: number | null;
}

/** The bookkeeper's own work of one organisation, as downloaded by "Back-up downloaden". */
export interface BackupDocument {
  format: 'urenbrug-backup';
  version: 1;
  /** ISO 8601 timestamp. */
  exportedAt: string;
  organisationId: number;
  mappings: ClientMapping[];
  /** null when the bookkeeper never changed the defaults. */
  lineDefaults: LineDefaults | null;
  /** The quantity precision chosen or learnt per division (absent in back-ups of older builds). */
  precisions?: QuantityPrecisionSetting[];
  invoices: StoredInvoice[];
}

/** What a restore wrote (records with the same key were replaced). */
export interface BackupImportResult {
  mappings: number;
  lineDefaults: boolean;
  invoices: number;
  /** Invoices whose record here is newer than the file's: kept, not replaced. */
  keptNewer: number;
}

/** One queued Keeping mark that was given up on. */
export interface WriteBackFailure {
  entryId: number;
  /** The invoice number, or '' for an invoice the queue no longer finds. */
  invoiceLabel: string;
  error: SerializedError | null;
  lastAttemptAt: number | null;
}

/**
 * Why a mark was not written. `integration` is harmless (Keeping's own invoicing integration
 * billed the entry on this same invoice); the others need the bookkeeper.
 */
export type WriteBackSkipReason = 'integration' | 'locked' | 'forbidden' | 'not_found' | 'full';

/** An entry our mark was not added to because it carries another invoice's. */
export interface WriteBackConflictView {
  entryId: number;
  invoiceKey: string;
  invoiceLabel: string;
  /** The other invoice as Keeping names it. */
  otherInvoice: string;
  otherKind: 'urenbrug_reference' | 'keeping_invoice';
  foundAt: number;
}

export interface WriteBackSkippedView {
  entryId: number;
  invoiceKey: string;
  invoiceLabel: string;
  reason: WriteBackSkipReason;
  detail: string;
  at: number;
}

/** One invoice's marks in Keeping, as far as this install knows. */
export interface InvoiceWriteBack {
  /** Marked and checked (or found so). */
  done: number;
  /** Written, checked again on the next wake. */
  verifying: number;
  pending: number;
  failed: number;
  conflicts: WriteBackConflictView[];
  skipped: WriteBackSkippedView[];
}

export interface WriteBackInvoiceView extends InvoiceWriteBack {
  invoiceKey: string;
  division: number;
  invoiceId: string | null;
  invoiceLabel: string;
}

/** How far telling Keeping which hours are billed has come. */
export interface WriteBackStatus {
  pending: number;
  verifying: number;
  failed: number;
  conflicts: number;
  /** Skipped marks per reason. */
  skipped: Record<WriteBackSkipReason, number>;
  /** The most recently tried failures, newest first (a few, not all). */
  recentFailures: WriteBackFailure[];
  /** Invoices with anything not done, conflicts and skips first. */
  invoices: WriteBackInvoiceView[];
}

/** Which audit records to list, newest first. */
export interface AuditQuery {
  /** Part of an invoice number (or an invoice key), case-blind; empty or absent: every invoice. */
  invoice?: string;
  /** Only records naming this Keeping entry. */
  entryId?: number;
  /** Page size, 1..AUDIT_PAGE_MAX (default AUDIT_PAGE_DEFAULT). */
  limit?: number;
  /** Only records older than this `seq` (the previous page's `nextBefore`). */
  before?: number;
}

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 500;

/** One audit record as the options page shows it. */
export interface AuditEntryView {
  seq: number;
  /** Epoch ms. */
  at: number;
  /**
   * What happened: fill, link, unlink, saved, writeback_done, … New kinds appear over time (a
   * conflict, an override, a release); a reader shows an unknown one by its name.
   */
  action: string;
  invoiceKey: string;
  /** The number on the record, or else the invoice's number as the invoice record knows it now. */
  invoiceNumber: string | null;
  entryIds: number[];
  /** Sum of the minutes of those entries that are in the cache; null when none is. */
  minutes: number | null;
  /** The Keeping user connected when it happened; null on older records. */
  keepingUser: { userId: number | null; name: string } | null;
  detail: string | null;
}

export interface AuditPage {
  records: AuditEntryView[];
  /** Pass as `before` for the next page; null when there are no older matching records. */
  nextBefore: number | null;
}

/** What the Overzicht names: ids with their names, nothing else of Keeping's records. */
export interface OverviewNames {
  clients: Array<{ id: number; name: string }>;
  projects: Array<{ id: number; name: string; clientId: number | null }>;
  tasks: Array<{ id: number; name: string }>;
  users: Array<{ id: number; name: string }>;
}

/** One period of the Overzicht: its entries as the figures count them, with names and rates. */
export interface OverviewView {
  from: string;
  to: string;
  /** Keeping's today in the organisation's zone (the unbilled hours' age counts from it). */
  today: string;
  /** When the period was last read in full; null: never (no entries yet). */
  fetchedAt: number | null;
  /** Read within the freshness window. */
  fresh: boolean;
  /** Keeping answered a team member's own entries only. */
  ownEntriesOnly: boolean;
  /** The period's entries; empty when `cells` were asked for instead. */
  columns: ReportColumns;
  /** The period's figures summed per cell (the Overzicht page asks these: kilobytes, not 2 MB). */
  cells?: ReportCells;
  names: OverviewNames;
  lineDefaults: LineDefaults;
  organisationName: string | null;
  /** The period's invoices made elsewhere (a colleague's install, Keeping's own integration). */
  elsewhere: ElsewhereSummary;
}

/** Of the period's invoices made elsewhere: how many have Exact's amount, and why the rest do not. */
export interface ElsewhereSummary {
  known: number;
  unknown: Partial<Record<UnknownReason, number>>;
  /** When a panel last read amounts from Exact; null: never. */
  readAt: number | null;
}

/** A panel's answer for the invoice numbers `revenue.wanted` gave it, read from Exact's REST API. */
export interface RevenueReport {
  /** The division the panel's REST client read (the page's, checked against `current/Me`). */
  division: number;
  found: { invoiceNumber: number; invoiceId: string; revenueCents: number; status: number }[];
  /** Numbers Exact does not know in that division. */
  missing: number[];
}

/** Keeping's own grouped totals of a period per month (`/report`, one call). */
export interface OverviewTotals {
  from: string;
  to: string;
  fetchedAt: number | null;
  months: MonthTotal[];
}

/** The panel's one line for the invoice's customer. */
export interface CustomerSummary {
  /** Unbilled direct minutes this year and the first day they start; null day: none unbilled. */
  unbilledMinutes: number;
  unbilledSince: string | null;
  /** At the remembered rates; minutes without a rate are not valued. */
  unbilledValueCents: number;
  noRateMinutes: number;
  /** Revenue of this year's billed hours that this install knows. */
  billedRevenueCents: number;
  unknownRevenueMinutes: number;
  fetchedAt: number | null;
}

/** Every message: its request and its answer. Who may send it and who answers: MESSAGE_ROUTES. */
export interface MessageMap {
  'connection.test': { request: { token: string }; response: ConnectionTestResult };
  /**
   * Refused with a `conflict` (reason `organisation_switch`) while another organisation's invoice
   * records or unfinished marks are here, unless `dropOtherWork` says the bookkeeper agreed.
   */
  'connection.save': {
    request: { token: string; organisationId: number; dropOtherWork?: boolean };
    response: ConnectionStatus;
  };
  'connection.disconnect': { request: Record<string, never>; response: ConnectionStatus };
  'settings.set': { request: Partial<Settings>; response: Settings };
  /** From cache at once (fetchedAt says how old); `null` view when nothing is cached yet. */
  'today.cached': { request: Record<string, never>; response: TodayView | null };
  /** Fetches today from Keeping, updates the cache and the badge, answers the fresh view. */
  'today.refresh': { request: Record<string, never>; response: TodayView };
  /** The connected organisation's mappings, line defaults and invoice records; no token, no cache. */
  /** `organisationId`: another organisation's work still here (before a switch drops it). */
  'backup.export': { request: { organisationId?: number }; response: BackupDocument };
  /** Validates the whole file first, then merges it in one transaction. */
  'backup.import': { request: { text: string }; response: BackupImportResult };
  'writeback.status': { request: Record<string, never>; response: WriteBackStatus };
  /** Failed marks (and skipped ones that need action) back to pending, then the queue resumes. */
  'writeback.retry': { request: Record<string, never>; response: WriteBackStatus };
  /** The connected organisation's audit log, newest first, filtered, one bounded page at a time. */
  'audit.list': { request: AuditQuery; response: AuditPage };
  /** Releases an invoice from the options page (credited or deleted in Exact). */
  'writeback.release': { request: { invoiceKey: string; reason: string }; response: WriteBackStatus };
  /** Confirms adding our mark next to another invoice's, from the options page. */
  'writeback.override': {
    request: { invoiceKey: string; entryIds: number[]; reason: string };
    response: WriteBackStatus;
  };
  'connection.status': { request: Record<string, never>; response: ConnectionStatus };
  /** Whether the data is newer than this code (a rolled-back extension): then reads only. */
  'database.status': { request: Record<string, never>; response: DatabaseStatus };
  'settings.get': { request: Record<string, never>; response: Settings };
  /** The panel's strings and stylesheet: the same for everyone, no token, nothing cached. */
  'panel.assets': { request: Record<string, never>; response: PanelAssets };
  /** From cache; refreshes reference data first when there is none or it is stale. */
  'panel.context': { request: { division: number }; response: PanelContext };
  /**
   * `fresh: false` answers from cache at once (with what a running read of `readerId` has
   * received); `fresh: true` reads from Keeping first unless the range was read within the
   * freshness window (`force` reads anyway). A reader's new read cancels its earlier one.
   */
  'entries.range': {
    request: {
      from: string;
      to: string;
      keepingClientId: number;
      fresh: boolean;
      force?: boolean;
      readerId?: string;
    };
    response: EntriesView;
  };
  /** How far the reader's running read is; null when none runs. */
  'entries.progress': { request: { readerId: string }; response: RangeProgress | null };
  /** Stops the reader's running read (the panel closed or moved on). */
  'entries.cancel': { request: { readerId: string }; response: { cancelled: boolean } };
  /** A long range's size, reading time and Keeping's grouped totals: two calls. */
  'entries.estimate': {
    request: { from: string; to: string; keepingClientId: number };
    response: RangeEstimate;
  };
  'mapping.saveClient': { request: ClientMapping; response: ClientMapping[] };
  'lineDefaults.save': { request: LineDefaults; response: LineDefaults };
  /** Remembers a division's quantity precision, set by the bookkeeper or detected by a fill. */
  'precision.save': { request: QuantityPrecisionSetting; response: QuantityPrecisionSetting };
  'invoice.load': { request: InvoiceRef; response: InvoiceRecord | null };
  'invoice.saveSelection': {
    request: { ref: InvoiceRef; selection: InvoiceSelection };
    response: InvoiceRecord;
  };
  /**
   * Replaces the invoice's filled lines and links their entries (cached entries of
   * `keepingClientId`); lines not in the list are forgotten. `revision` is the record's as the
   * panel read it (0 without one); a stale one is refused with a `conflict` error.
   */
  'invoice.recordFill': {
    request: { ref: InvoiceRef; lines: FilledLine[]; revision: number; keepingClientId: number | null };
    response: InvoiceRecord;
  };
  /**
   * The draft was saved in Exact: move its record to the real id and number, and tell Keeping.
   * `rowHashes` are the fingerprints of the saved grid's rows; the draft moves only onto an
   * invoice without a record whose grid shows every line it wrote (else a `conflict`).
   */
  'invoice.saved': {
    request: { draft: InvoiceRef; invoiceId: string; invoiceNumber: string; rowHashes: string[] };
    response: InvoiceRecord;
  };
  /** One-click association: link these entries of `keepingClientId` to an invoice without filling lines. */
  'invoice.link': {
    request: {
      ref: InvoiceRef;
      invoiceNumber: string | null;
      entryIds: number[];
      revision: number;
      keepingClientId: number;
    };
    response: InvoiceRecord;
  };
  'invoice.unlink': {
    request: { ref: InvoiceRef; entryIds: number[]; revision: number };
    response: InvoiceRecord;
  };
  /** What became of this invoice's marks in Keeping: pending, done, conflicts, skipped. */
  'invoice.writeBack': { request: InvoiceRef; response: InvoiceWriteBack };
  /** Adds our mark next to another invoice's on these entries, after the bookkeeper's reason. */
  'invoice.override': {
    request: { ref: InvoiceRef; entryIds: number[]; reason: string };
    response: InvoiceWriteBack;
  };
  /** "Ontkoppelen": the invoice was credited or deleted; its hours are billable again. */
  'invoice.release': { request: { ref: InvoiceRef; reason: string }; response: InvoiceRecord };
  /**
   * One Overzicht period: `fresh: false` from cache at once (empty columns and null fetchedAt
   * when never read); `fresh: true` reads Keeping unless read within the freshness window.
   * `cells: true` answers the figures per cell instead of the entries (the Overzicht page).
   */
  'overview.period': {
    request: { from: string; to: string; fresh: boolean; force?: boolean; cells?: boolean };
    response: OverviewView;
  };
  /** Keeping's grouped month totals of a period (the previous period beside the chosen one). */
  'overview.totals': { request: { from: string; to: string; fresh: boolean }; response: OverviewTotals };
  /** The panel's line for one customer: this year's unbilled hours and billed revenue. */
  'overview.customer': { request: { keepingClientId: number; fresh: boolean }; response: CustomerSummary };
  /** Invoice numbers of invoices made elsewhere whose amounts a panel in `division` should read. */
  'revenue.wanted': { request: { division: number }; response: { numbers: number[] } };
  /** What the panel read; the worker keeps only numbers it asked for. */
  'revenue.report': { request: RevenueReport; response: { stored: number; refused: number } };
}

export type MessageName = keyof MessageMap;
export type RequestOf<N extends MessageName> = MessageMap[N]['request'];
export type ResponseOf<N extends MessageName> = MessageMap[N]['response'];

/**
 * The background's handler groups: 'page' (connection, settings, today: popup and options),
 * 'panel' (the Exact panel's reference data, entries and invoice records), 'data' (the options
 * page's back-up and write-back state), 'overview' (the Overzicht's figures). Each group is one file in background/handlers/.
 */
export type HandlerGroup = 'page' | 'panel' | 'data' | 'overview';

/**
 * The least trusted sender that may send a message: 'extension' means extension pages only
 * (popup, options); 'content' means content scripts too. Extension pages may send everything.
 */
export type MessageTier = 'extension' | 'content';

export interface MessageRoute {
  group: HandlerGroup;
  tier: MessageTier;
}

/**
 * Every message's handler group and sender tier, in one place. A new MessageMap entry is a type
 * error here until it has a row, and a type error in its group's handler file until it has a
 * handler; the router's content-script set and the groups' name types are derived from this.
 */
export const MESSAGE_ROUTES = {
  'connection.test': { group: 'page', tier: 'extension' },
  'connection.save': { group: 'page', tier: 'extension' },
  'connection.disconnect': { group: 'page', tier: 'extension' },
  'settings.set': { group: 'page', tier: 'extension' },
  'today.cached': { group: 'page', tier: 'extension' },
  'today.refresh': { group: 'page', tier: 'extension' },
  // Read-only and token-free: the panel shows the connection and follows the language setting.
  'connection.status': { group: 'page', tier: 'content' },
  'settings.get': { group: 'page', tier: 'content' },
  // Public texts and CSS only, the same as in the extension's files.
  'panel.assets': { group: 'page', tier: 'content' },
  'database.status': { group: 'page', tier: 'content' },
  'backup.export': { group: 'data', tier: 'extension' },
  'backup.import': { group: 'data', tier: 'extension' },
  'writeback.status': { group: 'data', tier: 'extension' },
  'writeback.retry': { group: 'data', tier: 'extension' },
  // The whole history of billed hours and who did what: the options page only.
  'audit.list': { group: 'data', tier: 'extension' },
  'writeback.release': { group: 'data', tier: 'extension' },
  'writeback.override': { group: 'data', tier: 'extension' },
  'panel.context': { group: 'panel', tier: 'content' },
  'entries.range': { group: 'panel', tier: 'content' },
  'entries.progress': { group: 'panel', tier: 'content' },
  'entries.cancel': { group: 'panel', tier: 'content' },
  'entries.estimate': { group: 'panel', tier: 'content' },
  'mapping.saveClient': { group: 'panel', tier: 'content' },
  'lineDefaults.save': { group: 'panel', tier: 'content' },
  'precision.save': { group: 'panel', tier: 'content' },
  'invoice.load': { group: 'panel', tier: 'content' },
  'invoice.saveSelection': { group: 'panel', tier: 'content' },
  'invoice.recordFill': { group: 'panel', tier: 'content' },
  'invoice.saved': { group: 'panel', tier: 'content' },
  'invoice.link': { group: 'panel', tier: 'content' },
  'invoice.unlink': { group: 'panel', tier: 'content' },
  // Read-only for the panel's own saved invoice (the ref is checked like every other).
  'invoice.writeBack': { group: 'panel', tier: 'content' },
  // Each needs the bookkeeper's reason, and only touches this organisation's records.
  'invoice.override': { group: 'panel', tier: 'content' },
  'invoice.release': { group: 'panel', tier: 'content' },
  // The whole firm's hours and revenue: extension pages only.
  'overview.period': { group: 'overview', tier: 'extension' },
  'overview.totals': { group: 'overview', tier: 'extension' },
  // One customer's unbilled hours and billed revenue, for the panel on that customer's invoice.
  'overview.customer': { group: 'overview', tier: 'content' },
  'revenue.wanted': { group: 'overview', tier: 'content' },
  'revenue.report': { group: 'overview', tier: 'content' },
} as const satisfies { [N in MessageName]: MessageRoute };

type Routes = typeof MESSAGE_ROUTES;

/** The names whose handlers live in one group's file. */
export type MessageNameIn<G extends HandlerGroup> = {
  [N in MessageName]: Routes[N]['group'] extends G ? N : never;
}[MessageName];

/**
 * Names a content script may send; everything else is refused for that tier. Marked pure so a
 * bundle that never reads it (the content script) leaves it and MESSAGE_ROUTES out.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageName> = /* @__PURE__ */ namesForTier('content');

function namesForTier(tier: MessageTier): ReadonlySet<MessageName> {
  return new Set(
    (Object.keys(MESSAGE_ROUTES) as MessageName[]).filter((name) => MESSAGE_ROUTES[name].tier === tier),
  );
}

export interface Envelope<N extends MessageName = MessageName> {
  urenbrug: 1;
  name: N;
  data: RequestOf<N>;
}

export type Reply<N extends MessageName = MessageName> =
  | { ok: true; value: ResponseOf<N> }
  | { ok: false; error: SerializedError };

export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { urenbrug?: unknown }).urenbrug === 1 &&
    typeof (value as { name?: unknown }).name === 'string'
  );
}

/** Answers whose entry list crosses as one packed text (shared/entries-wire.ts), not as objects. */
const PACKED_ENTRY_REPLIES: ReadonlySet<MessageName> = new Set<MessageName>(['entries.range']);

/** The answer as it crosses: a list of entries as one text in `packedEntries`. */
export function encodeReply(name: MessageName, value: unknown): unknown {
  if (!PACKED_ENTRY_REPLIES.has(name) || typeof value !== 'object' || value === null) return value;
  const { entries, ...rest } = value as { entries?: Entry[] };
  return Array.isArray(entries) ? { ...rest, packedEntries: packEntries(entries) } : value;
}

/** `encodeReply` undone on the receiving side. */
export function decodeReply(name: MessageName, value: unknown): unknown {
  if (!PACKED_ENTRY_REPLIES.has(name) || typeof value !== 'object' || value === null) return value;
  const { packedEntries, ...rest } = value as { packedEntries?: unknown };
  if (typeof packedEntries !== 'string') return value;
  return { ...rest, entries: unpackEntries(packedEntries) };
}

/** Sends one message to the background and returns its typed answer or throws UrenbrugError. */
export async function send<N extends MessageName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { urenbrug: 1, name, data };
  let reply: Reply<N> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<N> | undefined;
  } catch (error) {
    // The extension was reloaded or the worker could not be woken: say so, do not crash the caller.
    throw new UrenbrugError('internal', error instanceof Error ? error.message : String(error));
  }
  if (!reply) throw new UrenbrugError('internal', `No answer to ${name}`);
  if (!reply.ok) throw UrenbrugError.from(reply.error);
  return decodeReply(name, reply.value) as ResponseOf<N>;
}
