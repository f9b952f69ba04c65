import { configInvalid } from './errors.ts';
import { ident, qualified } from './sql.ts';

/** The connection config (connector.yaml `config` is its schema; defaults are applied there). */
export interface Config {
  connectionString?: string;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  ssl?: 'disable' | 'require' | 'verify-full';
  sslRootCert?: string;
  schema?: string;
  table?: string;
  query?: string;
  key?: string | string[];
  cursorColumn?: string;
  pageSize?: number;
}

/** What a read needs: the rows to read, their key and, for incremental reads, the cursor. */
export interface ReadSettings {
  /** A FROM item: `"schema"."table"` or `(query)`. */
  from: string;
  /** What the source is called in messages. */
  label: string;
  key: string[];
  cursor: string | undefined;
  pageSize: number;
}

/** What a write needs: the target table and its key. */
export interface WriteSettings {
  schema: string;
  table: string;
  target: string;
  key: string[];
}

export function keyColumns(config: Config): string[] {
  const key = config.key ?? 'id';
  const columns = Array.isArray(key) ? key : [key];
  if (columns.length === 0 || columns.some((c) => c === ''))
    throw configInvalid('key names no column', "Set `key` to the key column, e.g. 'id'.");
  return columns;
}

export function readSettings(config: Config): ReadSettings {
  const schema = config.schema ?? 'public';
  if (config.table && config.query)
    throw configInvalid(
      'both table and query are set: a stream reads one of them',
      'Keep `table` to read a whole table, or `query` to read the rows of a SELECT.',
    );
  if (!config.table && !config.query)
    throw configInvalid(
      'neither table nor query is set: there is nothing to read',
      'Set `table` (and `schema`) or `query`.',
    );
  // A query is read as a subquery, so the keyset conditions and ORDER BY wrap it unchanged; a
  // trailing semicolon would end the statement early.
  const query = config.query?.trim().replace(/;\s*$/, '');
  return {
    from: query ? `(${query})` : qualified(schema, config.table as string),
    label: query ? 'the query' : `table ${schema}.${config.table}`,
    key: keyColumns(config),
    cursor: config.cursorColumn || undefined,
    pageSize: config.pageSize ?? 1000,
  };
}

export function writeSettings(config: Config): WriteSettings {
  const schema = config.schema ?? 'public';
  if (!config.table)
    throw configInvalid(
      config.query
        ? 'a write needs `table`: records cannot be written into a query'
        : 'a write needs `table`: the table records are upserted into',
      'Set `table` (created on the first write when it does not exist) and `key`.',
    );
  return {
    schema,
    table: config.table,
    target: qualified(schema, config.table),
    key: keyColumns(config),
  };
}

/** `"a", "b"` */
export const columnList = (names: string[]): string => names.map(ident).join(', ');
