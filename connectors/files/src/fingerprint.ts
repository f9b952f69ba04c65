import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Bytes hashed at each end of the part of a file already read. */
const SAMPLE = 64 * 1024;

/**
 * A fingerprint of the first `length` bytes of a file: SHA-256 over its first and last 64 KiB
 * (the whole part when it is smaller). Reading again, the same fingerprint over the same length
 * means the part already read is unchanged, so the file was appended to (or not touched) and
 * the read resumes at `length`; a different one means the file was rewritten. Sampling keeps
 * this O(1) per file; a rewrite that changes only the middle of a large file and keeps its
 * length is not detected (documented in the README).
 */
export async function fingerprint(path: string, length: number): Promise<string> {
  const hash = createHash('sha256');
  hash.update(String(length));
  if (length > 0) {
    const file = await open(path, 'r');
    try {
      const head = Math.min(SAMPLE, length);
      hash.update(await readAt(file, 0, head));
      if (length > head) {
        const tailStart = Math.max(head, length - SAMPLE);
        hash.update(await readAt(file, tailStart, length - tailStart));
      }
    } finally {
      await file.close();
    }
  }
  return `sha256:${hash.digest('hex')}`;
}

async function readAt(
  file: Awaited<ReturnType<typeof open>>,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break; // the file is shorter now: the fingerprint will differ
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}
