/**
 * Setting a field the way a person's typing would: the value, then the events Exact's handlers
 * listen to (`input`, `change`, `blur`). Exact wires them as `on…` properties, which dispatched
 * events reach as well (FOUND: US-WEEK `type.onchange(event)`, US-MAGIC "Trigger onChange").
 */

/**
 * Writes `value` into a text input and fires focus, input, change and blur. The focus events are
 * dispatched, not real: moving the caret through a long grid makes the browser lay the page out
 * again for every field, which was most of the time spent per line beyond Exact's own lookups.
 */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.dispatchEvent(new FocusEvent('focus'));
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  input.dispatchEvent(new FocusEvent('blur'));
}

/** Whether the element is shown (Exact hides with inline `display: none`). */
export function isShown(element: HTMLElement): boolean {
  return element.style.display !== 'none' && !element.hidden;
}
