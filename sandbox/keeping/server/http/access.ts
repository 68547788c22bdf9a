/**
 * Keeping's authorisation rules beyond the token (docs/keeping-api.md, Scopes and roles; docs/keeping-api.md,
 * Feature toggles): scope, role, features.
 */
import { localDate } from '../../model/time-zone';
import type { Scope, TimeEntry, User } from '../../model/types';
import { ApiError, forbidden, notFound } from './api-error';
import type { OrgContext } from './context';

export function requireScope(ctx: OrgContext, scope: Scope): void {
  if (!ctx.scopes.includes(scope)) throw forbidden('missing_scope');
}

/** `team` data is for administrators holding the team scope. */
export function canSeeTeam(ctx: OrgContext): boolean {
  return ctx.scopes.includes('team') && ctx.me.role === 'administrator';
}

export function requireTeam(ctx: OrgContext): void {
  requireScope(ctx, 'team');
  if (ctx.me.role !== 'administrator') throw forbidden();
}

export function requireProjectManagement(ctx: OrgContext): void {
  requireScope(ctx, 'project_management');
  if (ctx.me.role !== 'administrator') throw forbidden();
}

export function requireFeature(ctx: OrgContext, feature: 'projects' | 'tasks' | 'breaks'): void {
  if (!ctx.org.organisation.features[feature]) throw new ApiError(403, 'feature_disabled');
}

/** Today in the organisation's zone, by the sandbox clock. */
export function todayOf(ctx: OrgContext): string {
  return localDate(ctx.nowMs, ctx.org.organisation.time_zone);
}

export function findUser(ctx: OrgContext, id: number): User {
  const user = ctx.org.users.find((item) => item.id === id);
  if (!user) throw notFound();
  return user;
}

/** Someone else's entries need team rights. */
export function requireUserAccess(ctx: OrgContext, userId: number): void {
  if (userId !== ctx.me.id && !canSeeTeam(ctx)) throw forbidden();
}

export function findEntry(ctx: OrgContext, id: number): TimeEntry {
  const entry = ctx.org.timeEntries.find((item) => item.id === id);
  if (!entry) throw notFound();
  requireUserAccess(ctx, entry.user_id);
  return entry;
}

export function paramId(ctx: OrgContext, name: string): number {
  return Number(ctx.params[name]);
}
