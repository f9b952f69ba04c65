import { stat } from 'node:fs/promises';
import { defineConnector } from '@ferry/sdk';
import { type Config, type FileFormat, type Settings, settings } from './config.ts';
import { csvEntries } from './csv-reader.ts';
import { CursorFilter } from './cursor.ts';
import type { Entry, Position } from './entries.ts';
import { filesErrors } from './errors.ts';
import { formatOf } from './format.ts';
import { jsonlEntries } from './jsonl-reader.ts';
import { listFiles } from './list-files.ts';
import { Progress, planFile } from './progress.ts';
import { type FilesState, parseState } from './state.ts';

const connector = defineConnector<Config>();

/**
 * Reads every listed file, in name order, from where the last read stopped: new files from
 * the start, appended files from the offset reached, rewritten files again from the start.
 * A checkpoint follows every `pageSize` lines, and one precedes any failure. A malformed line
 * fails the read with its file and line (the next read resumes at that line; a handler cannot
 * emit a per-record error), or is skipped with a warning when `malformed: skip`. With
 * `cursorField`, records at or below the last completed read's cursor are left out.
 */
export const readRecords = connector.read<FilesState>(async function* (ctx) {
  const options = settings(ctx.config);
  const files = await listFiles(options.path);
  const previous = parseState(ctx.state);
  const progress = new Progress(previous.files);
  const cursor = cursorFilter(options, previous);
  const checkpoint = async (final: boolean): Promise<FilesState> => ({
    files: await progress.snapshot(final ? new Set(files.map((f) => f.name)) : undefined),
    ...cursorState(cursor, final),
  });
  let lines = 0;
  try {
    for (const file of files) {
      if (ctx.signal.aborted) return;
      const format = formatOf(file.path, ctx.config);
      const info = await stat(file.path).catch(() => undefined);
      if (!info) continue; // removed since it was listed
      const plan = await planFile(file.path, previous.files[file.name], info);
      if (plan.action === 'skip') continue;
      if (plan.rewritten)
        ctx.logger.info(`${file.name} changed since the last read: reading it from the start`);
      progress.start(file.name, file.path, plan.from, info);
      for await (const entry of entries(file.path, plan.from, format, options)) {
        if (entry.kind === 'malformed') {
          const where = `${file.path}:${entry.line}`;
          if (options.malformed === 'fail' || entry.fatal)
            throw filesErrors.create('FERRY_FILES_MALFORMED', `${where}: ${entry.reason}`, {
              file: file.path,
            });
          ctx.logger.warn(`skipped ${where}: ${entry.reason}`, {
            file: file.path,
            line: entry.line,
          });
        } else if (entry.kind === 'record' && (!cursor || cursor.accept(entry.record))) {
          yield { record: entry.record };
        }
        progress.advance(file.name, entry.end, entry.lines);
        if (++lines % options.pageSize === 0) yield { state: await checkpoint(false) };
      }
    }
  } catch (error) {
    // Progress covers exactly the records yielded: checkpoint them, so the next read starts at
    // the line that failed (a malformed line, a bad header, an unreadable file).
    yield { state: await checkpoint(false) };
    throw error;
  }
  yield { state: await checkpoint(true) };
});

function entries(
  path: string,
  from: Position,
  format: FileFormat,
  options: Settings,
): AsyncGenerator<Entry> {
  return format.format === 'csv'
    ? csvEntries(path, from, format, options.types)
    : jsonlEntries(path, from);
}

function cursorFilter(options: Settings, previous: FilesState): CursorFilter | undefined {
  if (!options.cursorField) return undefined;
  const start =
    previous.cursor === undefined
      ? undefined
      : { cursor: previous.cursor, keys: previous.keys ?? [] };
  return new CursorFilter(options.cursorField, options.primaryKey, start, previous.pending);
}

/**
 * The cursor part of a checkpoint. During the read it keeps the last completed read's boundary
 * (lines not read yet are filtered against it) and the highest cursor so far as `pending`;
 * the final checkpoint moves the boundary up to that highest cursor.
 */
function cursorState(cursor: CursorFilter | undefined, final: boolean): Partial<FilesState> {
  const mark = cursor?.mark;
  if (!cursor || !mark) return cursor?.start ? { ...cursor.start } : {};
  if (final) return { cursor: mark.cursor, keys: mark.keys };
  return { ...(cursor.start ? { ...cursor.start } : {}), pending: mark };
}
