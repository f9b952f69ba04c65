import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncFolder } from './atomic.ts';

/**
 * Appends whole lines to a file (created when missing) and flushes them to disk. When the file
 * does not end with a newline (a hand-written last line, or an append cut short by a crash), a
 * newline is written first: the new lines never merge into that line, which a read then
 * reports as malformed with its line number instead of silently mixing two records.
 */
export async function appendLines(path: string, data: Buffer): Promise<void> {
  if (data.length === 0) return;
  const handle = await open(path, 'a+');
  let created = false;
  try {
    const { size } = await handle.stat();
    created = size === 0;
    let lead = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) lead = '\n';
    }
    await handle.write(lead ? Buffer.concat([Buffer.from(lead), data]) : data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (created) await syncFolder(dirname(path));
}
