/**
 * The two ways to read a registry anchor. A missing anchor is either a changed screen (reported
 * as ScreenChangedError, naming the anchor) or, for the few Exact leaves out by design, an
 * answer the caller spells out; it is never skipped with `?.` (scripts/check-architecture.ts).
 */
import { type Anchor, findAnchor } from './selectors';
import { ScreenChangedError } from './types';

/** The anchor's element; without it the screen is not the one Urenbrug knows. */
export function requireAnchor<T extends HTMLElement = HTMLElement>(root: ParentNode, anchor: Anchor): T {
  const found = findAnchor<T>(root, anchor);
  if (!found) throw new ScreenChangedError(anchor.name);
  return found;
}

/**
 * The trimmed text of an anchor that some screens do not have (a draft has no number yet), or
 * null when it is absent: the caller decides, visibly, what absence means.
 */
export function optionalAnchorText(root: ParentNode, anchor: Anchor): string | null {
  const found = findAnchor(root, anchor);
  return found === null ? null : (found.textContent ?? '').trim();
}
