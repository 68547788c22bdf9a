/**
 * What the panel should offer for a customer, computed straight from the Keeping sandbox's data
 * (independently of core/), and helpers to read Exact's grid as the bookkeeper sees it.
 */
import { endOfMonth, format, parseISO, startOfMonth, subMonths } from 'date-fns';
import type { Frame } from 'playwright-core';
import type { SandboxState } from '../../sandbox/keeping/server';

const INVOICE_TYPES = /_invoice$/;

/** Minutes of the client's direct, not yet invoiced, finished work last month. */
export function expectedDirectMinutesLastMonth(state: SandboxState, clientName: string): number {
  const month = subMonths(parseISO(state.today), 1);
  const from = format(startOfMonth(month), 'yyyy-MM-dd');
  const to = format(endOfMonth(month), 'yyyy-MM-dd');
  const projectIds = new Set(state.projects.filter((p) => p.client?.name === clientName).map((p) => p.id));
  let minutes = 0;
  for (const entry of state.timeEntries) {
    if (entry.purpose !== 'work' || entry.ongoing || !entry.is_direct_hours) continue;
    if (entry.project_id === null || !projectIds.has(entry.project_id)) continue;
    if (entry.date < from || entry.date > to) continue;
    if (entry.external_references.some((ref) => INVOICE_TYPES.test(ref.type))) continue;
    minutes += Math.round((entry.hours ?? 0) * 60);
  }
  return minutes;
}

export interface GridLine {
  item: string;
  description: string;
  quantity: string;
  price: string;
  amount: string;
  notes: string;
}

/** The grid's filled rows, read in the page like a person would read them. */
export function readGrid(frame: Frame): Promise<GridLine[]> {
  return frame.evaluate(() => {
    const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? '';
    return [...document.querySelectorAll<HTMLTableRowElement>('table#grd tr.GridRow')]
      .filter((row) => row.style.display !== 'none' && value(`${row.id}_Deleted`) !== '1')
      .map((row) => ({
        item: value(`${row.id}_Item_alt`),
        description: value(`${row.id}_Description`),
        quantity: value(`${row.id}_Quantity`),
        price: value(`${row.id}_UnitPrice`),
        amount: document.getElementById(`${row.id}_AmountFCDisplay`)?.textContent?.trim() ?? '',
        notes: value(`${row.id}_Notes`),
      }))
      .filter((line) => line.item !== '' || line.description !== '');
  });
}

/** "12 regels, 38,25 uur, € 3.442,50" → its parts. */
export function parseLinesSummary(text: string): { lines: number; hours: string; amount: string } {
  const match = /(\d+) regels?, ([\d.,]+) uur, (€\s?[\d.,-]+)/.exec(text);
  if (!match) throw new Error(`Not a lines summary: ${text}`);
  return { lines: Number(match[1]), hours: match[2] ?? '', amount: (match[3] ?? '').replace(/\s/g, ' ') };
}
