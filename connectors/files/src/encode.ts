import type { JsonObject } from '@ferry/sdk';
import { stringify } from 'csv-stringify/sync';
import type { FileFormat } from './config.ts';

/**
 * A value as CSV cell text: null (and undefined) become an unquoted empty cell, '' a quoted
 * one (`""`), so the reader tells them apart (the PostgreSQL COPY convention); booleans and
 * numbers as JSON writes them; objects and arrays as JSON text.
 */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** CSV text for rows of cells, each ending with `\n`. */
export function csvText(rows: (string | null)[][], format: FileFormat): string {
  if (rows.length === 0) return '';
  return stringify(rows, {
    delimiter: format.delimiter,
    quote: format.quote,
    // Quote exactly the empty strings (and what needs quoting); null stays an empty cell.
    quoted_match: /^$/,
    record_delimiter: 'unix',
    eof: true,
  });
}

/** A record's cells in the order of `columns` (fields it lacks are null). */
export const cellsOf = (record: JsonObject, columns: readonly string[]) =>
  columns.map((column) => cellText(record[column]));

/** The key a CSV row is matched on: the key columns' cell text. */
export const csvKey = (record: JsonObject, primaryKey: readonly string[]) =>
  JSON.stringify(primaryKey.map((field) => cellText(record[field])));

export const jsonLine = (record: JsonObject) => `${JSON.stringify(record)}\n`;

/** The fields of the records that are not columns yet, in the order they first appear. */
export function newFields(records: readonly JsonObject[], columns: readonly string[]): string[] {
  const known = new Set(columns);
  const added: string[] = [];
  for (const record of records)
    for (const field of Object.keys(record))
      if (!known.has(field)) {
        known.add(field);
        added.push(field);
      }
  return added;
}
