/**
 * Test control over HTTP (not part of Keeping): queue faults, reset, and mark entries as invoiced
 * through Keeping's own Exact Online integration (docs/keeping-api.md, What the fake server copies).
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { TimeEntry } from '../../model/types';
import { addHostileEntries } from '../../seed/hostile';
import { exactInvoiceReference } from '../../seed/references';
import type { Fault } from './faults';
import { write } from './respond';
import type { SandboxRuntime } from './runtime';

interface Answer {
  status: number;
  body?: unknown;
}

const failure = (status: number, text: string): Answer => ({ status, body: { error: { message: text } } });

function invoice(runtime: SandboxRuntime, body: unknown): Answer {
  const { entryIds, invoiceNumber } = (body ?? {}) as { entryIds?: unknown; invoiceNumber?: unknown };
  if (
    !Array.isArray(entryIds) ||
    !entryIds.every(Number.isInteger) ||
    typeof invoiceNumber !== 'string' ||
    !invoiceNumber
  ) {
    return failure(400, 'Expected { entryIds: number[], invoiceNumber: string }');
  }
  const all = [runtime.state, ...runtime.state.otherOrganisations].flatMap((data) => data.timeEntries);
  const entries = entryIds.map((id) => all.find((entry) => entry.id === id));
  const missing = entryIds.filter((_, index) => !entries[index]);
  if (missing.length > 0) return failure(404, `Unknown time entries: ${missing.join(', ')}`);
  // The same invoice number always gets the same reference id: one external object.
  const id = createHash('md5').update(`exact_online_invoice:${invoiceNumber}`).digest('hex');
  for (const entry of entries as TimeEntry[]) {
    if (!entry.external_references.some((ref) => ref.type === 'exact_online_invoice' && ref.id === id)) {
      entry.external_references = [...entry.external_references, exactInvoiceReference(id, invoiceNumber)];
    }
    entry.locked = true;
  }
  return { status: 200, body: { time_entries: entries } };
}

function hostile(runtime: SandboxRuntime, body: unknown): Answer {
  const { date, projectId, userId } = (body ?? {}) as Record<string, unknown>;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isInteger(projectId)) {
    return failure(400, 'Expected { date: "Y-m-d", projectId: number, userId?: number }');
  }
  const data = runtime.state;
  if (!data.projects.some((project) => project.id === projectId)) return failure(404, 'Unknown project');
  const user = userId === undefined ? data.users[0]?.id : userId;
  if (!Number.isInteger(user)) return failure(400, 'userId must be an integer');
  const entries = addHostileEntries(data, { date, projectId: projectId as number, userId: user as number });
  return { status: 200, body: { entryIds: entries.map((entry) => entry.id) } };
}

function queueFaults(runtime: SandboxRuntime, body: unknown): Answer {
  try {
    runtime.faults.push(...((Array.isArray(body) ? body : [body]) as Fault[]));
  } catch (error) {
    return failure(400, (error as Error).message);
  }
  return { status: 200, body: { pending: runtime.faults.pending } };
}

function answer(runtime: SandboxRuntime, route: string, rawBody: string): Answer {
  let body: unknown;
  try {
    body = rawBody.trim() === '' ? undefined : JSON.parse(rawBody);
  } catch {
    return failure(400, 'Body is not JSON');
  }
  switch (route) {
    case 'POST /__sandbox/faults':
      return queueFaults(runtime, body);
    case 'DELETE /__sandbox/faults':
      runtime.faults.clear();
      return { status: 204 };
    case 'POST /__sandbox/reset':
      runtime.reset();
      return { status: 204 };
    case 'POST /__sandbox/invoice':
      return invoice(runtime, body);
    case 'POST /__sandbox/hostile':
      return hostile(runtime, body);
    default:
      return failure(404, `No sandbox control route ${route}`);
  }
}

export function handleControl(
  runtime: SandboxRuntime,
  res: ServerResponse,
  method: string,
  pathname: string,
  rawBody: string,
): void {
  const result = answer(runtime, `${method} ${pathname}`, rawBody);
  write(res, result.status, result.body === undefined ? null : JSON.stringify(result.body), {});
}
