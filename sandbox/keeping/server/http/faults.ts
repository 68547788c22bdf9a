/**
 * Test control, not part of Keeping: queued failures that the next matching requests get instead
 * of their normal answer, to exercise a client's handling of a misbehaving API.
 */

export const FAULT_KINDS = [
  'rate_limit',
  'server_error',
  'html',
  'malformed_json',
  'wrong_shape',
  // A page holding more entries than the per_page it was asked for (test control, not Keeping).
  'oversized_page',
  'hang',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** How many requests get it; default 1. */
  count?: number;
  /** Only requests whose path (with query) contains this; default every request. */
  pathIncludes?: string;
  /** rate_limit only: the Retry-After value; default 60. */
  retryAfterSeconds?: number;
}

interface Pending {
  fault: Fault;
  remaining: number;
}

function checkFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) throw new TypeError('A fault must be an object');
  const fault = value as Record<string, unknown>;
  if (!FAULT_KINDS.includes(fault.kind as FaultKind)) {
    throw new TypeError(
      `Unknown fault kind ${JSON.stringify(fault.kind)}; expected one of ${FAULT_KINDS.join(', ')}`,
    );
  }
  const positiveInt = (key: string) =>
    fault[key] === undefined || (Number.isInteger(fault[key]) && (fault[key] as number) > 0);
  if (!positiveInt('count')) throw new TypeError('count must be a positive integer');
  if (!positiveInt('retryAfterSeconds')) throw new TypeError('retryAfterSeconds must be a positive integer');
  if (fault.pathIncludes !== undefined && typeof fault.pathIncludes !== 'string') {
    throw new TypeError('pathIncludes must be a string');
  }
  return fault as unknown as Fault;
}

export class FaultQueue {
  private queue: Pending[] = [];

  /** Queues one or more faults; throws TypeError on a malformed one (and queues none). */
  push(...faults: Fault[]): void {
    const checked = faults.map(checkFault);
    for (const fault of checked) this.queue.push({ fault: { ...fault }, remaining: fault.count ?? 1 });
  }

  /** Takes one use of the first fault matching the path, if any. */
  take(path: string): Fault | undefined {
    const index = this.queue.findIndex(
      (item) => item.fault.pathIncludes === undefined || path.includes(item.fault.pathIncludes),
    );
    const pending = this.queue[index];
    if (!pending) return undefined;
    pending.remaining -= 1;
    if (pending.remaining === 0) this.queue.splice(index, 1);
    return pending.fault;
  }

  get pending(): number {
    return this.queue.reduce((sum, item) => sum + item.remaining, 0);
  }

  clear(): void {
    this.queue = [];
  }
}
