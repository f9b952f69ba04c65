import { createReadStream } from 'node:fs';

/** One line of a file, as bytes, with its terminating `\n` (absent on a last unterminated line). */
export interface ByteLine {
  bytes: Buffer;
  /** The byte offset just after the line. */
  end: number;
}

/**
 * The lines of a file from byte `start`, streamed in 64 KiB chunks, so memory holds one chunk
 * and one line whatever the file's size. Splitting on the byte 0x0A is safe in UTF-8 and
 * Latin-1 (no multi-byte character contains it), and offsets stay exact bytes.
 */
export async function* byteLines(path: string, start = 0): AsyncGenerator<ByteLine> {
  let pending: Buffer[] = [];
  let offset = start;
  for await (const chunk of createReadStream(path, { start, highWaterMark: 64 * 1024 })) {
    const data = chunk as Buffer;
    let from = 0;
    for (;;) {
      const newline = data.indexOf(0x0a, from);
      if (newline === -1) {
        if (from < data.length) pending.push(data.subarray(from));
        break;
      }
      const piece = data.subarray(from, newline + 1);
      const bytes = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      from = newline + 1;
      offset += bytes.length;
      yield { bytes, end: offset };
    }
  }
  if (pending.length > 0) {
    const bytes = Buffer.concat(pending);
    yield { bytes, end: offset + bytes.length };
  }
}

/** A line's text without its line ending (`\n` or `\r\n`). */
export function lineText(bytes: Buffer, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  let length = bytes.length;
  if (length > 0 && bytes[length - 1] === 0x0a) length--;
  if (length > 0 && bytes[length - 1] === 0x0d) length--;
  return bytes.toString(encoding, 0, length);
}
