import { FerryError } from '@ferry/sdk';

/**
 * The error table of @ferry/connector-files, in the shape of `defineErrors` (@ferry/manifest):
 * a connector depends on @ferry/sdk only, which exports FerryError but not the table factory.
 */
const codes = {
  FERRY_FILES_NOT_FOUND: {
    title: 'The configured path, or the folder a file is to be written in, does not exist',
    hint: 'Check `path` in the connection config (relative paths start at the working folder); a destination file is created on first write, but its folder must exist.',
  },
  FERRY_FILES_FORMAT_UNKNOWN: {
    title: 'The format of a file cannot be told from its extension',
    hint: 'Name files .csv, .tsv, .jsonl or .ndjson, or set `format` (csv or jsonl) in the config.',
  },
  FERRY_FILES_MALFORMED: {
    title:
      'A line of a file is not a valid record (bad JSON, wrong column count, a value that does not cast, broken CSV quoting)',
    hint: 'Fix or remove the line named in the message (file:line), then read again: the read resumes at that line. To skip bad lines with a warning instead, set `malformed: skip` (a CSV quote left open at the end of the file always stops the read).',
  },
  FERRY_FILES_CSV_HEADER: {
    title:
      "A CSV file's header row cannot name the columns (empty or repeated names, or no header and no column list)",
    hint: 'Give every column a distinct name in the first row, or set `csv.header: false` with `csv.columns`.',
  },
  FERRY_FILES_WRITE_TARGET: {
    title: 'The path to write to is not one file (a folder or a glob)',
    hint: 'Set `path` to one file (.csv, .tsv, .jsonl or .ndjson, or set `format`) for a destination connection.',
  },
} as const;

export type FilesErrorCode = keyof typeof codes;

export const filesErrors = {
  codes,
  create(code: FilesErrorCode, message: string, options: { file?: string; hint?: string } = {}) {
    return new FerryError(code, message, { hint: codes[code].hint, ...options });
  },
};
