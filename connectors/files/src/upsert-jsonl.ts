import type { JsonObject } from '@ferry/sdk';
import { replaceFile } from './atomic.ts';
import { byteLines, lineText } from './byte-lines.ts';
import { keyOf } from './cursor.ts';
import { jsonLine } from './encode.ts';

/**
 * Upserts records (key -> record, one per key) into a JSON Lines file: the first line with a
 * record's key is replaced by it, later lines with the same key are dropped, and records whose
 * key is not in the file are appended in order. Other lines (malformed ones included) are
 * copied byte for byte. The file is streamed through a temporary file and renamed over the
 * old one, so memory holds the batch, not the file, and a crash leaves either version.
 */
export async function upsertJsonl(
  path: string,
  batch: ReadonlyMap<string, JsonObject>,
  primaryKey: readonly string[],
  exists: boolean,
): Promise<void> {
  const written = new Set<string>();
  await replaceFile(path, async (out) => {
    if (exists)
      for await (const { bytes } of byteLines(path)) {
        const key = lineKey(lineText(bytes), primaryKey);
        const record = key === undefined ? undefined : batch.get(key);
        if (!record || key === undefined) {
          await out.write(
            bytes.at(-1) === 0x0a ? bytes : Buffer.concat([bytes, Buffer.from('\n')]),
          );
        } else if (!written.has(key)) {
          written.add(key);
          await out.write(jsonLine(record));
        }
      }
    for (const [key, record] of batch) if (!written.has(key)) await out.write(jsonLine(record));
  });
}

/** The key of a line holding a JSON object, or undefined for any other line. */
function lineKey(text: string, primaryKey: readonly string[]): string | undefined {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!body.trimStart().startsWith('{')) return undefined;
  try {
    const value = JSON.parse(body) as JsonObject;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? keyOf(value, primaryKey)
      : undefined;
  } catch {
    return undefined;
  }
}
