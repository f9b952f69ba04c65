import type { JsonObject } from '@ferry/sdk';
import { badColumnName } from './sql.ts';

/** One row to upsert: the versions of a key in a batch merged, and the records they came from. */
export interface Row {
  /** What the write result reports as the record's id: the key value, or the array for several. */
  id: string;
  row: JsonObject;
  indexes: number[];
}

/** The fields of the rows of a batch: their union, in order, and whether every row has all. */
export interface Shape {
  fields: string[];
  uniform: boolean;
}

export interface PreparedBatch extends Shape {
  rows: Row[];
  /** Records refused before any SQL: no key, or a field that cannot be a column. */
  refused: Map<number, string>;
}

/** The shape of rows, for the paths that did not come through prepareBatch. */
export function shapeOf(rows: JsonObject[]): Shape {
  const fields = new Set<string>();
  for (const row of rows) for (const field in row) fields.add(field);
  return {
    fields: [...fields],
    uniform: rows.every((row) => Object.keys(row).length === fields.size),
  };
}

/**
 * Checks the records of a batch and merges the versions of each key, in order, later fields
 * winning: INSERT ... ON CONFLICT cannot touch a row twice in one statement, and merging gives
 * the table the same content as writing the versions one after another.
 */
export function prepareBatch(records: JsonObject[], key: string[]): PreparedBatch {
  const refused = new Map<number, string>();
  // one key column: the value itself is the map key (1 and '1' stay apart, as in JSON)
  const byKey = new Map<unknown, Row>();
  const single = key.length === 1 ? (key[0] as string) : undefined;
  // field names: each checked once per batch; their union, and each record's count of them
  const fields = new Set<string>();
  let counts = true;
  let firstCount = -1;
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as JsonObject;
    if (key.some((k) => record[k] === undefined || record[k] === null)) {
      const missing = key.filter((k) => record[k] === undefined || record[k] === null);
      refused.set(
        index,
        `the record has no ${missing.map((k) => `'${k}'`).join(', ')} (the key column${key.length > 1 ? 's' : ''} ${key.join(', ')})`,
      );
      continue;
    }
    let bad: string | undefined;
    let count = 0;
    for (const field in record) {
      count++;
      if (fields.has(field)) continue;
      bad ??= badColumnName(field);
      if (!bad) fields.add(field);
    }
    if (bad) {
      refused.set(index, bad);
      continue;
    }
    if (firstCount === -1) firstCount = count;
    else if (count !== firstCount) counts = false;
    const id = single === undefined ? JSON.stringify(key.map((k) => record[k])) : record[single];
    const seen = byKey.get(id);
    if (!seen) {
      byKey.set(id, { id: String(id), row: record, indexes: [index] });
      continue;
    }
    // the record given is not changed: the merged row is a copy
    if (seen.indexes.length === 1) seen.row = { ...seen.row };
    Object.assign(seen.row, record);
    seen.indexes.push(index);
  }
  const rows = [...byKey.values()];
  // every row has every field when all have as many as the union (their fields are in it)
  const uniform = counts && firstCount === fields.size && rows.every((r) => r.indexes.length === 1);
  return { rows, refused, fields: [...fields], uniform };
}
