import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { JsonObject } from '@ferry/sdk';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Columns } from './columns.ts';
import { columnList } from './config.ts';
import { fieldWriter } from './copy-text.ts';

/** Chunks of about 64 kB: large enough for few socket writes, small enough to interleave. */
const CHUNK = 65_536;

function* chunksOf(
  rows: JsonObject[],
  fields: string[],
  columns: Columns,
  extra: ((index: number) => string) | undefined,
): Generator<string> {
  const writers = fields.map((f) => fieldWriter(columns.get(f) as never));
  const width = fields.length;
  // Fields and lines are collected in arrays and joined once: building a line with `+=` makes
  // a short-lived string per field, which measured about a quarter slower (garbage collection).
  const values: string[] = new Array(width + (extra ? 1 : 0));
  const lines: string[] = [];
  let size = 0;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as JsonObject;
    for (let i = 0; i < width; i++)
      values[i] = (writers[i] as (value: unknown) => string)(row[fields[i] as string]);
    if (extra) values[width] = extra(index);
    const line = values.join('\t');
    lines.push(line);
    size += line.length + 1;
    if (size >= CHUNK) {
      yield `${lines.join('\n')}\n`;
      lines.length = 0;
      size = 0;
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

/**
 * The rows as COPY text (https://www.postgresql.org/docs/current/sql-copy.html), made while
 * COPY sends them, so converting values in Node overlaps with PostgreSQL parsing the chunks
 * already sent. Chunks are kept: a COPY that must be redone (into the staging table after the
 * direct attempt) replays them without converting the values again.
 */
export function copyText(
  rows: JsonObject[],
  fields: string[],
  columns: Columns,
  extra?: (index: number) => string,
): Iterable<string> {
  const made: string[] = [];
  const source = chunksOf(rows, fields, columns, extra);
  return {
    *[Symbol.iterator]() {
      for (let i = 0; ; i++) {
        if (i < made.length) {
          yield made[i] as string;
          continue;
        }
        const next = source.next();
        if (next.done) return;
        made.push(next.value);
        yield next.value;
      }
    },
  };
}

/** COPY table (columns) FROM STDIN in text format; PostgreSQL's error (with its line) on failure. */
export async function copyInto(
  client: pg.ClientBase,
  table: string,
  columns: string[],
  chunks: Iterable<string>,
): Promise<void> {
  await pipeline(
    Readable.from(chunks, { objectMode: false }),
    client.query(copyFrom(`COPY ${table} (${columnList(columns)}) FROM STDIN`)),
  );
}
