/**
 * Report entries as columns, for the trip from the worker to the Overzicht page: a year of a big
 * firm is 50,000 entries, and a handful of number arrays crosses the message boundary (and
 * structured clone) far faster than 50,000 objects. `invoice` indexes into `invoices`.
 */
import type { BilledSource, ReportEntry } from './report-entry';

export interface ReportColumns {
  id: number[];
  date: string[];
  clientId: (number | null)[];
  projectId: (number | null)[];
  taskId: (number | null)[];
  userId: number[];
  minutes: number[];
  /** 1 direct, 0 indirect. */
  direct: number[];
  /** Index into `invoices`, or -1 when unbilled. */
  invoice: number[];
  revenueCents: (number | null)[];
  billedMinutes: (number | null)[];
  /** The division of a billed entry whose revenue is known; null otherwise. */
  division: (number | null)[];
  invoices: Array<{ source: BilledSource; invoice: string }>;
}

export function toColumns(entries: readonly ReportEntry[]): ReportColumns {
  const columns: ReportColumns = {
    id: [],
    date: [],
    clientId: [],
    projectId: [],
    taskId: [],
    userId: [],
    minutes: [],
    direct: [],
    invoice: [],
    revenueCents: [],
    billedMinutes: [],
    division: [],
    invoices: [],
  };
  const invoiceIndex = new Map<string, number>();
  for (const entry of entries) {
    columns.id.push(entry.id);
    columns.date.push(entry.date);
    columns.clientId.push(entry.clientId);
    columns.projectId.push(entry.projectId);
    columns.taskId.push(entry.taskId);
    columns.userId.push(entry.userId);
    columns.minutes.push(entry.minutes);
    columns.direct.push(entry.direct ? 1 : 0);
    const billing = entry.billing;
    if (billing === null) {
      columns.invoice.push(-1);
      columns.revenueCents.push(null);
      columns.billedMinutes.push(null);
      columns.division.push(null);
      continue;
    }
    const key = `${billing.source}\u0000${billing.invoice}`;
    let index = invoiceIndex.get(key);
    if (index === undefined) {
      index = columns.invoices.length;
      invoiceIndex.set(key, index);
      columns.invoices.push({ source: billing.source, invoice: billing.invoice });
    }
    columns.invoice.push(index);
    columns.revenueCents.push(billing.revenueCents);
    columns.billedMinutes.push(billing.billedMinutes);
    columns.division.push(billing.division ?? null);
  }
  return columns;
}

export function fromColumns(columns: ReportColumns): ReportEntry[] {
  const entries: ReportEntry[] = new Array(columns.id.length);
  for (let i = 0; i < columns.id.length; i++) {
    const invoice = columns.invoices[columns.invoice[i] ?? -1];
    const division = columns.division[i] ?? null;
    entries[i] = {
      id: columns.id[i] ?? 0,
      date: columns.date[i] ?? '',
      clientId: columns.clientId[i] ?? null,
      projectId: columns.projectId[i] ?? null,
      taskId: columns.taskId[i] ?? null,
      userId: columns.userId[i] ?? 0,
      minutes: columns.minutes[i] ?? 0,
      direct: columns.direct[i] === 1,
      billing:
        invoice === undefined
          ? null
          : {
              ...invoice,
              revenueCents: columns.revenueCents[i] ?? null,
              billedMinutes: columns.billedMinutes[i] ?? null,
              ...(division === null ? {} : { division }),
            },
    };
  }
  return entries;
}
