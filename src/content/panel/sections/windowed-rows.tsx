import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface Props<T> {
  items: readonly T[];
  /** Every row is drawn this high (px), so the window can place rows without measuring them. */
  rowHeight: number;
  /** Rows visible at once. */
  visibleRows: number;
  render: (item: T, index: number) => ComponentChildren;
  testId?: string;
}

/** Rows drawn beyond the visible ones, so a quick scroll does not show blank space. */
const OVERSCAN = 8;

/**
 * A scrolling list that draws only the rows in view: a group of 16,000 entries costs the DOM of
 * a few dozen rows, and a scroll repaints only those (the list's height stays the full height).
 */
export function WindowedRows<T>({ items, rowHeight, visibleRows, render, testId }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const height = Math.min(items.length, visibleRows) * rowHeight;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const shown = [];
  for (let index = first; index < last; index++) shown.push(render(items[index] as T, index));
  return (
    <div
      class="window"
      style={{ height: `${height}px` }}
      data-testid={testId}
      data-rows={items.length}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul class="entries" style={{ height: `${items.length * rowHeight}px`, position: 'relative' }}>
        <li aria-hidden="true" style={{ height: `${first * rowHeight}px`, padding: 0, border: 0 }} />
        {shown}
      </ul>
    </div>
  );
}
