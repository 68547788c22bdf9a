/**
 * Invoice-line descriptions from a template with Dutch tokens ({project}, {taak},
 * {medewerker}, {periode}, {datum}, {notities}) or their English aliases. The result is plain,
 * single-line text (it is set as an input's value, never as HTML), capped at Exact's
 * description length.
 */
import { EXACT_DESCRIPTION_MAX_LENGTH } from './exact-rules';

export interface DescriptionValues {
  project: string;
  task: string;
  employee: string;
  period: string;
  date: string;
  notes: readonly string[];
}

/** A sensible start: empty parts and their separators drop out (see `renderDescription`). */
export const DEFAULT_DESCRIPTION_TEMPLATE = '{project} - {taak} - {periode}';

const TOKENS: Record<string, keyof DescriptionValues> = {
  project: 'project',
  taak: 'task',
  task: 'task',
  medewerker: 'employee',
  employee: 'employee',
  periode: 'period',
  period: 'period',
  datum: 'date',
  date: 'date',
  notities: 'notes',
  notes: 'notes',
};

/** Token names users may type, Dutch first. */
export const TEMPLATE_TOKENS: readonly string[] = /* @__PURE__ */ Object.keys(TOKENS);

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const TOKEN_PATTERN = /\{([^{}\s]+)\}/g;
// Whitespace, optionally around one separator character.
const SEPARATOR_AT_END = /\s*[-–—|/·:,;]?\s*$/;
const SEPARATOR_AT_START = /^\s*[-–—|/·:,;]?\s*/;

/**
 * Fills the template. Tokens are case-insensitive; unknown tokens stay as typed so a typo is
 * visible. A token that resolves to nothing takes one neighbouring separator (" - ", ", ",
 * ": ", …) or a surrounding pair of brackets with it, so "{project} - {taak}" without a task
 * reads "Website", not "Website -". Control characters and line breaks in values become
 * spaces, runs of spaces collapse, and the result is cut to `maxLength` with "…".
 */
export function renderDescription(
  template: string,
  values: DescriptionValues,
  maxLength: number = EXACT_DESCRIPTION_MAX_LENGTH,
): string {
  return compileDescription(template, maxLength)(values);
}

/**
 * `renderDescription` with the template parsed once, for rendering many lines: scalar values
 * (project, task, … names repeat across lines) are cleaned once and remembered.
 */
export function compileDescription(
  template: string,
  maxLength: number = EXACT_DESCRIPTION_MAX_LENGTH,
): (values: DescriptionValues) => string {
  if (!Number.isInteger(maxLength) || maxLength < 1)
    throw new RangeError(`maxLength must be ≥ 1, got ${maxLength}`);
  // literals[i] precedes fields[i]; literals has one more element than fields.
  const literals: string[] = [];
  const fields: Array<keyof DescriptionValues> = [];
  let last = 0;
  for (const match of template.matchAll(TOKEN_PATTERN)) {
    const field = TOKENS[(match[1] ?? '').toLowerCase()];
    if (field === undefined) continue; // unknown: stays inside the literal text
    literals.push(template.slice(last, match.index));
    fields.push(field);
    last = match.index + match[0].length;
  }
  literals.push(template.slice(last));

  const cleaned = new Map<string, string>();
  const cleanScalar = (text: string): string => {
    let result = cleaned.get(text);
    if (result === undefined) {
      result = clean(text);
      cleaned.set(text, result);
    }
    return result;
  };

  return (values) => {
    // parts alternates literal text (even indexes) and token values (odd indexes).
    const parts: string[] = [literals[0] ?? ''];
    fields.forEach((field, index) => {
      parts.push(field === 'notes' ? joinNotes(values.notes) : cleanScalar(values[field]));
      parts.push(literals[index + 1] ?? '');
    });
    for (let token = 1; token < parts.length; token += 2) {
      if (parts[token] === '') dropSeparator(parts, token);
    }
    return truncate(clean(parts.join('')), maxLength);
  };
}

/**
 * Removes the separator an empty token at `index` leaves behind: a surrounding bracket pair;
 * else, when there is text before it, a separator ending that text; else (nothing before it)
 * a separator starting the text after it. Text glued to the token is left alone.
 */
function dropSeparator(parts: string[], index: number): void {
  const before = parts[index - 1] ?? '';
  const after = parts[index + 1] ?? '';
  const open = /\s*([([])$/.exec(before);
  if (open && after.startsWith(open[1] === '(' ? ')' : ']')) {
    parts[index - 1] = before.slice(0, before.length - open[0].length);
    parts[index + 1] = after.slice(1);
    return;
  }
  const textBefore = parts.slice(0, index).join('').trim() !== '';
  if (textBefore) parts[index - 1] = before.replace(SEPARATOR_AT_END, '');
  else parts[index + 1] = after.replace(SEPARATOR_AT_START, '');
}

function joinNotes(notes: readonly string[]): string {
  return notes
    .map(clean)
    .filter((note) => note !== '')
    .join('; ');
}

/** Plain single-line text: control characters and line/paragraph separators become spaces. */
function clean(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

/** Cuts to `maxLength` UTF-16 units (what Exact's field counts) without splitting a surrogate pair. */
function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let cut = maxLength - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // would end on a high surrogate
  return `${text.slice(0, cut).trimEnd()}…`;
}
