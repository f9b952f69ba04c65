import { open, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { defineConnector, type JsonObject, type WriteResult } from '@ferry/sdk';
import { appendLines } from './append.ts';
import { type Config, type FileFormat, type Settings, settings } from './config.ts';
import { readHeader } from './csv-reader.ts';
import { keyOf } from './cursor.ts';
import { cellsOf, csvKey, csvText, jsonLine, newFields } from './encode.ts';
import { filesErrors } from './errors.ts';
import { formatOf } from './format.ts';
import { hasGlob } from './glob.ts';
import { upsertCsv } from './upsert-csv.ts';
import { upsertJsonl } from './upsert-jsonl.ts';
import { type Check, validate } from './validate.ts';

const connector = defineConnector<Config>();

/**
 * Writes one batch to the configured file. `upsert` (the default) replaces the records with the
 * same primary key and appends the others, rewriting the file atomically, so writing a batch
 * twice (a retry after a crash) changes nothing; `append` adds lines and is not idempotent.
 * Records that cannot be written are rejected with the reason, the rest are written.
 */
export const writeRecords = connector.write(async (ctx, records) => {
  const options = settings(ctx.config);
  const path = await writeTarget(options.path);
  const format = formatOf(path, ctx.config);
  const size = (await stat(path).catch(() => undefined))?.size ?? 0;
  const upsert = options.writeMode === 'upsert';
  const checks: Check[] = upsert ? [hasKey(options.primaryKey)] : [];
  if (format.format === 'jsonl') {
    const { results, accepted } = validate(records, checks);
    if (upsert)
      await upsertJsonl(
        path,
        keyed(accepted, (r) => keyOf(r, options.primaryKey)),
        options.primaryKey,
        size > 0,
      );
    else await appendLines(path, Buffer.from(accepted.map(jsonLine).join('')));
    return results;
  }
  return writeCsv(path, format, options, records, checks, size);
});

async function writeCsv(
  path: string,
  format: FileFormat,
  options: Settings,
  records: JsonObject[],
  checks: Check[],
  size: number,
): Promise<WriteResult[]> {
  const existing = size > 0 || !format.header ? await readHeader(path, format) : undefined;
  // A header can grow only when the file is rewritten (upsert) or written first (no header yet).
  const growable = format.header && (options.writeMode === 'upsert' || !existing);
  const base = existing ?? options.schemaFields;
  if (!growable) checks.push(onlyColumns(base, format.header ? basename(path) : undefined));
  if (format.encoding === 'latin1') checks.push(latin1);
  const { results, accepted } = validate(records, checks);
  const columns = growable ? [...base, ...newFields(accepted, base)] : base;
  if (options.writeMode === 'upsert') {
    const target = {
      columns: size > 0 ? existing : undefined,
      bom: size > 0 && (await startsWithBom(path)),
    };
    const batch = keyed(accepted, (r) => csvKey(r, options.primaryKey));
    await upsertCsv(path, batch, options.primaryKey, format, target, columns);
  } else {
    const rows = accepted.map((record) => cellsOf(record, columns));
    const text = csvText(existing || !format.header ? rows : [columns, ...rows], format);
    await appendLines(path, Buffer.from(text, format.encoding));
  }
  return results;
}

/** Records by key, the last of a batch winning (as a sequence of upserts would). */
function keyed(records: JsonObject[], key: (record: JsonObject) => string) {
  const map = new Map<string, JsonObject>();
  for (const record of records) map.set(key(record), record);
  return map;
}

const hasKey =
  (primaryKey: string[]): Check =>
  (record) => {
    const missing = primaryKey.filter((f) => record[f] === undefined || record[f] === null);
    return missing.length === 0
      ? undefined
      : `the record has no value for ${missing.map((f) => `'${f}'`).join(', ')} (primary key: ${primaryKey.join(', ')}), which an upsert needs`;
  };

const onlyColumns =
  (columns: readonly string[], file: string | undefined): Check =>
  (record) => {
    const unknown = newFields([record], columns);
    if (unknown.length === 0) return undefined;
    const list = unknown.map((f) => `'${f}'`).join(', ');
    return file
      ? `field(s) ${list} are not columns of ${file} (columns: ${columns.join(', ')}); append mode cannot add columns: use writeMode upsert, which rewrites the file with the new columns, or leave the fields out`
      : `field(s) ${list} are not in csv.columns (${columns.join(', ')})`;
  };

const latin1: Check = (record) => {
  const field = Object.keys(record).find((f) =>
    /[\u0100-\uffff]/.test(cellsOf(record, [f])[0] ?? ''),
  );
  return field === undefined
    ? undefined
    : `field '${field}' has characters that Latin-1 cannot encode (csv.encoding is latin1)`;
};

async function startsWithBom(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(3);
    const { bytesRead } = await handle.read(head, 0, 3, 0);
    return bytesRead === 3 && head.equals(Buffer.from([0xef, 0xbb, 0xbf]));
  } finally {
    await handle.close();
  }
}

/** The one file a write goes to: not a glob or a folder, and in a folder that exists. */
async function writeTarget(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (hasGlob(path) || info?.isDirectory())
    throw filesErrors.create(
      'FERRY_FILES_WRITE_TARGET',
      `cannot write to ${path}: it is ${info?.isDirectory() ? 'a folder' : 'a glob'}, not one file`,
      { file: path },
    );
  if (!info && !(await stat(dirname(path)).catch(() => undefined))?.isDirectory())
    throw filesErrors.create(
      'FERRY_FILES_NOT_FOUND',
      `cannot write to ${path}: the folder ${dirname(path)} does not exist`,
      { file: path },
    );
  return path;
}
