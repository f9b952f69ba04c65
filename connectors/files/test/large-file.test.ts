// Reads stream: a large CSV and a large JSON Lines file are read through the connector in a
// child process that measures what stays in memory (after garbage collection) during the read.
import { execFile } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempFolder } from './helpers.ts';

const child = fileURLToPath(new URL('./stream-child.ts', import.meta.url));
const ROWS = 30_000;

/** Writes `rows` lines made by `line`, 10,000 at a time. */
async function generate(path: string, head: string, line: (i: number) => string) {
  const file = await open(path, 'w');
  let text = head;
  for (let i = 0; i < ROWS; i++) {
    text += line(i);
    if (i % 10_000 === 9_999) {
      await file.write(text);
      text = '';
    }
  }
  await file.write(text);
  const { size } = await file.stat();
  await file.close();
  return size;
}

describe('large files', () => {
  it('are streamed: memory held during the read stays far below their size', async () => {
    const folder = await tempFolder();
    const note = 'a note, with "quotes", ünïcödé and 日本語 text to make the line longer. '.repeat(
      6,
    );
    const csvSize = await generate(join(folder, 'big.csv'), 'id,name,note\n', (i) =>
      i % 1000 === 0
        ? `${i},"multi\nline ${i}","${note.replaceAll('"', '""')}"\n`
        : `${i},Name ${i},"${note.replaceAll('"', '""')}"\n`,
    );
    const jsonlSize = await generate(
      join(folder, 'big.jsonl'),
      '',
      (i) => `${JSON.stringify({ id: i, name: `Name ${i}`, note })}\n`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--expose-gc',
      '--conditions=@ferry/source',
      '--import',
      'tsx',
      child,
      folder,
    ]);
    const result = JSON.parse(stdout) as { records: number; heldMb: number };
    expect(result.records).toBe(2 * ROWS);
    // Each file is over 10 MB; a read that held either one would hold at least that much.
    expect(Math.min(csvSize, jsonlSize)).toBeGreaterThan(10 * 2 ** 20);
    expect(result.heldMb).toBeLessThan(6);
  });
});
