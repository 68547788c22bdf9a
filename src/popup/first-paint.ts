/**
 * The popup's first paint: today's total and its age from the kept snapshot, drawn with plain
 * DOM before the app's bundle (Preact, both catalogues) has even loaded. It builds the same
 * elements, classes and words the app's header and totals render (TodayHeader, TodayTotals), so
 * when the app takes over in one task (main.tsx) nothing moves and no letter changes. The
 * snapshot's rules are today-snapshot.ts's: only today's view in the organisation's zone, and
 * none once the connection is gone. Everything from Keeping goes in as text.
 */
import { formatHoursMinutes } from '../core/hours';
import { summarizeToday } from '../core/today';
import { languageFor } from '../shared/i18n-text';
import { ageText } from '../ui/age-text';
import { isFirstPaintTexts, readTodaySnapshot } from '../ui/today-snapshot';

/** Marks the first paint's root, for the hand-over and the tests that compare the two paints. */
export const FIRST_PAINT_ATTRIBUTE = 'data-first-paint';

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = doc.createElement(tag);
  if (className) made.className = className;
  made.append(...children); // strings become text nodes, never markup
  return made;
}

function figure(doc: Document, className: string, testId: string, minutes: number): HTMLSpanElement {
  const span = element(doc, 'span', className, formatHoursMinutes(minutes));
  span.dataset.testid = testId;
  return span;
}

/**
 * Draws the kept view's header and totals at the start of `doc.body` and returns their root;
 * null (nothing drawn) without a snapshot of today, without its words, or when they were kept in
 * another language than the app would now show.
 */
export function paintFirst(doc: Document, now: number): HTMLElement | null {
  const snapshot = readTodaySnapshot(now);
  const texts = snapshot?.texts;
  if (!snapshot || !isFirstPaintTexts(texts) || texts.language !== languageFor(snapshot.language))
    return null;
  const { view } = snapshot;
  let summary: ReturnType<typeof summarizeToday>;
  try {
    summary = summarizeToday({ ...view, nowServerMs: now + (view.serverOffsetMs || 0) });
  } catch {
    return null; // a snapshot the figures cannot be made from: the app decides what to show
  }

  const age = element(doc, 'span', 'data-age', ageText(view.fetchedAt, now, texts.language, texts.age));
  age.dataset.testid = 'data-age';
  const refresh = element(doc, 'button', 'button small', texts.refresh);
  // No test id: until the app has taken over it does nothing, and nothing should click it.
  refresh.type = 'button';
  const header = element(
    doc,
    'header',
    'header',
    element(
      doc,
      'div',
      'header-title',
      element(doc, 'h1', '', texts.title),
      element(doc, 'span', 'muted', texts.day),
    ),
    element(doc, 'div', 'muted small', texts.who),
    element(doc, 'div', 'header-bar', age, refresh),
  );
  const total = figure(doc, 'total-value', 'today-total', summary.totalMinutes);
  total.setAttribute('elementtiming', 'today-total'); // as TodayTotals: the bench reads when it was painted
  const split = (label: string, testId: string, minutes: number) =>
    element(
      doc,
      'div',
      '',
      element(doc, 'span', 'label', label),
      figure(doc, 'split-value', testId, minutes),
    );
  const totals = element(
    doc,
    'section',
    'totals',
    element(doc, 'div', 'total', element(doc, 'span', 'label', texts.total), total),
    element(
      doc,
      'div',
      'split',
      split(texts.direct, 'today-direct', summary.directMinutes),
      split(texts.indirect, 'today-indirect', summary.indirectMinutes),
    ),
  );

  const root = element(doc, 'div', 'popup', header, element(doc, 'main', 'body', totals));
  root.setAttribute(FIRST_PAINT_ATTRIBUTE, '');
  doc.documentElement.lang = texts.language;
  doc.title = texts.title;
  doc.body.prepend(root);
  return root;
}
