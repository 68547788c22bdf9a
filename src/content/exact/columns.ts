/**
 * The line grid found by id or by meaning: the registry's `table#grd`, else the table whose column
 * headers name the four fields a line needs; its rows by id (`<grid>_r<N>`); and for each row field
 * the registry's suffix, else the suffix its header's id gives (`hcol<Suffix>`), else its column
 * (docs/exact-online.md, The line grid: prefer column headers over positions). Every result says how
 * it was found, for the screen check.
 */
import { matchesLabel } from './meaning';
import {
  ANCHORS,
  COLUMN_HEADERS,
  findAnchor,
  HEADER_ID_PREFIX,
  LOOKUP_SUFFIX,
  ROW_FIELDS,
  ROW_ID_SUFFIX,
} from './selectors';

export type RowField = keyof typeof ROW_FIELDS;

/** How one row field is reached in every row: by id suffix, or by column position. */
export type FieldPlan =
  | { kind: 'suffix'; suffix: string; how: string }
  | { kind: 'column'; index: number; how: string }
  | { kind: 'missing'; how: string };

export interface GridPlan {
  grid: HTMLTableElement;
  how: string;
  fields: Record<RowField, FieldPlan>;
}

const REQUIRED_HEADERS: readonly RowField[] = ['item', 'description', 'quantity', 'unitPrice'];

/** A row's own cells (table APIs are avoided: not every DOM the tests use has them). */
function cellsOf(row: Element): HTMLTableCellElement[] {
  return [...row.children].filter(
    (cell): cell is HTMLTableCellElement => cell.tagName === 'TD' || cell.tagName === 'TH',
  );
}

function headerCells(grid: HTMLTableElement): HTMLTableCellElement[] {
  const row = grid.querySelector('thead tr') ?? grid.querySelector('th')?.parentElement ?? null;
  return row ? cellsOf(row) : [];
}

function span(cell: HTMLTableCellElement): number {
  return Math.max(1, Number(cell.getAttribute('colspan') ?? '1') || 1);
}

/** Start column of each cell, counting colspans, so a header and a row cell line up. */
function columnStarts(cells: readonly HTMLTableCellElement[]): number[] {
  let column = 0;
  return cells.map((cell) => {
    const start = column;
    column += span(cell);
    return start;
  });
}

function headerFor(
  grid: HTMLTableElement,
  field: RowField,
): { cell: HTMLTableCellElement; column: number } | null {
  const cells = headerCells(grid);
  const starts = columnStarts(cells);
  const index = cells.findIndex((cell) => matchesLabel(cell.textContent ?? '', COLUMN_HEADERS[field]));
  const cell = cells[index];
  return cell ? { cell, column: starts[index] ?? index } : null;
}

/** The grid table and how it was found, or null when neither its id nor its headers are there. */
export function findGrid(doc: Document): { grid: HTMLTableElement; how: string } | null {
  const byId = findAnchor<HTMLTableElement>(doc, ANCHORS.grid);
  if (byId) return { grid: byId, how: ANCHORS.grid.selectors[0] ?? 'id' };
  for (const table of doc.querySelectorAll('table')) {
    if (REQUIRED_HEADERS.every((field) => headerFor(table, field) !== null))
      return { grid: table, how: `column headers (table${table.id ? `#${table.id}` : ''})` };
  }
  return null;
}

/** Rows that carry a line: `<grid id>_r<N>`, or for a grid without id any row with an id and inputs. */
export function gridRows(grid: HTMLTableElement): HTMLTableRowElement[] {
  const prefix = grid.id;
  return [...grid.querySelectorAll<HTMLTableRowElement>('tr[id]')].filter((row) =>
    prefix
      ? row.id.startsWith(prefix) && ROW_ID_SUFFIX.test(row.id.slice(prefix.length))
      : row.querySelector('input') !== null,
  );
}

function exists(doc: Document, id: string): boolean {
  return doc.getElementById(id) !== null;
}

/** For the item lookup the visible `_alt` part must be there too. */
function fieldIdExists(doc: Document, rowId: string, field: RowField, suffix: string): boolean {
  const id = `${rowId}_${suffix}`;
  return exists(doc, id) && (field !== 'item' || exists(doc, `${id}${LOOKUP_SUFFIX.visible}`));
}

function planField(
  doc: Document,
  grid: HTMLTableElement,
  sample: HTMLTableRowElement,
  field: RowField,
): FieldPlan {
  for (const suffix of ROW_FIELDS[field]) {
    if (fieldIdExists(doc, sample.id, field, suffix))
      return { kind: 'suffix', suffix, how: `#<row>_${suffix}` };
  }
  const header = headerFor(grid, field);
  if (!header) return { kind: 'missing', how: `no #<row>_${ROW_FIELDS[field].join('/')}, no column header` };
  const text = (header.cell.textContent ?? '').trim();
  const headerId = header.cell.id;
  if (headerId.startsWith(HEADER_ID_PREFIX)) {
    const suffix = headerId.slice(HEADER_ID_PREFIX.length);
    if (fieldIdExists(doc, sample.id, field, suffix))
      return { kind: 'suffix', suffix, how: `column "${text}" (#${headerId}) → #<row>_${suffix}` };
  }
  return { kind: 'column', index: header.column, how: `column "${text}", position ${header.column + 1}` };
}

const plans = new WeakMap<HTMLTableElement, { sample: string; plan: GridPlan }>();

/** How each row field is reached, learnt from the grid's first row and kept while that row stays. */
export function planGrid(
  doc: Document,
  found: { grid: HTMLTableElement; how: string },
  sample: HTMLTableRowElement,
): GridPlan {
  const cached = plans.get(found.grid);
  if (cached && cached.sample === sample.id && cached.plan.fields.item.kind !== 'missing') return cached.plan;
  const fields = Object.fromEntries(
    (Object.keys(ROW_FIELDS) as RowField[]).map((field) => [
      field,
      planField(doc, found.grid, sample, field),
    ]),
  ) as Record<RowField, FieldPlan>;
  const plan = { grid: found.grid, how: found.how, fields };
  plans.set(found.grid, { sample: sample.id, plan });
  return plan;
}

/** The cell of `row` at column `index`, counting colspans. */
export function cellAt(row: HTMLTableRowElement, index: number): HTMLTableCellElement | null {
  const cells = cellsOf(row);
  const starts = columnStarts(cells);
  const at = starts.findIndex((start, i) => {
    const cell = cells[i];
    return cell !== undefined && start <= index && index < start + span(cell);
  });
  return cells[at] ?? null;
}
