/**
 * Query options of a collection GET: `$select` (the primary key always comes back),
 * `$orderby` (ties broken by the primary key, so paging is stable), and the `Prefer` header
 * (`odata.maxpagesize=N`, default and maximum 5,000; `odata.track-changes`).
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/select-columns
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/order-rows
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results
 */
import { unknownProperty } from './filter.ts';
import { CODES, ODataError } from './odata.ts';
import type { Cell, Row, TableDef } from './tables.ts';

export const MAX_PAGE_SIZE = 5000;

/** The columns to return, in the table's order, or undefined for every column. */
export function parseSelect(text: string | null, table: TableDef): string[] | undefined {
  if (text === null || text.trim() === '') return undefined;
  const names = text.split(',').map((name) => name.trim());
  for (const name of names) if (!(name in table.columns)) throw unknownProperty(table, name);
  return names;
}

/** A row as the Web API returns it: its ETag annotation, then the selected columns. */
export function project(row: Row, table: TableDef, select: string[] | undefined): Row {
  const out: Row = { '@odata.etag': `W/"${row.versionnumber}"` };
  const columns = select ? [table.primaryKey, ...select] : Object.keys(table.columns);
  for (const column of columns) out[column] = row[column] ?? null;
  return out;
}

export interface SortKey {
  column: string;
  descending: boolean;
}

export function parseOrderBy(text: string | null, table: TableDef): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of (text ?? '').split(',')) {
    if (part.trim() === '') continue;
    const [column = '', direction = 'asc', extra] = part.trim().split(/\s+/);
    if (!(column in table.columns)) throw unknownProperty(table, column);
    if (extra !== undefined || (direction !== 'asc' && direction !== 'desc'))
      throw new ODataError(400, CODES.badRequest, `Syntax error at position 0 in '${text}'.`);
    keys.push({ column, descending: direction === 'desc' });
  }
  if (!keys.some((k) => k.column === table.primaryKey))
    keys.push({ column: table.primaryKey, descending: false });
  return keys;
}

/** The sort values of a row: what a `$skiptoken` remembers of the last row of a page. */
export const sortValues = (row: Row, keys: SortKey[]): Cell[] =>
  keys.map((k) => row[k.column] ?? null);

/** Orders sort values as SQL Server does: nulls first, strings case-insensitively. */
export function compareValues(a: Cell[], b: Cell[], keys: SortKey[]): number {
  for (const [i, key] of keys.entries()) {
    const order = compareCell(a[i] ?? null, b[i] ?? null);
    if (order !== 0) return key.descending ? -order : order;
  }
  return 0;
}

function compareCell(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a).toLowerCase(), String(b).toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface Preferences {
  maxPageSize?: number;
  trackChanges: boolean;
  returnRepresentation: boolean;
}

/**
 * The `Prefer` header's values. Several may come in one header, comma-separated, or in
 * several headers; a quoted value (`odata.include-annotations="*"`) may hold commas.
 */
export function parsePrefer(header: string | string[] | undefined): Preferences {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const parts = text.match(/(?:[^,"]|"[^"]*")+/g) ?? [];
  const prefs: Preferences = { trackChanges: false, returnRepresentation: false };
  for (const raw of parts) {
    const [name = '', value = ''] = raw
      .trim()
      .split('=', 2)
      .map((s) => s.trim());
    if (name === 'odata.maxpagesize') {
      const size = Number(value);
      if (Number.isInteger(size) && size > 0) prefs.maxPageSize = Math.min(size, MAX_PAGE_SIZE);
    } else if (name === 'odata.track-changes') prefs.trackChanges = true;
    else if (name === 'return' && value === 'representation') prefs.returnRepresentation = true;
  }
  return prefs;
}
