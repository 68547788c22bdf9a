/**
 * The main sandbox organisation: a Dutch accountancy and advisory firm with real-looking names
 * (surname prefixes, apostrophes, ampersands), clients with codes, and projects covering every
 * direct/indirect setting Keeping has. Fixed data: only the entries depend on the random seed.
 */
import type { Client, OrganisationData, Project, ProjectDirect, Task, User } from '../model/types';

export const SANDBOX_ORGANISATION_ID = 40517;
export const SANDBOX_USER_IDS = { admin: 55401, member: 55406, otherAccount: 55490 } as const;

const user = (
  id: number,
  first: string,
  surname: string,
  code: string,
  role: User['role'],
  state: User['state'] = 'active',
): User => ({
  id,
  first_name: first,
  surname,
  code,
  role,
  state,
});

export const FIRM_USERS: User[] = [
  user(55401, 'Sanne', 'Bakker', 'SB', 'administrator'),
  user(55402, 'Joost', 'de Vries', 'JDV', 'administrator'),
  user(55403, 'Annelies', 'van der Berg', 'AVDB', 'team_manager'),
  user(55404, 'Pieter', 'van den Heuvel', 'PVDH', 'team_member'),
  user(55405, 'Fatima', 'El Amrani', 'FEA', 'team_member'),
  user(55406, 'Daan', 'van der Meer', 'DVDM', 'team_member'),
  user(55407, 'Lotte', 'Jansen', 'LJ', 'team_member'),
  user(55408, 'Emre', 'Yılmaz', 'EY', 'team_member'),
  user(55409, 'Eva', 'de Jong', 'EDJ', 'team_member'),
  user(55410, 'Thijs', 'Visser', 'TV', 'team_member'),
  user(55411, 'Noor', "van 't Hof", 'NVH', 'team_member'),
  user(55412, 'Bram', 'Smit', 'BS', 'team_member', 'inactive'),
  user(55413, 'Willemijn', 'ter Horst', 'WTH', 'team_member', 'blocked'),
];

const task = (
  id: number,
  name: string,
  code: string,
  direct: boolean,
  state: Task['state'] = 'active',
): Task => ({
  id,
  name,
  code,
  direct,
  state,
});

export const TASK = {
  advies: task(34501, 'Advies', 'ADV', true),
  administratie: task(34502, 'Administratie', 'ADM', true),
  jaarrekening: task(34503, 'Jaarrekening', 'JR', true),
  belasting: task(34504, 'Belastingaangifte', 'BELAST', true),
  overleg: task(34505, 'Overleg', 'OVL', false),
  reistijd: task(34506, 'Reistijd', 'REIS', false),
  opleiding: task(34507, 'Opleiding', 'OPL', false),
  acquisitie: task(34508, 'Acquisitie', 'ACQ', false),
  oud: task(34509, 'Oude werkzaamheden', 'OUD', true, 'archived'),
};

const client = (
  id: number,
  name: string,
  code: string | null,
  state: Client['state'] = 'active',
): Client => ({
  id,
  name,
  code,
  state,
});

const CLIENTS: Client[] = [
  client(123401, 'Gemeente Utrecht', 'GEM-UTR'),
  client(123402, 'Bouwbedrijf Jansen B.V.', 'JANSEN'),
  client(123403, 'Stichting Zorggroep Eemland', 'ZGE'),
  client(123404, 'Van Leeuwen Transport B.V.', 'VLT'),
  client(123405, "Bakkerij 't Stoepje", 'STOEPJE'),
  client(123406, 'Huisartsenpraktijk De Linde', 'LINDE'),
  client(123407, 'Café & Restaurant De Gouden Leeuw', 'GOUDLEEUW'),
  // Inactive because its only projects are archived (Keeping's definition).
  client(123408, 'Erven Hoogendijk', 'HOOGENDIJK', 'inactive'),
];

interface ProjectPlan {
  client: number | null;
  name: string;
  code: string | null;
  direct: ProjectDirect;
  tasks: Task[];
  /** Assignment-level overrides of the task default, for "direct through task assignments". */
  overrides?: Partial<Record<number, boolean>>;
  archived?: boolean;
}

const CLIENT_TASKS = [TASK.advies, TASK.administratie, TASK.overleg, TASK.reistijd];
const THROUGH: ProjectDirect = 'is_direct_through_task_assignments';
const DIRECT: ProjectDirect = 'entire_project_is_direct';
const INDIRECT: ProjectDirect = 'entire_project_is_indirect';

