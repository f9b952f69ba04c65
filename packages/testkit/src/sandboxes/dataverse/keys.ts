/**
 * The resource segment of a Web API URL: `accounts`, `accounts(<guid>)`,
 * `accounts(accountnumber='A1')` or several key columns `contacts(a='x',b='y')`. A key must be
 * the primary key or one of the table's alternate keys, with every one of its columns.
 *
 * Source: https://learn.microsoft.com/power-apps/developer/data-platform/use-alternate-key-reference-record
 */
import { CODES, ODataError } from './odata.ts';
import { type Cell, GUID, type TableDef, typeName } from './tables.ts';

export type EntityKey =
  | { kind: 'id'; id: string }
  | { kind: 'alternate'; values: Record<string, Cell> };

export interface Segment {
  set: string;
  /** The text between the parentheses, when there are any. */
  key?: string;
}

export function parseSegment(segment: string): Segment | undefined {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?$/s.exec(segment);
  if (!match) return undefined;
  return match[2] === undefined
    ? { set: match[1] as string }
    : { set: match[1] as string, key: match[2] };
}

export function invalidKey(table: TableDef): ODataError {
  const type = typeName(table);
  return new ODataError(
    400,
    CODES.badRequest,
    `The key in the request URI is not valid for resource '${type}'. Ensure that the names and number of key properties match the declared or alternate key properties for the resource '${type}'.`,
  );
}

export function parseKey(text: string, table: TableDef): EntityKey {
  if (GUID.test(text.trim())) return { kind: 'id', id: text.trim().toLowerCase() };
  const values: Record<string, Cell> = {};
  let rest = text;
  while (rest.trim() !== '') {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*('(?:[^']|'')*'|[^,']+)\s*(?:,|$)/.exec(rest);
    if (!match) throw invalidKey(table);
    const [, name = '', raw = ''] = match;
    const type = table.columns[name];
    const quoted = raw.startsWith("'");
    if (!type || quoted !== (type === 'string')) throw invalidKey(table);
    const value = quoted ? raw.slice(1, -1).replace(/''/g, "'") : raw.trim().toLowerCase();
    if (value === '' || (type === 'guid' && !GUID.test(value))) throw invalidKey(table);
    values[name] = value;
    rest = rest.slice(match[0].length);
  }
  const names = Object.keys(values).sort();
  if (names.length === 1 && names[0] === table.primaryKey)
    return { kind: 'id', id: String(values[table.primaryKey]) };
  const declared = table.alternateKeys.some(
    (key) => key.length === names.length && [...key].sort().every((c, i) => c === names[i]),
  );
  if (!declared) throw invalidKey(table);
  return { kind: 'alternate', values };
}
