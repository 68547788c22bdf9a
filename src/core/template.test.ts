import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXACT_DESCRIPTION_MAX_LENGTH } from './exact-rules';
import { DEFAULT_DESCRIPTION_TEMPLATE, type DescriptionValues, renderDescription } from './template';

const values: DescriptionValues = {
  project: 'Website',
  task: 'Ontwerp',
  employee: 'Anna de Vries',
  period: 'april 2026',
  date: '3 april 2026',
  notes: ['Overleg', 'Schetsen'],
};

describe('renderDescription', () => {
  it('fills Dutch tokens and English aliases, case-insensitively', () => {
    expect(renderDescription('{project} - {taak} - {periode}', values)).toBe(
      'Website - Ontwerp - april 2026',
    );
    expect(renderDescription('{medewerker}, {datum}: {notities}', values)).toBe(
      'Anna de Vries, 3 april 2026: Overleg; Schetsen',
    );
    expect(renderDescription('{task} {employee} {period} {date} {notes}', values)).toBe(
      'Ontwerp Anna de Vries april 2026 3 april 2026 Overleg; Schetsen',
    );
    expect(renderDescription('{Project} {TAAK}', values)).toBe('Website Ontwerp');
  });

  it('never expands tokens that appear inside values', () => {
    expect(renderDescription('{notities} {project}', { ...values, notes: ['zie {project}'] })).toBe(
      'zie {project} Website',
    );
  });

  it('leaves unknown tokens visible', () => {
    expect(renderDescription('{project} {klant} {}', values)).toBe('Website {klant} {}');
  });

  it('drops the separator an empty value leaves behind', () => {
    const noTask = { ...values, task: '' };
    expect(renderDescription(DEFAULT_DESCRIPTION_TEMPLATE, noTask)).toBe('Website - april 2026');
    expect(renderDescription('{taak} - {project}', noTask)).toBe('Website');
    expect(renderDescription('{project} ({taak})', noTask)).toBe('Website');
    expect(renderDescription('{project} [{taak}] x', noTask)).toBe('Website x');
    expect(renderDescription('Uren: {taak}', noTask)).toBe('Uren');
    expect(renderDescription('{taak} - {taak} - {project}', noTask)).toBe('Website');
    expect(renderDescription('{project}{taak}-x', noTask)).toBe('Website-x'); // glued text stays
    expect(renderDescription('{taak}', noTask)).toBe('');
    expect(renderDescription('{project} - {taak} - {notities}', { ...noTask, notes: [] })).toBe('Website');
  });

  it('keeps text as text: no HTML handling, control characters and line breaks become spaces', () => {
    expect(renderDescription('{notities}', { ...values, notes: ['<b>vet</b> & "zo"'] })).toBe(
      '<b>vet</b> & "zo"',
    );
    expect(
      renderDescription('{notities}', {
        ...values,
        notes: ['regel 1\r\nregel 2\tx\u0000y', '  ', '\u2028z'],
      }),
    ).toBe('regel 1 regel 2 x y; z');
    expect(renderDescription('a\n{project}', values)).toBe('a Website');
  });

  it('caps the length with an ellipsis without splitting a surrogate pair', () => {
    const long = renderDescription('{notities}', { ...values, notes: ['x'.repeat(400)] });
    expect(long).toHaveLength(EXACT_DESCRIPTION_MAX_LENGTH);
    expect(long.endsWith('…')).toBe(true);
    const emoji = renderDescription('{notities}', { ...values, notes: [`${'x'.repeat(253)}😀😀`] });
    expect(emoji).toBe(`${'x'.repeat(253)}…`);
    expect(renderDescription('abcdef', values, 4)).toBe('abc…');
    expect(() => renderDescription('a', values, 0)).toThrow(RangeError);
  });

  it('always returns trimmed single-line text within the cap', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', '\n', '\t', '-', '{', '}', '😀', '\u0007', 'é'),
    });
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(text),
        fc.integer({ min: 1, max: 300 }),
        (template, project, notes, max) => {
          const out = renderDescription(`${template}{project}{notities}`, { ...values, project, notes }, max);
          expect(out.length).toBeLessThanOrEqual(max);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting they are gone.
          expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
          expect(out).toBe(out.trim());
          expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
        },
      ),
    );
  });
});
