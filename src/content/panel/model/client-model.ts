/**
 * Which Keeping client this invoice is for. A mapping remembered for the Exact customer (per
 * division) is taken as confirmed; otherwise the best name/code match is only suggested, and
 * entries load once the bookkeeper confirms or picks a client. A confirmed choice for a known
 * customer is remembered for next time.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { normaliseCode, suggestClient } from '../../../core/client-match';
import type { Client } from '../../../core/keeping-types';
import { toUrenbrugError, type UrenbrugError } from '../../../shared/errors';
import type { ClientMapping } from '../../../shared/invoice-types';
import { send } from '../../../shared/messages';
import type { InvoiceScreen } from '../../exact/types';

export type ClientModel = ReturnType<typeof createClientModel>;

interface Deps {
  clients: ReadonlySignal<readonly Client[]>;
  mappings: ReadonlySignal<readonly ClientMapping[]>;
  customer: ReadonlySignal<InvoiceScreen['customer']>;
  division: () => number | null;
  setMappings: (mappings: ClientMapping[]) => void;
}

export function createClientModel(deps: Deps) {
  const chosen = signal<number | null>(null);
  const saving = signal(false);
  const error = signal<UrenbrugError | null>(null);

  const mapping = computed(() => {
    const customer = deps.customer.value;
    if (!customer || normaliseCode(customer.code) === '') return null;
    const code = normaliseCode(customer.code);
    return (
      deps.mappings.value.find((candidate) => normaliseCode(candidate.exactCustomerCode) === code) ?? null
    );
  });

  const suggestion = computed(() => {
    const customer = deps.customer.value;
    return customer ? suggestClient(customer, deps.clients.value) : null;
  });

  /** Clients for the picker: active ones by name, inactive ones after them. */
  const options = computed(() => {
    const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
    return [...deps.clients.value].sort(
      (a, b) =>
        Number(a.state !== 'active') - Number(b.state !== 'active') || collator.compare(a.name, b.name),
    );
  });

  /** What the picker shows: the confirmed client, else the suggestion awaiting confirmation. */
  const shown = computed(() => chosen.value ?? suggestion.value?.client.id ?? null);
  const awaitingConfirmation = computed(() => chosen.value === null && suggestion.value !== null);

  /** On open: a restored choice for this invoice wins over the customer's remembered mapping. */
  function preselect(restored: number | null): void {
    const known = new Set(deps.clients.value.map((client) => client.id));
    if (restored !== null && known.has(restored)) chosen.value = restored;
    else if (mapping.value && known.has(mapping.value.keepingClientId))
      chosen.value = mapping.value.keepingClientId;
  }

  /** The bookkeeper picked or confirmed a client: use it and remember it for this customer. */
  async function choose(keepingClientId: number | null): Promise<void> {
    chosen.value = keepingClientId;
    const customer = deps.customer.value;
    const division = deps.division();
    const code = customer?.code.trim() ?? '';
    if (keepingClientId === null || !customer || code === '' || division === null) return;
    if (mapping.value?.keepingClientId === keepingClientId) return;
    saving.value = true;
    try {
      const saved = await send('mapping.saveClient', {
        division,
        exactCustomerCode: code,
        exactCustomerName: customer.name.trim(),
        keepingClientId,
      });
      deps.setMappings(saved);
      error.value = null;
    } catch (caught) {
      // The choice still holds for this invoice; only remembering it failed.
      error.value = toUrenbrugError(caught);
    } finally {
      saving.value = false;
    }
  }

  return {
    chosen,
    shown,
    saving,
    error,
    mapping,
    suggestion,
    options,
    awaitingConfirmation,
    preselect,
    choose,
  };
}
