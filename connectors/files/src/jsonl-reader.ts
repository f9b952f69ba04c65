import { byteLines, lineText } from './byte-lines.ts';
import type { Entry, Position } from './entries.ts';

/**
 * The entries of a JSON Lines file from a position: one record per line that holds a JSON
 * object; a blank line is skipped; anything else (bad JSON, an array, a number) is a malformed
 * entry naming its line. A UTF-8 byte order mark at the start of the file is ignored.
 */
export async function* jsonlEntries(path: string, from: Position): AsyncGenerator<Entry> {
  let lines = from.lines;
  for await (const { bytes, end } of byteLines(path, from.offset)) {
    const line = ++lines;
    let text = lineText(bytes);
    if (line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    if (text.trim() === '') {
      yield { kind: 'skip', end, lines };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = `not valid JSON (${(error as Error).message})`;
      yield { kind: 'malformed', reason, line, end, lines };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const reason = `holds ${Array.isArray(value) ? 'an array' : `a ${value === null ? 'null' : typeof value}`}, not a JSON object`;
      yield { kind: 'malformed', reason, line, end, lines };
      continue;
    }
    yield { kind: 'record', record: value as Record<string, unknown>, line, end, lines };
  }
}
