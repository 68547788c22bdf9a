/**
 * The panel's state, composed from small models: the screen and invoice, the Keeping client,
 * the selection and its entries, the preview, filling and linking. Created per mount (a
 * factory, no module singletons) and torn down with the mount's AbortSignal.
 */
import { computed, effect, signal, untracked } from '@preact/signals';
import { type InvoiceLinePlan, planInvoiceLines } from '../../../core/invoice-lines';
import { type Entry, userDisplayName } from '../../../core/keeping-types';
import type { Locale } from '../../../core/locale';
import type { NameIndex } from '../../../core/name-order';
import { formatYmd } from '../../../core/period';
import { toUrenbrugError, UrenbrugError } from '../../../shared/errors';
import { language, setLanguagePreference } from '../../../shared/i18n';
import {
  type ClientMapping,
  type FilledLine,
  type InvoiceRecord,
  type InvoiceRef,
  invoiceKey,
} from '../../../shared/invoice-types';
import { type PanelContext, send } from '../../../shared/messages';
import { divisionFromUrl } from '../../exact/division';
import type { ExactInvoicePage, InvoiceScreen, SaveReport, ScreenInspector } from '../../exact/types';
import { rowFingerprint } from '../../fill/fingerprint';
import { pageLines } from '../../fill/page-lines';
import { createAssociateModel } from './associate-model';
import { createClientModel } from './client-model';
import { deferWhenLarge } from './deferred';
import { createEntriesModel } from './entries-model';
import { createFillModel } from './fill-model';
import { forgetDraft, refForScreen } from './invoice-ref';
import { createLinkModel } from './link-model';
import { createPageGuard, isScreenChanged } from './page-guard';
import { createPrecisionModel } from './precision-model';
import { createRatesModel } from './rates-model';
import { createRestModel, type RestAccess } from './rest-model';
import { type ListGroup, listGroups, type Scope, scopeEntries, tickedEntries } from './scope';
import { createScreenCheckModel } from './screen-check-model';
import { createSelectionModel } from './selection-model';
import { startSelectionSaver } from './selection-saver';
import { stableSet } from './stable-set';

export interface PanelOptions {
  page: ExactInvoicePage | null;
  screenProblem: string | null;
  /** The screen check; null in tests that have no screen. */
  inspector?: ScreenInspector | null;
  signal: AbortSignal;
  /** The frame's sessionStorage (draft keys); null when unavailable. */
  storage?: Storage | null;
  /** The frame's URL, to find the division when the page module could not read the screen. */
  url?: string;
  saveDelayMs?: number;
  now?: () => number;
  /** Exact's REST API with the page's session; absent, the panel works from the DOM alone. */
  exactRest?: RestAccess | null;
}

export type PanelModel = ReturnType<typeof createPanelModel>;

/** Above this many selected entries the preview is planned a frame after the change (deferred.ts). */
export const DEFER_PREVIEW_ABOVE = 5_000;

