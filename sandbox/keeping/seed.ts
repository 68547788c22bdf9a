/**
 * Deterministic seed for the fake Keeping API: the same options (and clock) always give the same
 * state. "Bakker & De Vries Adviseurs" with three months of weekday entries ending today by
 * default; `entryCount` instead fills days backwards from today until that many entries exist.
 */
import { buildEntry, type EntrySpec } from './model/entry-factory';
import { createRandom } from './model/prng';
import { addDays, localDate } from './model/time-zone';
import { ALL_SCOPES, MEMBER_SCOPES, NO_REPORTING_SCOPES, SANDBOX_TOKENS } from './model/tokens';
import type { SandboxAccount, SandboxState } from './model/types';
import { growFirm } from './seed/big-firm';
import { generateWorkdays } from './seed/entries';
import { createFirm, SANDBOX_ORGANISATION_ID, SANDBOX_USER_IDS } from './seed/firm';
import { createOtherOrganisation, OTHER_ORGANISATION_ID } from './seed/other-organisation';
import { applySeedReferences } from './seed/references';
import { createSpecials } from './seed/specials';

export { SAMPLE_JIRA_REFERENCE, SPECIAL_DAYS } from './seed/specials';
export { OTHER_ORGANISATION_ID, SANDBOX_ORGANISATION_ID, SANDBOX_TOKENS, SANDBOX_USER_IDS };

export interface SeedOptions {
  /** Y-m-d in Europe/Amsterdam; default: today according to `now`. */
  today?: string;
  /** Total entries of the main organisation; default: three months of weekdays (about 3,000). */
  entryCount?: number;
  randomSeed?: number;
  /**
   * The big-firm option: grow the firm to this many people, the newcomers all booking on
   * Gemeente Utrecht (64 gives about 4,000 of its entries a month). Default: the firm as it is.
   */
  people?: number;
}

const DEFAULT_RANDOM_SEED = 20_260_611;
const FIRST_ENTRY_ID = 20_130_001;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function accounts(): SandboxAccount[] {
  const main = SANDBOX_ORGANISATION_ID;
  return [
    {
      id: 100201,
      locale: 'nl',
      memberships: [{ organisationId: main, userId: SANDBOX_USER_IDS.admin }],
      tokens: [
        { token: SANDBOX_TOKENS.admin, scopes: ALL_SCOPES, expired: false },
        { token: SANDBOX_TOKENS.noReporting, scopes: NO_REPORTING_SCOPES, expired: false },
        { token: SANDBOX_TOKENS.expired, scopes: ALL_SCOPES, expired: true },
      ],
    },
    {
      id: 100202,
      locale: 'nl',
      memberships: [{ organisationId: main, userId: SANDBOX_USER_IDS.member }],
      tokens: [{ token: SANDBOX_TOKENS.member, scopes: MEMBER_SCOPES, expired: false }],
    },
    {
      id: 100203,
      locale: 'nl',
      memberships: [{ organisationId: OTHER_ORGANISATION_ID, userId: SANDBOX_USER_IDS.otherAccount }],
      tokens: [{ token: SANDBOX_TOKENS.otherAccount, scopes: ALL_SCOPES, expired: false }],
    },
  ];
}

const chronological = (a: EntrySpec, b: EntrySpec): number =>
  a.date.localeCompare(b.date) || (a.startMs ?? 0) - (b.startMs ?? 0) || a.userId - b.userId;

export function createSeed(options: SeedOptions & { now: number }): SandboxState {
  if (options.today !== undefined && !DAY_PATTERN.test(options.today)) {
    throw new Error(`createSeed: today must be Y-m-d, got "${options.today}"`);
  }
  if (
    options.entryCount !== undefined &&
    !(Number.isInteger(options.entryCount) && options.entryCount >= 0)
  ) {
    throw new Error(`createSeed: entryCount must be a non-negative integer, got ${options.entryCount}`);
  }
  const random = createRandom(options.randomSeed ?? DEFAULT_RANDOM_SEED);
  const firm = createFirm();
  if (options.people !== undefined) {
    if (!(Number.isInteger(options.people) && options.people > 0 && options.people <= 500)) {
      throw new Error(`createSeed: people must be an integer from 1 to 500, got ${options.people}`);
    }
    growFirm(firm, options.people);
  }
  const today = options.today ?? localDate(options.now, firm.organisation.time_zone);
  const specials = createSpecials(firm, today, options.now);
  const budget =
    options.entryCount === undefined ? null : Math.max(0, options.entryCount - specials.specs.length);
  const regular = generateWorkdays(firm, random, {
    today,
    nowMs: options.now,
    firstDay: budget === null ? addDays(today, -91) : null,
    budget,
    skip: specials.skip,
  });
  const specs = [...regular, ...specials.specs].sort(chronological);
  // Ids grow with time, as Keeping's do.
  firm.timeEntries = specs.map((spec, index) => buildEntry(firm, { ...spec, id: FIRST_ENTRY_ID + index }));
  applySeedReferences(firm, random, today);
  const nextId = FIRST_ENTRY_ID + specs.length;
  const other = createOtherOrganisation(today, options.now, nextId);
  return {
    ...firm,
    otherOrganisations: [other],
    accounts: accounts(),
    today,
    nextTimeEntryId: nextId + other.timeEntries.length,
  };
}
