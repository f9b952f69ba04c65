import { extname } from 'node:path';
import type { Config, FileFormat, Format } from './config.ts';
import { filesErrors } from './errors.ts';

/** Extensions Ferry recognises, and the default delimiter they imply for CSV. */
const EXTENSIONS: Record<string, { format: Format; delimiter?: string }> = {
  '.csv': { format: 'csv', delimiter: ',' },
  '.tsv': { format: 'csv', delimiter: '\t' },
  '.jsonl': { format: 'jsonl' },
  '.ndjson': { format: 'jsonl' },
};

/** Whether a folder listing should pick this file up (a known extension). */
export function hasKnownExtension(file: string): boolean {
  return extname(file).toLowerCase() in EXTENSIONS;
}

/**
 * How a file is read and written: the config's `format` when set, else its extension; for
 * CSV, the config's dialect with `.tsv` defaulting to tabs.
 */
export function formatOf(file: string, config: Config): FileFormat {
  const known = EXTENSIONS[extname(file).toLowerCase()];
  const format = config.format ?? known?.format;
  if (!format)
    throw filesErrors.create(
      'FERRY_FILES_FORMAT_UNKNOWN',
      `cannot tell the format of ${file} from its extension`,
      { file },
    );
  const csv = config.csv ?? {};
  return {
    format,
    delimiter: csv.delimiter ?? known?.delimiter ?? ',',
    quote: csv.quote ?? '"',
    header: csv.header ?? true,
    columns: csv.columns,
    encoding: csv.encoding === 'latin1' ? 'latin1' : 'utf8',
  };
}
