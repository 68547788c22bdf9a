/** Keeping-shaped records (snake_case, as on the wire) for the client and schema tests. */
export function keepingEntry(id: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    user_id: 55458,
    date: '2026-05-29',
    purpose: 'work',
    approval_status: 'unsubmitted',
    project_id: 573243,
    task_id: null,
    tag_ids: [],
    note: null,
    external_references: [],
    start: '2026-05-29T16:09:00+02:00',
    end: '2026-05-29T16:58:00+02:00',
    hours: 0.8167,
    ongoing: false,
    locked: false,
    is_direct_hours: true,
    included_in_total: true,
    ...overrides,
  };
}

export const keepingOrganisation = {
  id: 12345,
  name: 'Bakker & de Vries Accountants',
  url: 'https://bakker.keeping.nl',
  current_plan: 'plus_2024',
  features: { timesheet: 'times', projects: true, tasks: true, breaks: false },
  time_zone: 'Europe/Amsterdam',
  currency: 'EUR',
};

export function keepingUser(id: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    first_name: 'Anna',
    surname: 'van Doorn',
    code: null,
    role: 'administrator',
    state: 'active',
    ...overrides,
  };
}

/** Pagination meta as Keeping sends it for `total` records at `perPage` a page. */
export function pageMeta(total: number, page: number, perPage: number): Record<string, number | null> {
  return {
    total,
    per_page: perPage,
    current_page: page,
    last_page: total === 0 ? null : Math.ceil(total / perPage),
  };
}
