/** What a route handler gets: the authenticated caller, the organisation, the parsed request. */
import type { OrganisationData, SandboxAccount, SandboxState, Scope, User } from '../../model/types';
import type { Lang } from './messages';
import type { Query } from './query';

export interface BaseContext {
  state: SandboxState;
  method: string;
  url: URL;
  query: Query;
  params: Record<string, string>;
  lang: Lang;
  nowMs: number;
  account: SandboxAccount;
  scopes: readonly Scope[];
  /** Parsed JSON body of POST/PATCH; {} when there is none. */
  body: Record<string, unknown>;
}

export interface OrgContext extends BaseContext {
  org: OrganisationData;
  /** The account's user in this organisation. */
  me: User;
}

export interface RouteResult {
  status: number;
  /** Omitted for 204. */
  body?: unknown;
}

export type Route =
  | { method: string; path: string; global: true; handler: (ctx: BaseContext) => RouteResult }
  | { method: string; path: string; global?: false; handler: (ctx: OrgContext) => RouteResult };
