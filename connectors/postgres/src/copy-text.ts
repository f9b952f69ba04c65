import type { Column } from './columns.ts';

/**
 * Values as PostgreSQL input text, and rows in COPY's text format
 * (https://www.postgresql.org/docs/current/sql-copy.html#SQL-COPY-FILE-FORMATS-TEXT): columns
 * separated by tabs, rows by newlines, NULL as `\N`, and backslash, newline, carriage return
 * and tab escaped with a backslash, so any text (quotes, newlines, `\N` or `\.` as data,
 * unicode) arrives unchanged. The same input text is used for parameters when rows are written
 * one by one, so both paths convert values identically.
 */

/** A JSON array as an array literal: `{"a","b \"c\"",NULL,{"1","2"}}`. */
export function arrayLiteral(values: unknown[]): string {
  const item = (value: unknown): string => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return arrayLiteral(value);
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return `"${text.replace(/[\\"]/g, '\\$&')}"`;
  };
  return `{${values.map(item).join(',')}}`;
}

/** The input text of a value for a column, or null for SQL NULL. */
export function inputText(value: unknown, column: Column): string | null {
  if (value === null || value === undefined) return null;
  if (column.json) return JSON.stringify(value);
  if (typeof value === 'string') return value;
  if (column.array && Array.isArray(value)) return arrayLiteral(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A field of COPY text: `\N` for NULL, special characters escaped. */
export function copyField(text: string | null): string {
  if (text === null) return '\\N';
  return SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] as string) : text;
}

/**
 * A function writing one column's values as COPY fields, chosen once per column: the bulk path
 * calls it for every value (millions of times), so the common cases (a string, a number) take
 * no detour through inputText. The result equals copyField(inputText(value, column)).
 */
export function fieldWriter(column: Column): (value: unknown) => string {
  if (column.json)
    return (value) =>
      value === null || value === undefined ? '\\N' : copyField(JSON.stringify(value));
  return (value) => {
    if (value === null || value === undefined) return '\\N';
    if (typeof value === 'string') return SPECIAL.test(value) ? copyField(value) : value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return copyField(inputText(value, column));
  };
}
