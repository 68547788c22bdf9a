/**
 * An anonymised skeleton of the screen for support (docs/exact-online.md, Checking a live
 * administration): tag names, ids, names, classes, column headers and field labels, so the
 * registry can be corrected from a live administration. It carries no value, no cell text, no
 * title text beyond the words Urenbrug looks for, no address beyond the path, and nothing of the
 * panel: text is kept only where it is a header (`th`), a `<label>`, or one of the registry's own
 * words, which cannot hold customer data.
 */
import { matchesLabel } from './meaning';
import { PANEL_HOST_ID } from './panel-host';
import { checkScreen } from './screen-check';
import { COLUMN_HEADERS, INVOICE_TITLES, LABELS } from './selectors';
import type { ScreenInspector } from './types';

const KNOWN_WORDS: readonly string[] = [...Object.values(LABELS), ...Object.values(COLUMN_HEADERS)].flat();
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'OPTION']);
const ATTRIBUTES = ['name', 'type', 'for'] as const;
/** A header or label longer than this is no header: left out. */
const MAX_TEXT = 60;

function ownText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) if (node.nodeType === 3) text += node.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

function shownText(element: Element): string | null {
  const text =
    element.tagName === 'TH' || element.tagName === 'LABEL' ? (element.textContent ?? '') : ownText(element);
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '' || clean.length > MAX_TEXT) return null;
  if (element.tagName === 'TH' || element.tagName === 'LABEL') return clean;
  return matchesLabel(clean, KNOWN_WORDS) ? clean : null;
}

function describe(element: Element): string {
  let line = element.tagName.toLowerCase();
  if (element.id) line += `#${element.id}`;
  for (const name of element.classList) line += `.${name}`;
  for (const attribute of ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (value !== null) line += `[${attribute}=${value}]`;
  }
  const colspan = element.getAttribute('colspan');
  if (colspan !== null) line += `[colspan=${colspan}]`;
  const text = shownText(element);
  if (text !== null) line += ` ${JSON.stringify(text)}`;
  return line;
}

function walk(element: Element, depth: number, lines: string[]): void {
  for (const child of element.children) {
    if (SKIPPED.has(child.tagName.toUpperCase()) || child.id === PANEL_HOST_ID) continue;
    lines.push(`${'  '.repeat(depth)}${describe(child)}`);
    walk(child, depth + 1, lines);
  }
}

function titleWord(doc: Document): string | null {
  const title = (doc.querySelector('span.HdrTitle')?.textContent ?? doc.title).toLowerCase();
  return INVOICE_TITLES.find((word) => title.includes(word)) ?? null;
}

/** The skeleton as indented JSON: a header, the screen check's rows, and one line per element. */
export function screenSkeleton(doc: Document): string {
  const lines: string[] = [];
  walk(doc.documentElement, 0, lines);
  return JSON.stringify(
    {
      kind: 'urenbrug-screen-skeleton',
      version: 1,
      path: doc.defaultView?.location.pathname ?? '',
      htmlLang: doc.documentElement.getAttribute('lang'),
      titleWord: titleWord(doc),
      anchors: checkScreen(doc).map(({ anchor, found, how }) => ({ anchor, found, how })),
      elements: lines,
    },
    null,
    1,
  );
}

export function createScreenInspector(doc: Document): ScreenInspector {
  return { check: () => checkScreen(doc), skeleton: () => screenSkeleton(doc) };
}
