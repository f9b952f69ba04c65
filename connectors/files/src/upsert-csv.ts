import type { JsonObject } from '@ferry/sdk';
import { type Output, replaceFile } from './atomic.ts';
import type { FileFormat } from './config.ts';
import { csvRows } from './csv-rows.ts';
import { cellsOf, csvKey, csvText } from './encode.ts';
import { filesErrors } from './errors.ts';

/** What is known of the CSV file before a write: its columns and whether it starts with a BOM. */
export interface CsvTarget {
  columns: string[] | undefined;
  bom: boolean;
}

/**
 * Upserts records (key -> record) into a CSV file, rewriting it through a temporary file: the
 * header becomes `columns` (the existing columns, then new fields), the first row with a
 * record's key is replaced by it, later rows with that key are dropped, other rows are kept
 * (padded with empty cells for new columns) and new keys are appended. Rows are written again
 * from their parsed cells, so values survive (null and '' included) but quoting is normalised.
 */
export async function upsertCsv(
  path: string,
  batch: ReadonlyMap<string, JsonObject>,
  primaryKey: readonly string[],
  format: FileFormat,
  target: CsvTarget,
  columns: readonly string[],
): Promise<void> {
  const written = new Set<string>();
  await replaceFile(path, async (out) => {
    const rows = new RowWriter(out, format);
    if (target.bom) await out.write('\uFEFF');
    if (format.header) await rows.add([...columns]);
    const existing = target.columns;
    if (existing) {
      let header = format.header;
      for await (const row of csvRows(path, { offset: 0, lines: 0 }, format)) {
        if ('error' in row)
          throw filesErrors.create(
            'FERRY_FILES_MALFORMED',
            `${path}:${row.line}: ${row.error}; the file was left unchanged`,
            { file: path },
          );
        if (header) {
          header = false;
          continue;
        }
        if (row.cells.length !== existing.length) {
          await rows.add(row.cells); // a malformed row is kept as it is, for a person to fix
          continue;
        }
        const current = Object.fromEntries(existing.map((name, i) => [name, row.cells[i]]));
        const key = csvKey(current, primaryKey);
        const record = batch.get(key);
        if (!record) await rows.add(cellsOf(current, columns));
        else if (!written.has(key)) {
          written.add(key);
          await rows.add(cellsOf(record, columns));
        }
      }
    }
    for (const [key, record] of batch)
      if (!written.has(key)) await rows.add(cellsOf(record, columns));
    await rows.flush();
  });
}

/** Rows encoded 500 at a time (csv-stringify has a cost per call). */
class RowWriter {
  private rows: (string | null)[][] = [];

  constructor(
    private readonly out: Output,
    private readonly format: FileFormat,
  ) {}

  async add(cells: (string | null)[]): Promise<void> {
    this.rows.push(cells);
    if (this.rows.length >= 500) await this.flush();
  }

  async flush(): Promise<void> {
    const text = csvText(this.rows, this.format);
    this.rows = [];
    await this.out.write(text, this.format.encoding);
  }
}
