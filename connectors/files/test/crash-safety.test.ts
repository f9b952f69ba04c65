// Crash safety of writes, with real processes: a writer killed with SIGKILL in the middle of a
// rewrite leaves the old content or the new one, never a mix, and the next write recovers.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replaceFile } from '../src/atomic.ts';
import { read, tempFolder, write } from './helpers.ts';

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const UPDATED = 1000;

/** A child running crash-child.ts, and a promise of its exit (taken at once, so none is missed). */
function start(mode: string, path: string) {
  const proc = spawn(
    process.execPath,
    ['--conditions=@ferry/source', '--import', 'tsx', child, mode, path],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return { proc, exited };
}

const said = (proc: ChildProcess, word: string) =>
  new Promise<void>((resolve, reject) => {
    proc.stdout?.on('data', (data: Buffer) => data.toString().includes(word) && resolve());
    proc.on('exit', () => reject(new Error(`the child exited before saying ${word}`)));
  });

async function kill({ proc, exited }: ReturnType<typeof start>): Promise<void> {
  proc.kill('SIGKILL'); // a no-op when it has exited already
  await exited;
}

const temporaries = async (folder: string) =>
  (await readdir(folder)).filter((name) => name.includes('.ferry-'));

const jsonl = (count: number, v: (id: number) => string) =>
  Array.from({ length: count }, (_, id) => `${JSON.stringify({ id, v: v(id) })}\n`).join('');

describe('crash safety', () => {
  it('keeps the old content when the writer is killed mid-rewrite, and the next write cleans up', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'out.jsonl');
    const old = jsonl(3, () => 'old');
    await writeFile(path, old);
    const writer = start('replace', path);
    await said(writer.proc, 'ready');
    await kill(writer);
    expect(await readFile(path, 'utf8')).toBe(old);
    const [leftover] = await temporaries(folder);
    expect(
      (await readFile(join(folder, leftover as string), 'utf8')).startsWith('{"id":"partial"'),
    ).toBe(true);
    // Hidden, the leftover is not read; the next write removes it.
    expect((await read({ path: folder })).records).toHaveLength(3);
    await write({ path }, [{ id: 1, v: 'new' }]);
    expect(await temporaries(folder)).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe(jsonl(3, (id) => (id === 1 ? 'new' : 'old')));
  });

  it('leaves the file whole, old or new, when a connector upsert is killed at any moment', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'big.jsonl');
    const old = jsonl(60_000, () => 'old');
    const updated = jsonl(60_000, (id) => (id < UPDATED ? 'new' : 'old'));
    await writeFile(path, old);
    const writer = start('upsert', path);
    await said(writer.proc, 'ready');
    // Kill as soon as the rewrite has begun (or when it is already over).
    let over = false;
    void writer.exited.then(() => {
      over = true;
    });
    while (!over && (await temporaries(folder)).length === 0)
      await new Promise((resolve) => setTimeout(resolve, 1));
    await kill(writer);
    const after = await readFile(path, 'utf8');
    expect(after === old || after === updated).toBe(true);
  });

  it('removes the temporary file and keeps the old content when filling it fails', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'out.jsonl');
    await writeFile(path, 'before\n');
    await expect(
      replaceFile(path, async (out) => {
        await out.write('half');
        await out.flush();
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await readFile(path, 'utf8')).toBe('before\n');
    expect(await temporaries(folder)).toEqual([]);
  });
});
