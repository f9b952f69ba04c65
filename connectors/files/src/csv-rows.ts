import { createReadStream } from 'node:fs';
import type { FileFormat } from './config.ts';
import { CsvScanner, type ScannedRow } from './csv-scanner.ts';
import type { Position } from './entries.ts';

/**
 * The rows of a CSV file from a position, streamed in 64 KiB chunks (memory holds a chunk and
 * the unfinished row). A fatal syntax error is the last row.
 */
export async function* csvRows(
  path: string,
  from: Position,
  format: FileFormat,
): AsyncGenerator<ScannedRow> {
  const scanner = new CsvScanner(
    {
      delimiter: format.delimiter.charCodeAt(0),
      quote: format.quote.charCodeAt(0),
      encoding: format.encoding,
    },
    from,
  );
  const stream = createReadStream(path, { start: from.offset, highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream)
      for (const row of scanner.push(chunk as Buffer)) {
        yield row;
        if ('error' in row && row.fatal) return;
      }
    yield* scanner.end();
  } finally {
    stream.destroy();
  }
}
