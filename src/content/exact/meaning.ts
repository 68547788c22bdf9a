/**
 * Finding Exact's fields by what a person reads when the registry's ids differ
 * (docs/exact-online.md, Header fields): a label's text leads to its field, and a value is read
 * from whichever element holds it, an input's `value` or an element's text (docs/exact-online.md,
 * Line amounts: the amount may be an input).
 */

/** Lower case, spaces collapsed, a trailing colon, asterisk or "(EUR)" dropped. */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\([a-z]{3}\)$/, '')
    .replace(/\s*[:*]+$/, '')
    .trim();
}

export function matchesLabel(text: string, labels: readonly string[]): boolean {
  return labels.includes(normaliseLabel(text));
}

/** The value a person sees in `element`: an input's, select's or textarea's value, else its text. */
export function readValue(element: Element): string {
  if ('value' in element && typeof element.value === 'string' && element.tagName !== 'BUTTON')
    return element.value;
  return element.textContent ?? '';
}

/** The element's own text, without its children's (a caption cell, not the field inside it). */
function ownText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) if (node.nodeType === 3) text += node.textContent ?? '';
  return text;
}

const CAPTION_TAGS = 'label, td, th, span, div, dt';

export interface LabelHit {
  label: Element;
  /** The element the label names (`for`), or null when the caller looks beside it. */
  target: HTMLElement | null;
}

/**
 * Elements whose own text is one of `labels`, outside `exclude` (the line grid, whose headers
 * repeat words such as "Omschrijving"). A `<label for>` comes first, with the element it names.
 */
export function findLabels(doc: Document, labels: readonly string[], exclude: Element | null): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const label of doc.querySelectorAll('label')) {
    if (exclude?.contains(label) || !matchesLabel(label.textContent ?? '', labels)) continue;
    const id = label.getAttribute('for');
    hits.push({ label, target: id ? doc.getElementById(id) : null });
  }
  for (const caption of doc.querySelectorAll(CAPTION_TAGS)) {
    if (caption.tagName === 'LABEL' || exclude?.contains(caption)) continue;
    if (matchesLabel(ownText(caption), labels)) hits.push({ label: caption, target: null });
  }
  return hits;
}

/**
 * The elements after `label` that belong to it: the following cells of its table row, or its
 * following siblings (and theirs, up one level) elsewhere, in document order.
 */
export function besideLabel(label: Element, depth = 0): Element[] {
  const cell = label.closest('td, th');
  const start = cell ?? label;
  const after: Element[] = [];
  let node = start.nextElementSibling;
  while (node) {
    after.push(node, ...node.querySelectorAll('*'));
    node = node.nextElementSibling;
  }
  if (after.length === 0 && !cell && depth === 0 && label.parentElement)
    return besideLabel(label.parentElement, 1);
  return after;
}
