/**
 * Ordinary working days for every active user: a morning start, blocks of work on the projects
 * they take part in, usually a lunch break, now and then a day of leave or sickness. Generated
 * from today backwards so a requested entry count cuts off the oldest days, never recent ones.
 */
import type { EntrySpec } from '../model/entry-factory';
import type { Random } from '../model/prng';
import { addDays, isoWeekday, zonedInstant } from '../model/time-zone';
import type { OrganisationData, Project, Purpose } from '../model/types';
import { NOTES_BY_TASK } from './notes';

/** Part-timers: user id → weekdays they do not work (1 = Monday). */
const DAYS_OFF: Record<number, number[]> = { 55407: [3], 55409: [5], 55411: [1, 5] };

export interface GenerateOptions {
  today: string;
  nowMs: number;
  /** Stop at this day (inclusive) … */
  firstDay: string | null;
  /** … or once this many entries exist. */
  budget: number | null;
  /** `${userId}|${date}` pairs the special entries already fill. */
  skip: Set<string>;
}

interface Block {
  purpose: Purpose;
  start: number;
  end: number;
  project: Project | null;
  taskId: number | null;
  note: string | null;
}

function bookable(data: OrganisationData, userId: number, day: string, today: string): Project[] {
  // The archived projects were closed about two months ago; before that people still booked on them.
  const archivedStillOpen = day < addDays(today, -60);
  return data.projects.filter(
    (project) =>
      project.participations.some((item) => item.user_id === userId) &&
      (project.state === 'active' || archivedStillOpen),
  );
}

function workBlock(
  data: OrganisationData,
  random: Random,
  projects: Project[],
  start: number,
  end: number,
): Block {
  const clientProjects = projects.filter((project) => project.client !== null);
  const pool = clientProjects.length > 0 && random.chance(0.8) ? clientProjects : projects;
  const project = random.pick(pool);
  const taskIds = (project.task_assignments ?? []).map((item) => item.task_id);
  const taskId = taskIds.length > 0 ? random.pick(taskIds) : null;
  const taskName = data.tasks.find((item) => item.id === taskId)?.name ?? 'Overleg';
  const notes = NOTES_BY_TASK[taskName] ?? [];
  const note = notes.length > 0 && random.chance(0.85) ? random.pick(notes) : null;
  return { purpose: 'work', start, end, project, taskId, note };
}

function daySchedule(
  data: OrganisationData,
  random: Random,
  userId: number,
  day: string,
  today: string,
): Block[] {
  const roll = random.next();
  if (roll < 0.02)
    return [
      { purpose: 'statutory_leave', start: 540, end: 1020, project: null, taskId: null, note: 'Vrije dag' },
    ];
  if (roll < 0.03)
    return [{ purpose: 'sick_leave', start: 540, end: 1020, project: null, taskId: null, note: null }];
  const projects = bookable(data, userId, day, today);
  if (projects.length === 0) return [];
  const blocks: Block[] = [];
  let cursor = 480 + random.int(0, 6) * 15; // 08:00–09:30
  const lunchAt = 720 + random.int(0, 4) * 15; // 12:00–13:00
  const dayEnd = 990 + random.int(0, 6) * 15; // 16:30–18:00
  let lunched = false;
  while (cursor < dayEnd - 15) {
    if (!lunched && cursor >= lunchAt) {
      lunched = true;
      if (random.chance(0.75)) {
        blocks.push({
          purpose: 'break',
          start: cursor,
          end: cursor + 30,
          project: null,
          taskId: null,
          note: null,
        });
        cursor += 30;
        continue;
      }
    }
    let end = Math.min(dayEnd, cursor + random.int(3, 14) * 15);
    if (!lunched && end > lunchAt) end = Math.max(cursor + 15, lunchAt);
    blocks.push(workBlock(data, random, projects, cursor, end));
    // Sometimes a few minutes go unbooked between blocks, as in real timesheets.
    cursor = end + (random.chance(0.25) ? random.int(1, 3) * 5 : 0);
  }
  return blocks;
}

/** Generates entry specs (ids are assigned later, in chronological order). */
export function generateWorkdays(
  data: OrganisationData,
  random: Random,
  options: GenerateOptions,
): EntrySpec[] {
  const zone = data.organisation.time_zone;
  const workers = data.users.filter((user) => user.state === 'active');
  const specs: EntrySpec[] = [];
  const full = () => options.budget !== null && specs.length >= options.budget;
  // Guards against a budget nobody can fill (no active users): give up after 25 years.
  const lastResort = addDays(options.today, -25 * 366);
  for (let day = options.today; !full(); day = addDays(day, -1)) {
    if ((options.firstDay !== null && day < options.firstDay) || day < lastResort) break;
    const weekday = isoWeekday(day);
    if (weekday > 5) continue;
    for (const user of workers) {
      if (full()) break;
      if (DAYS_OFF[user.id]?.includes(weekday) || options.skip.has(`${user.id}|${day}`)) continue;
      const approval = day < addDays(options.today, -14) ? 'approved' : 'unsubmitted';
      for (const block of daySchedule(data, random, user.id, day, options.today)) {
        const startMs = zonedInstant(day, block.start, zone);
        const endMs = zonedInstant(day, block.end, zone);
        // Today only holds what has already happened.
        if (endMs > options.nowMs || full()) continue;
        specs.push({
          id: 0,
          userId: user.id,
          date: day,
          purpose: block.purpose,
          projectId: block.project?.id ?? null,
          taskId: block.taskId,
          note: block.note,
          startMs,
          endMs,
          approvalStatus: approval,
        });
      }
    }
  }
  return specs;
}
