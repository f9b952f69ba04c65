import type { JsonObject } from '@ferry/sdk';

/**
 * What a file reader yields, in file order. Each entry carries the position after it: `end`,
 * the byte offset, and `lines`, the number of lines consumed (embedded newlines included), so a
 * checkpoint after any entry says exactly where to resume. `line` is where the entry starts
 * (1-based), for messages.
 */
export type Entry =
  | { kind: 'record'; record: JsonObject; line: number; end: number; lines: number }
  | {
      kind: 'malformed';
      reason: string;
      line: number;
      end: number;
      lines: number;
      /** The reader cannot go on past it (CSV quoting): the read must stop here. */
      fatal?: boolean;
    }
  /** A blank line or a CSV header: progress without a record. */
  | { kind: 'skip'; end: number; lines: number };

/** Where a read of a file starts: the byte offset and the lines before it. */
export interface Position {
  offset: number;
  lines: number;
}
