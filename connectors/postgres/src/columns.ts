import type { JsonObject } from '@ferry/sdk';
import type pg from 'pg';
import type { WriteSettings } from './config.ts';
import { columnList } from './config.ts';
import { ident } from './sql.ts';

/** A column of the target table, as far as writing values into it is concerned. */
export interface Column {
  name: string;
  /** `format_type()`, e.g. 'bigint', 'character varying(20)', 'jsonb', 'text[]'. */
  type: string;
  /** json/jsonb: every value is written as JSON text, strings included. */
  json: boolean;
  /** An array type: JSON arrays are written as array literals. */
  array: boolean;
}

export type Columns = Map<string, Column>;

/**
 * The type a new column gets from the values a batch brings (nulls ignored; a field with only
 * nulls gets no column until a value arrives). Conservative, so later values rarely fail:
 * booleans -> boolean; numbers -> numeric (integers and decimals of any size; bigint for key
 * columns holding safe integers); strings -> text, even when they look like dates (no guessing:
 * ALTER a column to timestamptz yourself, its type is then respected); objects, arrays and
 * mixed types -> jsonb, which keeps every value as it was.
 */
export function inferType(values: unknown[], isKey: boolean): string | undefined {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return undefined;
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number' || typeof v === 'bigint'))
    return isKey && present.every((v) => typeof v === 'bigint' || Number.isSafeInteger(v))
      ? 'bigint'
      : 'numeric';
  if (present.every((v) => typeof v === 'string')) return 'text';
  return 'jsonb';
}

const COLUMNS_SQL = `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
  t.typname IN ('json', 'jsonb') AS json, t.typcategory = 'A' AS array
  FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
  WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`;

/** The table's columns (one query per batch), or undefined when it does not exist. */
export async function tableColumns(
  client: pg.ClientBase,
  target: string,
): Promise<Columns | undefined> {
  const rows = (await client.query(COLUMNS_SQL, [target])).rows as Column[];
  return rows.length === 0 ? undefined : new Map(rows.map((c) => [c.name, c]));
}

/**
 * Makes the table hold every field of the batch, inside the batch's transaction (so a failed
 * batch leaves no column or table behind): creates the schema and the table (key columns and
 * primary key) when missing, and adds a column per new field. Returns the columns.
 */
export async function ensureTable(
  client: pg.ClientBase,
  settings: WriteSettings,
  rows: JsonObject[],
  fields: string[],
): Promise<Columns> {
  const valuesOf = (field: string) => rows.map((row) => row[field]);
  let columns = await tableColumns(client, settings.target);
  if (!columns) {
    const schema = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [
      settings.schema,
    ]);
    // CREATE SCHEMA checks the CREATE privilege even when the schema exists: ask first.
    if (schema.rowCount === 0)
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(settings.schema)}`);
    const keys = settings.key.map(
      (k) => `${ident(k)} ${inferType(valuesOf(k), true) ?? 'text'} NOT NULL`,
    );
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${settings.target} (${keys.join(', ')}, PRIMARY KEY (${columnList(settings.key)}))`,
    );
    columns = (await tableColumns(client, settings.target)) as Columns;
  }
  for (const field of fields) {
    if (columns.has(field)) continue;
    const type = inferType(valuesOf(field), settings.key.includes(field));
    if (!type) continue;
    await client.query(
      `ALTER TABLE ${settings.target} ADD COLUMN IF NOT EXISTS ${ident(field)} ${type}`,
    );
    columns.set(field, { name: field, type, json: type === 'jsonb', array: false });
  }
  return columns;
}
