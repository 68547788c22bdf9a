import { describe, expect, it } from 'vitest';
import { UrenbrugError } from '../../shared/errors';
import { keepingEntry, keepingOrganisation } from '../testing/keeping-wire';
import {
  clientsResponseSchema,
  errorBodySchema,
  organisationsResponseSchema,
  projectsResponseSchema,
  reportResponseSchema,
  reportTimeEntriesResponseSchema,
  tasksResponseSchema,
  timeEntriesResponseSchema,
  timeEntrySchema,
  timeEntryWriteResponseSchema,
  userResponseSchema,
  usersResponseSchema,
} from './schemas';
import { validateResponse } from './validate';

// docs/keeping-api.md, Time entries: the anonymised live sample, with the two fields the spec lacks.
const liveEntry = keepingEntry(20135088);

const invoicedEntry = {
  ...liveEntry,
  id: 20135089,
  note: 'Jaarrekening 2025',
  external_references: [
    { id: '0123456789abcdef', type: 'exact_online_invoice', name: 'Factuur 2026-0042', url: null },
  ],
  locked: true,
};

const pagination = { total: 2, per_page: 100, current_page: 1, last_page: 1 };

function expectUnexpected(run: () => unknown, detailPart: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UrenbrugError);
    expect((error as UrenbrugError).code).toBe('unexpected_response');
    expect((error as UrenbrugError).detail).toContain(detailPart);
    return;
  }
  throw new Error('expected validation to fail');
}

describe('response schemas accept the reference shapes', () => {
  it('organisations', () => {
    const body = { organisations: [keepingOrganisation] };
    expect(validateResponse(organisationsResponseSchema, body, 'test').organisations[0]!.current_plan).toBe(
      'plus_2024',
    );
  });

  it('users/me and paginated users, with nullable names and an unknown extra field', () => {
    const user = {
      id: 789456,
      first_name: 'Anna',
      surname: 'van Doorn',
      code: null,
      role: 'team_manager',
      state: 'active',
      avatar: 'x',
    };
    expect(validateResponse(userResponseSchema, { user }, 'test').user).not.toHaveProperty('avatar');
    const noName = { ...user, first_name: null, surname: null };
    expect(
      validateResponse(usersResponseSchema, { users: [noName], meta: pagination }, 'test').users,
    ).toHaveLength(1);
  });

  it('the live time-entry sample, keeping approval_status and included_in_total', () => {
    const body = { time_entries: [liveEntry, invoicedEntry], meta: { user_id: 55458, date: '2026-05-29' } };
    const parsed = validateResponse(timeEntriesResponseSchema, body, 'test');
    const [live, invoiced] = parsed.time_entries.map((entry) =>
      validateResponse(timeEntrySchema, entry, 'test'),
    );
    expect(live).toMatchObject({ approval_status: 'unsubmitted', included_in_total: true });
    expect(invoiced!.external_references[0]!.type).toBe('exact_online_invoice');
  });

  it('an ongoing entry on an hours timesheet (start set, end and hours null) without the extra fields', () => {
    const { approval_status: _a, included_in_total: _i, ...bare } = liveEntry;
    const ongoing = { ...bare, end: null, hours: null, ongoing: true, tag_ids: null };
    expect(() => validateResponse(timeEntrySchema, ongoing, 'test')).not.toThrow();
  });

  it('report/time-entries with total_hours, and with last_page null for an empty result', () => {
    const page = { time_entries: [liveEntry], meta: { ...pagination, total_hours: 0.8167 } };
    expect(validateResponse(reportTimeEntriesResponseSchema, page, 'test').meta.total_hours).toBe(0.8167);
    const empty = {
      time_entries: [],
      meta: { total: 0, per_page: 100, current_page: 1, last_page: null, total_hours: 0 },
    };
    expect(validateResponse(reportTimeEntriesResponseSchema, empty, 'test').meta.last_page).toBeNull();
  });

  it('projects (the archived example of the spec), tasks and clients', () => {
    const project = {
      id: 56790,
      client: { id: 123456, name: 'Ms. Francis', code: null, state: 'active' },
      name: 'Branch Opening',
      code: 'fr1',
      direct: 'is_direct_through_task_assignments',
      task_assignments: [{ task_id: 34567, direct: true }],
      participations: [{ user_id: 789456 }],
      state: 'archived',
    };
    const internal = { ...project, id: 1, client: null, direct: null, task_assignments: null };
    expect(
      validateResponse(projectsResponseSchema, { projects: [project, internal], meta: pagination }, 'test')
        .projects,
    ).toHaveLength(2);
    const task = { id: 34567, name: 'Advies', code: null, direct: null, state: 'active' };
    expect(
      validateResponse(tasksResponseSchema, { tasks: [task], meta: pagination }, 'test').tasks,
    ).toHaveLength(1);
    const client = { id: 123456, name: 'Ms. Francis', code: 'MF', state: 'inactive' };
    expect(
      validateResponse(clientsResponseSchema, { clients: [client], meta: pagination }, 'test').clients,
    ).toHaveLength(1);
  });

  it('the report example of the spec', () => {
    const body = {
      report: {
        from: '2026-06-08',
        to: '2026-06-14',
        row_type: 'project',
        rows: [
          {
            id: '12346',
            description: 'Branch Opening #fr1 – Ms. Francis',
            url: null,
            hours: 23.4,
            direct_hours: 19.2,
          },
          {
            id: '78945',
            description: "General – Ella's Evenementenbureau",
            url: null,
            hours: 5.7,
            direct_hours: 0,
          },
        ],
        total_hours: 29.1,
        total_direct_hours: 19.2,
      },
    };
    expect(validateResponse(reportResponseSchema, body, 'test').report.rows).toHaveLength(2);
    const belowPlus = {
      report: {
        ...body.report,
        rows: [{ ...body.report.rows[0], direct_hours: null }],
        total_direct_hours: null,
      },
    };
    expect(validateResponse(reportResponseSchema, belowPlus, 'test').report.total_direct_hours).toBeNull();
  });

  it('a write response, defaulting missing meta lists to empty', () => {
    const full = {
      time_entry: liveEntry,
      meta: {
        created_additional_time_entry_ids: [],
        modified_existing_time_entry_ids: [7],
        deleted_existing_time_entry_ids: [],
      },
    };
    expect(
      validateResponse(timeEntryWriteResponseSchema, full, 'test').meta.modified_existing_time_entry_ids,
    ).toEqual([7]);
    expect(validateResponse(timeEntryWriteResponseSchema, { time_entry: liveEntry }, 'test').meta).toEqual({
      created_additional_time_entry_ids: [],
      modified_existing_time_entry_ids: [],
      deleted_existing_time_entry_ids: [],
    });
  });

  it('the error body, with and without a message', () => {
    expect(
      validateResponse(errorBodySchema, { error: { message: 'Niet gevonden.' } }, 'test').error.message,
    ).toBe('Niet gevonden.');
    // Field errors are not read, and a body without a message is still an error body.
    expect(
      validateResponse(errorBodySchema, { error: { message: 'x', errors: { note: ['te lang'] } } }, 'test'),
    ).toEqual({ error: { message: 'x' } });
    expect(validateResponse(errorBodySchema, { error: {} }, 'test').error.message).toBeUndefined();
  });
});

