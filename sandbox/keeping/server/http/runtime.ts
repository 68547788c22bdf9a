/** The live parts of one running sandbox, shared by the request handler and the control routes. */
import type { ServerResponse } from 'node:http';
import type { SandboxState } from '../../model/types';
import type { FaultQueue } from './faults';
import type { RateLimiter } from './rate-limiter';

export interface RequestLogItem {
  method: string;
  /** Path with query string. */
  path: string;
  at: number;
  /** 0 for a request that was left hanging. */
  status: number;
}

export interface SandboxRuntime {
  state: SandboxState;
  faults: FaultQueue;
  limiter: RateLimiter;
  requestLog: RequestLogItem[];
  now: () => number;
  /** Responses held open by a `hang` fault, destroyed on close. */
  hanging: Set<ServerResponse>;
  /** Back to a fresh seed, no faults, empty rate windows and log. */
  reset(): void;
}
