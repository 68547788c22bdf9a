/**
 * Matching an Exact Online customer to a Keeping client. Both systems are typed by hand, so
 * "Bakkerij De Vries B.V." in Exact is often "Bakkerij de Vries" in Keeping: names are compared
 * after normalising case, accents, punctuation and legal forms. A match is only a suggestion;
 * the bookkeeper confirms it.
 */
import type { Client } from './keeping-types';

/** Legal-form tokens that say nothing about which company it is (after dots are removed). */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'bv',
  'nv',
  'vof',
  'cv',
  'bvba',
  'bvi',
  'gmbh',
  'ltd',
  'llc',
  'inc',
  'plc',
  'sarl',
]);

/**
 * A company name reduced to what identifies it: lower case, accents and punctuation gone,
 * legal forms ("B.V.", "N.V.", "V.O.F.") dropped, single spaces. "" when nothing is left.
 */
export function normaliseCompanyName(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Dots inside abbreviations go first, so "B.V." becomes the token "bv".
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (plain === '') return '';
  return plain
    .split(' ')
    .filter((token) => !LEGAL_FORMS.has(token))
    .join(' ');
}

/** Codes as people type them: trimmed, case-insensitive, "001001" equal to "1001". */
export function normaliseCode(code: string | null | undefined): string {
  const trimmed = (code ?? '').trim().toLowerCase();
  return /^\d+$/.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : trimmed;
}

export type MatchReason = 'code' | 'name' | 'similar';

export interface ClientSuggestion {
  client: Client;
  reason: MatchReason;
}

/**
 * The Keeping client that most likely is this Exact customer, or null when none or several fit
 * equally well. Order: the same code, then the same normalised name, then a name whose tokens
 * start the other's ("Bakkerij de Vries" for "Bakkerij De Vries Haarlem B.V."). Active clients
 * win over inactive ones at every step.
 */
export function suggestClient(
  customer: { code: string; name: string },
  clients: readonly Client[],
): ClientSuggestion | null {
  const active = clients.filter((client) => client.state === 'active');
  const inactive = clients.filter((client) => client.state !== 'active');
  const code = normaliseCode(customer.code);
  const name = normaliseCompanyName(customer.name);
  const steps: [MatchReason, (client: Client) => boolean][] = [
    ['code', (client) => code !== '' && normaliseCode(client.code) === code],
    ['name', (client) => name !== '' && normaliseCompanyName(client.name) === name],
    ['similar', (client) => name !== '' && tokensOverlapAtStart(normaliseCompanyName(client.name), name)],
  ];
  for (const [reason, matches] of steps) {
    for (const pool of [active, inactive]) {
      const found = pool.filter(matches);
      if (found.length === 1) return { client: found[0]!, reason };
      // Two equally good candidates: guessing would be worse than asking.
      if (found.length > 1) return null;
    }
  }
  return null;
}

/** True when the shorter name's tokens are the first tokens of the longer one. */
function tokensOverlapAtStart(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // A very short name ("de", "abc") would match half the client list.
  if (short.length < 4) return false;
  return long === short || long.startsWith(`${short} `);
}