describe('response schemas reject wrong shapes with the failing path', () => {
  it("hours as a string, beyond Keeping's 0..1000, and a day that is not on the calendar", () => {
    expectUnexpected(
      () => validateResponse(timeEntrySchema, { ...liveEntry, hours: '0.8' }, 'test'),
      'hours',
    );
    expectUnexpected(
      () => validateResponse(timeEntrySchema, { ...liveEntry, hours: 1000.5 }, 'test'),
      'hours',
    );
    expectUnexpected(() => validateResponse(timeEntrySchema, { ...liveEntry, hours: -1 }, 'test'), 'hours');
    expectUnexpected(
      () => validateResponse(timeEntrySchema, { ...liveEntry, date: '2026-02-30' }, 'test'),
      'date',
    );
    expect(
      validateResponse(timeEntrySchema, { ...liveEntry, date: '2028-02-29', hours: 1000 }, 'test').hours,
    ).toBe(1000);
  });

  it('the hyphenated key the spec prose wrongly shows', () => {
    const body = { 'time-entries': [liveEntry], meta: { user_id: 1, date: '2026-05-29' } };
    expectUnexpected(() => validateResponse(timeEntriesResponseSchema, body, 'test'), 'time_entries');
  });

  it('an unknown purpose, an unknown role and a non-date day', () => {
    const body = { time_entries: [], meta: { user_id: 1, date: '29-05-2026' } };
    expectUnexpected(
      () => validateResponse(timeEntrySchema, { ...liveEntry, purpose: 'holiday' }, 'test'),
      'purpose',
    );
    expectUnexpected(() => validateResponse(timeEntriesResponseSchema, body, 'test'), 'meta.date');
    const user = { id: 1, first_name: 'A', surname: 'B', code: null, role: 'owner', state: 'active' };
    expectUnexpected(() => validateResponse(userResponseSchema, { user }, 'test'), 'user.role');
  });

  it('pagination meta without last_page, and a missing envelope', () => {
    const body = { users: [], meta: { total: 0, per_page: 100, current_page: 1 } };
    expectUnexpected(() => validateResponse(usersResponseSchema, body, 'test'), 'meta.last_page');
    expectUnexpected(() => validateResponse(organisationsResponseSchema, [], 'test'), 'organisations');
    expectUnexpected(() => validateResponse(organisationsResponseSchema, null, 'test'), '(root)');
  });

  it('names the request in the message and caps the listed issues', () => {
    const user = { id: 1, first_name: 'A', surname: 'B', code: null, role: 'administrator', state: 'active' };
    const broken = Array.from({ length: 8 }, () => ({ ...user, id: 'x' }));
    try {
      validateResponse(usersResponseSchema, { users: broken, meta: pagination }, 'GET /1/users', 200);
      throw new Error('expected a failure');
    } catch (error) {
      const failure = error as UrenbrugError;
      expect(failure.message).toContain('GET /1/users');
      expect(failure.status).toBe(200);
      expect(failure.detail).toContain('users.0.id');
      expect(failure.detail).toContain('and 3 more');
    }
  });
});