export function createPanelModel(options: PanelOptions) {
  const now = options.now ?? Date.now;
  const storage = options.storage ?? null;
  const guard = createPageGuard(options.page, options.screenProblem);
  const phase = signal<'loading' | 'ready'>('loading');
  const screen = signal<InvoiceScreen | null>(null);
  const division = signal<number | null>(null);
  const context = signal<PanelContext | null>(null);
  const mappings = signal<readonly ClientMapping[]>([]);
  const contextError = signal<UrenbrugError | null>(null);
  /** Failures of background calls that have no place of their own (saving the selection, …). */
  const backgroundError = signal<UrenbrugError | null>(null);
  const ref = signal<InvoiceRef | null>(null);
  const record = signal<InvoiceRecord | null>(null);
  /** Lines written this session whose record could not be stored: still ours to update. */
  const localLines = signal<FilledLine[] | null>(null);
  /** Set when a change was refused because another tab changed the invoice: the record was reloaded. */
  const staleReloaded = signal(false);

  const today = (): string => context.value?.today ?? formatYmd(new Date(now()));
  const selection = createSelectionModel(today);
  const clients = computed(() => context.value?.clients ?? []);
  const client = createClientModel({
    clients,
    mappings,
    customer: computed(() => screen.value?.customer ?? null),
    division: () => division.value,
    setMappings: (next) => {
      mappings.value = next;
    },
  });
  const entries = createEntriesModel();
  const rates = createRatesModel();
  const screenCheck = createScreenCheckModel(options.inspector ?? null);

  /** Numbers and dates on the invoice follow the page's format; the panel's own text follows the UI. */
  const locale = computed((): Locale => screen.value?.numberLocale ?? language.value);
  const names = computed((): NameIndex => {
    const value = context.value;
    return {
      projects: new Map(value?.projects.map((project) => [project.id, project.name]) ?? []),
      tasks: new Map(value?.tasks.map((task) => [task.id, task.name]) ?? []),
      users: new Map(value?.users.map((user) => [user.id, userDisplayName(user)]) ?? []),
    };
  });
  const personName = (userId: number): string => names.value.users?.get(userId) ?? `#${userId}`;
  const projectName = (projectId: number): string => names.value.projects?.get(projectId) ?? `#${projectId}`;

  const clientProjects = computed(() =>
    (context.value?.projects ?? []).filter((project) => project.clientId === client.chosen.value),
  );
  const ownKey = computed(() => {
    const value = ref.value;
    return value ? invoiceKey(value) : null;
  });
  const storedLines = computed(() => localLines.value ?? record.value?.lines ?? []);
  // Stable sets: a record that comes back with the same ids (a saved selection) changes nothing below.
  const ownEntryIds = stableSet(function* () {
    yield* record.value?.linkedEntryIds ?? [];
    for (const line of storedLines.value) yield* line.entryIds;
  });
  const linkedHere = stableSet(() => record.value?.linkedEntryIds ?? []);

  const scope = computed((): Scope | null => {
    const view = entries.view.value;
    const range = selection.range.value;
    if (!view || !range) return null;
    return scopeEntries({
      entries: view.entries,
      clientProjectIds: new Set(clientProjects.value.map((project) => project.id)),
      period: range,
      projectIds: selection.projectIds.value,
      userIds: selection.userIds.value,
      hours: selection.hours.value,
      localLinks: view.localLinks,
      ownEntryIds: ownEntryIds.value,
      ownInvoiceKey: ownKey.value,
    });
  });
  const ticks = computed(() => ({
    includeBilled: selection.includeBilled.value,
    excluded: selection.excluded.value,
    confirmedBilled: selection.confirmedBilled.value,
  }));
  const selected = computed((): Entry[] => (scope.value ? tickedEntries(scope.value, ticks.value) : []));
  const selectedIds = computed(() => new Set(selected.value.map((entry) => entry.id)));
  /** The list's groups: computed once per scope, not on every tick (sorting a year costs time). */
  const groups = computed((): ListGroup[] =>
    scope.value ? listGroups(scope.value, selection.includeBilled.value, projectName) : [],
  );
  /** Only part of the period is here (a first read still arriving, or never completed). */
  const partial = computed(() => entries.partial.value);
  const entriesById = computed(
    () => new Map((entries.view.value?.entries ?? []).map((entry) => [entry.id, entry])),
  );

  const precision = createPrecisionModel(() => division.value);
  /** What the preview is planned from; with many entries it follows a frame after the change. */
  const previewBasis = computed(() => ({
    selected: selected.value,
    range: selection.range.value,
    grouping: selection.grouping.value,
    rounding: selection.rounding.value,
    rates: rates.book.value,
    template: selection.template.value,
    locale: locale.value,
    quantityDecimals: precision.setting.value.decimals,
    names: names.value,
  }));
  const deferredBasis = deferWhenLarge(
    previewBasis,
    (basis) => basis.selected.length > DEFER_PREVIEW_ABOVE,
    options.signal,
  );
  /** The preview is a frame behind the selection: the fill and the link wait for it. */
  const previewPending = deferredBasis.pending;
  /** Filling and linking wait: only part of the period is here, or the preview is a frame behind. */
  const actionsWait = computed(() => entries.partial.value || previewPending.value);

  /** The preview, or the reason there is none (a bad rate or template never breaks the panel). */
  const preview = computed((): { plan: InvoiceLinePlan | null; error: string | null } => {
    const basis = deferredBasis.value.value;
    const range = basis.range;
    if (!range) return { plan: null, error: null };
    try {
      const plan = planInvoiceLines(basis.selected, {
        grouping: basis.grouping,
        rounding: basis.rounding,
        rates: basis.rates,
        template: basis.template,
        locale: basis.locale,
        period: range,
        names: basis.names,
        quantityDecimals: basis.quantityDecimals,
      });
      return { plan, error: null };
    } catch (error) {
      return { plan: null, error: error instanceof Error ? error.message : String(error) };
    }
  });
  const lines = computed(() => {
    const plan = preview.value.plan;
    return plan ? pageLines(plan, entriesById.value, personName, deferredBasis.value.value.locale) : [];
  });

  function takeRecord(next: InvoiceRecord): void {
    record.value = next;
    localLines.value = null;
  }

  /** The record as the background has it now, after a change was refused as stale. */
  async function reloadAfterConflict(): Promise<void> {
    const current = ref.value;
    if (!current) return;
    try {
      const fresh = await send('invoice.load', current);
      record.value = fresh;
      staleReloaded.value = true;
    } catch (error) {
      fail(error);
    }
  }

  const rest = createRestModel({
    access: options.exactRest ?? null,
    division: () => division.value,
    storage,
    locale: () => locale.value,
    now,
  });

  const revision = () => record.value?.revision ?? 0;
  const fill = createFillModel({
    guard,
    lines,
    storedLines: () => storedLines.value,
    ref: () => ref.value,
    revision,
    keepingClientId: () => client.chosen.value,
    onRecorded: (next, written) => {
      staleReloaded.value = false;
      if (next) takeRecord(next);
      else localLines.value = written;
    },
    onStale: reloadAfterConflict,
    beforeFill: (planned) => rest.checkItems(planned.map((line) => line.write.itemCode)),
    now,
    numberLocale: () => locale.value,
    onKeptQuantities: precision.learn,
    partial: () => actionsWait.value,
  });
  const link = createLinkModel({
    ref,
    invoiceNumber: () => screen.value?.invoiceNumber ?? record.value?.invoiceNumber ?? null,
    revision,
    keepingClientId: () => client.chosen.value,
    onRecord: (next) => {
      staleReloaded.value = false;
      takeRecord(next);
    },
    onStale: reloadAfterConflict,
    partial: () => actionsWait.value,
  });

  const associateEntries = createEntriesModel();
  const associate = createAssociateModel({
    guard,
    ref,
    record,
    clientId: client.chosen,
    clientProjects,
    tasks: computed(() => context.value?.tasks ?? []),
    hours: selection.hours,
    locale,
    today,
    // Its own entries and link state: the proposal's period is the invoice's, not the selection's.
    entries: associateEntries,
    link: createLinkModel({
      ref,
      invoiceNumber: () => screen.value?.invoiceNumber ?? record.value?.invoiceNumber ?? null,
      revision,
      keepingClientId: () => client.chosen.value,
      onRecord: (next) => {
        staleReloaded.value = false;
        takeRecord(next);
      },
      onStale: reloadAfterConflict,
    }),
    signal: options.signal,
  });

  function fail(error: unknown): void {
    backgroundError.value = toUrenbrugError(error);
  }

  function watchEntries(): void {
    let lastKey = '';
    const dispose = effect(() => {
      const id = client.chosen.value;
      const range = selection.range.value;
      const key = id === null || range === null ? '' : `${id}|${range.from}|${range.to}`;
      if (key === lastKey) return;
      lastKey = key;
      untracked(() => {
        if (id === null || range === null) entries.reset();
        else void entries.load({ from: range.from, to: range.to, keepingClientId: id });
      });
    });
    options.signal.addEventListener('abort', dispose, { once: true });
  }

  /**
   * Once, when the first entries have painted (or at once, with no customer chosen): the
   * Overzicht's reads never delay the panel's own.
   */
  function shareRevenueAfterEntries(): void {
    let shared = false;
    const dispose = effect(() => {
      if (shared || entries.loading.value) return;
      shared = true;
      // The effect runs once inside `effect()`, before `dispose` is assigned.
      queueMicrotask(() => dispose());
      void untracked(() => rest.shareRevenue());
    });
    options.signal.addEventListener('abort', dispose, { once: true });
  }

  /** Set while the panel starts: a save reported then is handled before the record loads. */
  let startupSave: ((saved: SaveReport) => void) | null = null;

  function watchPage(): void {
    const page = guard.usable();
    if (!page) return;
    try {
      page.onCustomerChange(() => rereadScreen(), options.signal);
      page.onSaved(
        (saved) => {
          if (startupSave) startupSave(saved);
          else void invoiceSaved(saved);
        },
        options.signal,
        // Only a new invoice's draft can be saved into an invoice; read at the Save click.
        () => (ref.value?.invoiceId ? null : (ref.value?.draftKey ?? null)),
        now,
      );
    } catch (error) {
      if (isScreenChanged(error)) guard.degrade(error);
      else fail(error);
    }
  }

  /**
   * Exact saves with a postback, so the save is usually reported by the page that comes back.
   * Waiting one task for it lets the draft's record move to the invoice before it is loaded.
   */
  function saveReportedAtStart(): Promise<SaveReport | null> {
    return new Promise((resolve) => {
      startupSave = resolve;
      watchPage();
      setTimeout(() => resolve(null), 0);
    }).finally(() => {
      startupSave = null;
    }) as Promise<SaveReport | null>;
  }

  /**
   * This tab's new invoice was saved: its draft moves to the invoice, with the saved grid's row
   * fingerprints so the background can check that the grid Exact saved is the draft's. Only the
   * draft key the save carried counts; a screen opened as an existing invoice never picks up a
   * draft this tab happens to remember. When the background refuses, the draft stays a draft.
   */
  async function invoiceSaved(saved: SaveReport): Promise<void> {
    const shown = saved.screen;
    screen.value = shown;
    if (!shown.invoiceId) return;
    const draft: InvoiceRef = { division: shown.division, invoiceId: null, draftKey: saved.draftKey };
    const invoiceId = shown.invoiceId.toLowerCase();
    const rowHashes = guard.read((page) => page.readRows().map(rowFingerprint)) ?? [];
    try {
      takeRecord(
        await send('invoice.saved', {
          draft,
          invoiceId,
          invoiceNumber: shown.invoiceNumber ?? '',
          rowHashes,
        }),
      );
      ref.value = { division: draft.division, invoiceId, draftKey: null };
      forgetDraft(draft.division, storage);
      void rest.checkSaved(shown.invoiceNumber ?? null, record.value?.lines ?? []);
    } catch (error) {
      // The draft record stays where it was, still found by this tab's next new invoice.
      fail(error);
    }
  }

  async function loadLanguage(): Promise<void> {
    try {
      setLanguagePreference((await send('settings.get', {})).language);
    } catch {
      // The browser's language stays: not worth a message.
    }
  }

  /** Reads the page, loads context and the invoice's record, restores, then starts watching. */
  async function start(): Promise<void> {
    options.signal.addEventListener(
      'abort',
      () => {
        fill.cancel();
        entries.dispose();
        associateEntries.dispose();
      },
      { once: true },
    );
    const languageLoaded = loadLanguage();
    screenCheck.refresh();
    try {
      screen.value = guard.readHeader((page) => page.readScreen());
    } catch (error) {
      fail(error);
    }
    division.value = screen.value?.division ?? divisionFromUrl(options.url ?? '');
    ref.value = refForScreen(screen.value, division.value, storage);
    // Free (current/Me is not counted) and never awaited: the panel paints without it.
    void rest.start();
    const justSaved = await saveReportedAtStart();
    if (justSaved) await invoiceSaved(justSaved);
    const invoiceRef = ref.value;
    const [loadedContext, loadedRecord] = await Promise.allSettled([
      // Without a division (screen unreadable, no URL) the context still brings clients and rates.
      send('panel.context', { division: division.value ?? 0 }),
      invoiceRef ? send('invoice.load', invoiceRef) : Promise.resolve(null),
    ]);
    await languageLoaded;
    if (options.signal.aborted) return;
    if (loadedContext.status === 'fulfilled') {
      context.value = loadedContext.value;
      mappings.value = loadedContext.value.clientMappings;
      rates.defaults.value = loadedContext.value.lineDefaults;
      precision.load(loadedContext.value.quantityPrecision);
      // Without a connection the background answers an empty context rather than failing.
      if (!loadedContext.value.connection.connected) {
        contextError.value = new UrenbrugError('not_connected', 'Urenbrug is not connected to Keeping');
      }
    } else contextError.value = toUrenbrugError(loadedContext.reason);
    if (loadedRecord.status === 'fulfilled') {
      record.value = loadedRecord.value;
      if (loadedRecord.value?.selection) selection.restore(loadedRecord.value.selection);
    } else fail(loadedRecord.reason);
    client.preselect(record.value?.selection?.keepingClientId ?? null);
    phase.value = 'ready';

    watchEntries();
    shareRevenueAfterEntries();
    associate.watch();
    startSelectionSaver({
      snapshot: () => selection.snapshot(client.chosen.value),
      ref: () => ref.value,
      onSaved: (next) => {
        // Saving the selection is no billing change: it must not carry another tab's fill or
        // link into this panel unseen. Such a record waits for this panel's next change, which
        // is then refused as stale and reloads it, saying so.
        if (next.revision === (record.value?.revision ?? 0)) takeRecord(next);
      },
      onError: fail,
      delayMs: options.saveDelayMs ?? 600,
      signal: options.signal,
    });
  }

  let lastRead = 0;
  /**
   * Reads the header again: the bookkeeper may pick or change the customer in Exact while the
   * panel is open. A different customer drops the client chosen for the previous one; a first
   * customer keeps the client already picked in the panel unless a mapping says otherwise.
   */
  function rereadScreen(force = true): void {
    if (!force && now() - lastRead < 1000) return;
    lastRead = now();
    screenCheck.refresh();
    try {
      const next = guard.readHeader((page) => page.readScreen());
      if (!next) return;
      const before = screen.value?.customer?.code.trim() ?? null;
      screen.value = next;
      const after = next.customer?.code.trim() ?? null;
      if (after === before) return;
      const chosenBefore = client.chosen.value;
      // Only change the choice when the answer changes: a reset would empty the entries and
      // the preview under the bookkeeper's pointer.
      const mapped = client.mapping.value?.keepingClientId ?? null;
      if (mapped !== null) {
        if (mapped !== chosenBefore) client.chosen.value = mapped;
        return;
      }
      if (before === null && chosenBefore !== null) {
        // The client was picked in the panel before the customer was filled in Exact: keep
        // that choice and remember it for this customer, rather than asking again.
        void client.choose(chosenBefore);
        return;
      }
      client.chosen.value = null;
    } catch (error) {
      fail(error);
    }
  }

  return {
    guard,
    phase,
    screen,
    context,
    contextError,
    backgroundError,
    ref,
    record,
    staleReloaded,
    selection,
    client,
    clientProjects,
    entries,
    rates,
    precision,
    screenCheck,
    locale,
    names,
    personName,
    projectName,
    scope,
    selected,
    selectedIds,
    groups,
    partial,
    linkedHere,
    entriesById,
    preview,
    previewPending,
    actionsWait,
    lines,
    fill,
    rest,
    link,
    associate,
    start,
    rereadScreen,
  };
}
