/**
 * External references on seeded entries: Jira issues on the care group's work, and invoices made
 * through Keeping's own Exact Online integration for three clients' older months (which locks
 * those entries, as Keeping does). Recent months stay open for Urenbrug to invoice.
 */
import type { Random } from '../model/prng';
import { addDays } from '../model/time-zone';
import type { ExternalReference, OrganisationData } from '../model/types';

const INVOICED_BY_KEEPING = [123401, 123402, 123403];
const JIRA_CLIENT = 123403;
const JIRA_ISSUES = [
  ['ZGE-118', 'Kostprijsmodel herzien'],
  ['ZGE-131', 'Dashboard bezetting'],
  ['ZGE-137', 'Subsidieverantwoording'],
  ['ZGE-150', 'Liquiditeitsprognose'],
] as const;

/** Keeping's own Exact integration writes this reference and locks the entry. */
export function exactInvoiceReference(id: string, invoiceNumber: string): ExternalReference {
  return { id, type: 'exact_online_invoice', name: invoiceNumber, url: null };
}

export function applySeedReferences(data: OrganisationData, random: Random, today: string): void {
  const clientOf = new Map(data.projects.map((project) => [project.id, project.client?.id ?? null]));
  const jira = JIRA_ISSUES.map(([key, title]) => ({
    id: random.hex(20),
    type: 'jira_issue',
    name: `${key} ${title}`,
    url: `https://bakkerdevries.atlassian.net/browse/${key}`,
  }));
  // Months before the previous one are invoiced; the previous and current month are still open.
  const openFrom = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
  const invoices = new Map<string, ExternalReference>();
  let sequence = 101;
  for (const entry of data.timeEntries) {
    if (entry.purpose !== 'work' || entry.project_id === null) continue;
    const client = clientOf.get(entry.project_id) ?? null;
    // Entries that already carry a reference (the hand-placed sample) keep exactly that one.
    if (client === JIRA_CLIENT && entry.external_references.length === 0 && random.chance(0.3)) {
      entry.external_references = [random.pick(jira)];
    }
    if (
      client === null ||
      !INVOICED_BY_KEEPING.includes(client) ||
      !entry.is_direct_hours ||
      entry.date >= openFrom
    ) {
      continue;
    }
    const key = `${entry.date.slice(0, 7)}|${client}`;
    let invoice = invoices.get(key);
    if (!invoice) {
      invoice = exactInvoiceReference(
        random.hex(32),
        `${entry.date.slice(2, 4)}70${String(sequence++).padStart(4, '0')}`,
      );
      invoices.set(key, invoice);
    }
    entry.external_references = [...entry.external_references, invoice];
    entry.locked = true;
  }
}
