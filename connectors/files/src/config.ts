import type { JsonObject } from '@ferry/sdk';

/** The connection config, as connector.yaml's `config` schema describes it. */
export interface Config {
  /** A file, a folder (its .csv/.tsv/.jsonl/.ndjson files) or a glob such as `data/**\/*.csv`. */
  path: string;
  /** csv or jsonl; default: told by each file's extension. */
  format?: 'csv' | 'jsonl';
  csv?: CsvConfig;
  /** A JSON Schema of the records: its properties' types cast CSV columns (strings otherwise). */
  schema?: JsonObject;
  /** The field(s) that identify a record: upserts and the keys kept at the cursor. */
  primaryKey?: string | string[];
  /** A field whose value only grows as records change; unset, reads track files and lines only. */
  cursorField?: string;
  /** upsert (the default: keyed, the file rewritten atomically) or append. */
  writeMode?: 'upsert' | 'append';
  /** fail (the default) or skip (with a warning) on a line that is not a valid record. */
  malformed?: 'fail' | 'skip';
  /** Records (lines) between two checkpoints. */
  pageSize?: number;
}

export interface CsvConfig {
  delimiter?: string;
  quote?: string;
  /** Whether the first row names the columns (default true). */
  header?: boolean;
  /** The column names when `header` is false. */
  columns?: string[];
  encoding?: 'utf-8' | 'latin1';
}

export type Format = 'csv' | 'jsonl';

/** How one file is parsed or written: its format and, for CSV, the dialect. */
export interface FileFormat {
  format: Format;
  delimiter: string;
  quote: string;
  header: boolean;
  columns: string[] | undefined;
  encoding: 'utf8' | 'latin1';
}

/** The config with defaults applied: what the handlers work with. */
export interface Settings {
  path: string;
  primaryKey: string[];
  cursorField: string | undefined;
  writeMode: 'upsert' | 'append';
  malformed: 'fail' | 'skip';
  pageSize: number;
  /** Property name -> the JSON types the schema allows, for casting CSV cells. */
  types: Map<string, Set<string>>;
  /** The schema's property names in order: the column order of a new CSV file. */
  schemaFields: string[];
}

export function settings(config: Config): Settings {
  const primaryKey = config.primaryKey ?? 'id';
  const properties = (config.schema?.properties ?? {}) as Record<string, { type?: unknown }>;
  const types = new Map<string, Set<string>>();
  for (const [name, property] of Object.entries(properties)) {
    const type = property?.type;
    const list = Array.isArray(type) ? type : type === undefined ? [] : [type];
    types.set(name, new Set(list.map(String)));
  }
  return {
    path: config.path,
    primaryKey: Array.isArray(primaryKey) ? primaryKey : [primaryKey],
    cursorField: config.cursorField || undefined,
    writeMode: config.writeMode ?? 'upsert',
    malformed: config.malformed ?? 'fail',
    pageSize: config.pageSize ?? 1000,
    types,
    schemaFields: Object.keys(properties),
  };
}
