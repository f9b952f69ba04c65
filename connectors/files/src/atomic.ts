import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

type Handle = Awaited<ReturnType<typeof open>>;

/** Buffered writes to a file handle: one system call per 64 KiB, not per line. */
export class Output {
  private parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly handle: Handle) {}

  async write(data: string | Buffer, encoding: BufferEncoding = 'utf8'): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, encoding) : data;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const bytes = Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    await this.handle.write(bytes);
  }
}

const prefix = (path: string) => `.${basename(path)}.ferry-`;

/**
 * Replaces a file's content in one step: `fill` writes a temporary file beside it, which is
 * flushed to disk and renamed over the file, then the folder is synced. A crash at any moment
 * leaves the old content or the new one, never a mix; a failure in `fill` removes the temporary
 * file. Temporary files are hidden (a leading dot), so reads never list them, and those left
 * by a crashed process are removed by the next replacement.
 */
export async function replaceFile(
  path: string,
  fill: (out: Output) => Promise<void>,
): Promise<void> {
  const folder = dirname(path);
  await removeLeftovers(path);
  const temporary = join(
    folder,
    `${prefix(path)}${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  const handle = await open(temporary, 'wx');
  try {
    const mode = await stat(path).then(
      (s) => s.mode,
      () => undefined,
    );
    if (mode !== undefined) await handle.chmod(mode);
    const out = new Output(handle);
    await fill(out);
    await out.flush();
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
  await rename(temporary, path);
  await syncFolder(folder);
}

/** Makes a rename durable: the folder's entry is flushed too (a no-op where folders cannot be opened). */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}

/** Temporary files of this target whose writing process is gone (killed mid-write). */
async function removeLeftovers(path: string): Promise<void> {
  const start = prefix(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name.startsWith(start) ? name.slice(start.length).split('-')[0] : NaN);
    if (Number.isInteger(pid) && name.endsWith('.tmp') && !isAlive(pid))
      await rm(join(dirname(path), name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
