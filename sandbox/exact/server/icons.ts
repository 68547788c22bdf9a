/** Small inline SVG icons as data URIs, so the screens need no image files. */

function svg(body: string): string {
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">${body}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(markup)}`;
}

/** Line notes present (filled sheet). */
export const NOTES_FILLED_ICON = svg(
  '<rect x="2.5" y="1.5" width="11" height="13" rx="1" fill="#f5c542" stroke="#8a6d0b"/><path d="M5 5h6M5 8h6M5 11h4" stroke="#5c4a08"/>',
);

/** No line notes (empty sheet). */
export const NOTES_EMPTY_ICON = svg(
  '<rect x="2.5" y="1.5" width="11" height="13" rx="1" fill="#fff" stroke="#8a9bb0"/>',
);

/** Browse button of a lookup field. */
export const BROWSE_ICON = svg(
  '<circle cx="6.5" cy="6.5" r="4" fill="none" stroke="#1c5a9c" stroke-width="1.6"/><path d="M9.5 9.5l4 4" stroke="#1c5a9c" stroke-width="1.8"/>',
);

/** The page-wide "please wait" spinner (#WaitMessageImg). */
export const SPINNER_ICON = svg(
  '<circle cx="8" cy="8" r="6" fill="none" stroke="#c9d6e6" stroke-width="2"/><path d="M8 2a6 6 0 0 1 6 6" fill="none" stroke="#1c5a9c" stroke-width="2"><animateTransform attributeName="transform" type="rotate" from="0 8 8" to="360 8 8" dur="0.8s" repeatCount="indefinite"/></path>',
);
