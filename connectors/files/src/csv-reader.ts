import { castRow } from './cast.ts';
import type { FileFormat } from './config.ts';
import { csvRows } from './csv-rows.ts';
import type { Entry, Position } from './entries.ts';
import { filesErrors } from './errors.ts';

/**
 * The entries of a CSV file from a position. The first row names the columns (unless
 * `header: false`, then `columns` does); when the read resumes past it, the header is read
 * again from the start of the file. A row with another number of cells than the header, or a
 * cell that does not cast to its column's type, is a malformed entry; broken quoting is a
 * fatal one (no reliable place to go on from).
 */
export async function* csvEntries(
  path: string,
  from: Position,
  format: FileFormat,
  types: ReadonlyMap<string, ReadonlySet<string>>,
): AsyncGenerator<Entry> {
  let columns = !format.header
    ? fixedColumns(path, format)
    : from.offset > 0
      ? await readHeader(path, format)
      : undefined;
  for await (const row of csvRows(path, from, format)) {
    const { line, end, lines } = row;
    if ('error' in row) {
      yield { kind: 'malformed', reason: row.error, line, end, lines, fatal: row.fatal };
      if (row.fatal) return;
      continue;
    }
    if (!columns) {
      columns = checkHeader(row.cells, path);
      yield { kind: 'skip', end, lines };
      continue;
    }
    if (row.cells.length !== columns.length) {
      const reason = `has ${row.cells.length} field(s), the header has ${columns.length}`;
      yield { kind: 'malformed', reason, line, end, lines };
      continue;
    }
    const cast = castRow(row.cells, columns, types);
    if ('error' in cast) yield { kind: 'malformed', reason: cast.error, line, end, lines };
    else yield { kind: 'record', record: cast.record, line, end, lines };
  }
}

/** The column names of a CSV file: its first row, or the configured list without a header. */
export async function readHeader(path: string, format: FileFormat): Promise<string[] | undefined> {
  if (!format.header) return fixedColumns(path, format);
  for await (const row of csvRows(path, { offset: 0, lines: 0 }, format)) {
    if ('error' in row)
      throw filesErrors.create(
        'FERRY_FILES_MALFORMED',
        `${path}:${row.line}: the header row cannot be parsed: ${row.error}`,
        { file: path },
      );
    return checkHeader(row.cells, path);
  }
  return undefined;
}

function fixedColumns(path: string, format: FileFormat): string[] {
  if (!format.columns || format.columns.length === 0)
    throw filesErrors.create(
      'FERRY_FILES_CSV_HEADER',
      `${path}: csv.header is false but csv.columns names no columns`,
      { file: path },
    );
  return checkHeader(format.columns, path);
}

function checkHeader(cells: readonly (string | null)[], path: string): string[] {
  const seen = new Set<string>();
  for (const [index, name] of cells.entries()) {
    const problem =
      name === null || name.trim() === ''
        ? `column ${index + 1} has no name`
        : seen.has(name)
          ? `column '${name}' appears twice`
          : undefined;
    if (problem)
      throw filesErrors.create('FERRY_FILES_CSV_HEADER', `${path}: ${problem} in the header`, {
        file: path,
      });
    seen.add(name as string);
  }
  return [...seen];
}
