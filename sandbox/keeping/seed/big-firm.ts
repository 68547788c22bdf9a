/**
 * The big-firm seed option: the firm grows to `people` staff, every newcomer a team member who
 * books on one large customer (Gemeente Utrecht, GEM-UTR) and internal work. With 64 people that
 * customer gets about 4,000 entries a month and 50,000 a year, the load issue 10 measures.
 */
import type { OrganisationData } from '../model/types';

/** The customer the newcomers work for. */
export const BIG_CUSTOMER_ID = 123401;
const FIRST_NEW_USER_ID = 55414;

const FIRST_NAMES = ['Anouk', 'Bas', 'Chantal', 'Dirk', 'Esther', 'Floris', 'Gijs', 'Hanna', 'Ivo', 'Joris'];
const SURNAMES = ['de Graaf', 'Mulder', 'Bos', 'van Dam', 'Kok', 'Peters', 'Dekker', 'Brouwer', 'de Wit'];

export function growFirm(firm: OrganisationData, people: number): void {
  const extra = Math.max(0, people - firm.users.length);
  for (let index = 0; index < extra; index++) {
    const id = FIRST_NEW_USER_ID + index;
    const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
    const surname = SURNAMES[Math.floor(index / FIRST_NAMES.length) % SURNAMES.length] as string;
    firm.users.push({
      id,
      first_name: first,
      surname,
      code: `U${id}`,
      role: 'team_member',
      state: 'active',
    });
    for (const project of firm.projects) {
      const theirs = project.client === null || project.client.id === BIG_CUSTOMER_ID;
      if (theirs && project.state === 'active') project.participations.push({ user_id: id });
    }
  }
}
