/**
 * The panel's buttons act only on the person's own input. The panel sits in Exact's DOM, so a
 * script on Exact's page that got hold of a button (the shadow root is closed, but a leak, an
 * open root in a test build or a future browser quirk should not be enough) could otherwise
 * press "Regels invullen" or "Koppel uren" with `click()` or a dispatched event. Chromium marks
 * every event that a script creates or dispatches with `isTrusted === false`, and a person's
 * click, tap, Enter or Space on a button with `true`; only the latter runs the action.
 */
export function trustedAction<E extends Event>(action: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted !== true) return;
    action(event);
  };
}