const PLANS: ProjectPlan[] = [
  {
    client: 123401,
    name: 'Subsidieaanvraag Wijkvernieuwing',
    code: 'UTR-01',
    direct: DIRECT,
    tasks: CLIENT_TASKS,
  },
  {
    client: 123401,
    name: 'Controle jaarrekening 2025',
    code: 'UTR-02',
    direct: THROUGH,
    tasks: [...CLIENT_TASKS, TASK.jaarrekening],
    // The municipality pays for meetings on this audit, unlike the task default.
    overrides: { [TASK.overleg.id]: true },
  },
  { client: 123401, name: 'Adviestraject Huisvesting', code: 'UTR-03', direct: DIRECT, tasks: CLIENT_TASKS },
  {
    client: 123402,
    name: 'Jaarrekening 2025',
    code: 'JAN-JR25',
    direct: THROUGH,
    tasks: [...CLIENT_TASKS, TASK.jaarrekening],
  },
  {
    client: 123402,
    name: 'Fiscaal advies herstructurering',
    code: 'JAN-FIS',
    direct: DIRECT,
    tasks: [...CLIENT_TASKS, TASK.belasting],
  },
  { client: 123402, name: 'Loonadministratie', code: 'JAN-LOON', direct: DIRECT, tasks: CLIENT_TASKS },
  { client: 123403, name: 'Begroting 2027', code: 'ZGE-BEGR', direct: DIRECT, tasks: CLIENT_TASKS },
  { client: 123403, name: 'Interim controller', code: 'ZGE-IC', direct: DIRECT, tasks: CLIENT_TASKS },
  { client: 123403, name: 'Kwaliteitsaudit', code: 'ZGE-AUD', direct: THROUGH, tasks: CLIENT_TASKS },
  {
    client: 123404,
    name: 'Jaarrekening 2025',
    code: 'VLT-JR25',
    direct: THROUGH,
    tasks: [...CLIENT_TASKS, TASK.jaarrekening],
  },
  {
    client: 123404,
    name: 'Btw-aangiften',
    code: 'VLT-BTW',
    direct: DIRECT,
    tasks: [...CLIENT_TASKS, TASK.belasting],
  },
  { client: 123404, name: 'Fusieonderzoek', code: 'VLT-FUS', direct: DIRECT, tasks: CLIENT_TASKS },
  { client: 123405, name: 'Administratie', code: 'STP-ADM', direct: DIRECT, tasks: CLIENT_TASKS },
  {
    client: 123405,
    name: 'Inkomstenbelasting 2025',
    code: 'STP-IB25',
    direct: DIRECT,
    tasks: [...CLIENT_TASKS, TASK.belasting],
  },
  {
    client: 123406,
    name: 'Praktijkovername',
    code: 'LINDE-OVN',
    direct: THROUGH,
    tasks: CLIENT_TASKS,
    overrides: { [TASK.reistijd.id]: true },
  },
  {
    client: 123406,
    name: 'Jaarrekening 2025',
    code: 'LINDE-JR25',
    direct: DIRECT,
    tasks: [...CLIENT_TASKS, TASK.jaarrekening],
  },
  // A fixed-fee engagement: hours are tracked but never billed.
  { client: 123406, name: 'Vaste vergoeding', code: 'LINDE-VAST', direct: INDIRECT, tasks: CLIENT_TASKS },
  {
    client: 123407,
    name: 'Btw-aangiften',
    code: 'GL-BTW',
    direct: DIRECT,
    tasks: [...CLIENT_TASKS, TASK.belasting],
  },
  { client: 123407, name: 'Financieringsaanvraag', code: null, direct: DIRECT, tasks: CLIENT_TASKS },
  {
    client: 123408,
    name: 'Afwikkeling nalatenschap',
    code: 'HGD-NAL',
    direct: DIRECT,
    tasks: [...CLIENT_TASKS, TASK.oud],
    archived: true,
  },
  {
    client: 123408,
    name: 'Aangifte erfbelasting',
    code: 'HGD-ERF',
    direct: DIRECT,
    tasks: CLIENT_TASKS,
    archived: true,
  },
  {
    client: null,
    name: 'Interne organisatie',
    code: 'INT-ORG',
    direct: INDIRECT,
    tasks: [TASK.administratie, TASK.overleg],
  },
  {
    client: null,
    name: 'Opleiding & ontwikkeling',
    code: 'INT-OPL',
    direct: INDIRECT,
    tasks: [TASK.opleiding, TASK.overleg],
  },
  {
    client: null,
    name: 'Acquisitie',
    code: 'INT-ACQ',
    direct: INDIRECT,
    tasks: [TASK.acquisitie, TASK.overleg],
  },
  {
    client: null,
    name: 'Kantoorverhuizing 2026',
    code: 'INT-VERH',
    direct: INDIRECT,
    tasks: [TASK.overleg, TASK.reistijd],
  },
];

/** Who books where: administrators everywhere, others on internal work and a rotating third of clients. */
function participants(projectIndex: number, internal: boolean): Array<{ user_id: number }> {
  return FIRM_USERS.filter((member, userIndex) => {
    if (member.role === 'administrator' || internal) return true;
    return (projectIndex + userIndex) % 3 === 0;
  }).map((member) => ({ user_id: member.id }));
}

export function createFirm(): OrganisationData {
  const clients = CLIENTS.map((item) => ({ ...item }));
  const projects: Project[] = PLANS.map((plan, index) => ({
    id: 573201 + index,
    client: plan.client === null ? null : { ...(clients.find((item) => item.id === plan.client) as Client) },
    name: plan.name,
    code: plan.code,
    direct: plan.direct,
    task_assignments: plan.tasks.map((item) => ({
      task_id: item.id,
      direct: plan.overrides?.[item.id] ?? item.direct,
    })),
    participations: participants(index, plan.client === null),
    state: plan.archived ? 'archived' : 'active',
  }));
  return {
    organisation: {
      id: SANDBOX_ORGANISATION_ID,
      name: 'Bakker & De Vries Adviseurs',
      url: 'https://bakker-de-vries.keeping.nl',
      current_plan: 'plus_2024',
      features: { timesheet: 'times', projects: true, tasks: true, breaks: true },
      time_zone: 'Europe/Amsterdam',
      currency: 'EUR',
    },
    users: FIRM_USERS.map((item) => ({ ...item })),
    clients,
    projects,
    tasks: Object.values(TASK).map((item) => ({ ...item })),
    timeEntries: [],
  };
}
