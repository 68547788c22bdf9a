// @vitest-environment node
/**
 * The skeleton leaks nothing: on both sandbox screens, saved invoices with a customer and lines,
 * every input, cell and text inside a cell is filled with random strings, and none of them appears
 * anywhere in the skeleton — while the ids, column headers and labels support needs are there.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../../sandbox/exact/server';
import { addSavedInvoice } from '../../../sandbox/exact/testing/fixtures';
import { documentAt } from '../testing/sandbox-html';
import { screenSkeleton } from './skeleton';

let exact: ExactSandbox;
const ENTRY_ID = '7b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d';

beforeAll(async () => {
  exact = await startExactSandbox({ lookupLatencyMs: 0 });
  addSavedInvoice(exact.state, {
    entryId: ENTRY_ID,
    customerName: 'Gemeente Utrecht',
    invoiceNumber: 20260012,
    description: 'Uren november',
    lines: [
      { itemCode: 'UREN', description: 'Advies', quantity: 2, unitPriceCents: 9500, notes: 'Anna 2:00' },
      { itemCode: 'UREN', description: 'Beheer', quantity: 1.5, unitPriceCents: 9500 },
    ],
  });
});

afterAll(async () => {
  await exact.close();
});

/** Every string anywhere in the parsed skeleton, joined: escaping cannot hide a leak. */
function allText(skeleton: string): string {
  const strings: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(JSON.parse(skeleton));
  return strings.join('\n');
}

/**
 * Puts a random string into every input (property and attribute) and every cell's own text, and
 * that of everything inside a cell but a field label (labels are kept on purpose).
 */
function fill(doc: Document, next: () => string): void {
  for (const input of doc.querySelectorAll<HTMLInputElement>('input, textarea')) {
    const value = next();
    input.value = value;
    input.setAttribute('value', value);
  }
  for (const option of doc.querySelectorAll('option')) option.textContent = next();
  for (const element of doc.querySelectorAll('td, td *')) {
    if (element.tagName === 'INPUT' || element.tagName === 'SELECT' || element.closest('label')) continue;
    for (const node of [...element.childNodes]) if (node.nodeType === 3) node.remove();
    element.append(doc.createTextNode(next()));
  }
  for (const span of doc.querySelectorAll('[title]')) span.setAttribute('title', next());
}

const SCREENS = [
  ['standard', `&EntryID=%7b${ENTRY_ID}%7d`],
  ['reference2', `&ID=%7b${ENTRY_ID}%7d&sandboxVariant=reference2`],
] as const;
const CASES = SCREENS.flatMap(([name, query]) =>
  (['nl', 'en'] as const).map((language) => ({
    name,
    language,
    path: `/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}${query}&sandboxLang=${language}`,
  })),
);
/** Fetched once: the property runs long without the event loop, and the server's sockets time out. */
const pages = new Map<string, string>();

beforeAll(async () => {
  for (const { path } of CASES) pages.set(path, await (await fetch(`${exact.url}${path}`)).text());
});

describe.each(CASES)('the skeleton of the $name screen in $language', ({ path, language }) => {
  const open = () => documentAt(path, pages.get(path) ?? '');

  it('keeps ids, names, classes, column headers and labels, and no customer data', () => {
    const text = allText(screenSkeleton(open()));
    expect(text).toContain('#grd_r1');
    expect(text).toContain(language === 'nl' ? '"Omschrijving"' : '"Description"');
    expect(text).toContain(language === 'nl' ? '"Factuur aan"' : '"Invoice to"');
    for (const data of ['Gemeente Utrecht', 'Advies', 'Anna 2:00', '20260012', ENTRY_ID, '95']) {
      expect(text).not.toContain(data);
    }
  });

  it('shows none of the random strings put into inputs and cells', () => {
    const baseline = allText(screenSkeleton(open()));
    fc.assert(
      fc.property(
        fc.array(
          fc
            .string({ minLength: 5, maxLength: 24, unit: 'grapheme' })
            .filter((value) => value.replace(/\s+/g, ' ').trim().length >= 5),
          { minLength: 1, maxLength: 40 },
        ),
        (samples) => {
          const doc = open();
          let index = 0;
          const used: string[] = [];
          fill(doc, () => {
            const value = samples[index++ % samples.length] ?? 'x';
            used.push(value);
            return value;
          });
          const text = allText(screenSkeleton(doc));
          for (const value of used) {
            const shown = value.replace(/\s+/g, ' ').trim();
            if (!baseline.includes(shown)) expect(text).not.toContain(shown);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
