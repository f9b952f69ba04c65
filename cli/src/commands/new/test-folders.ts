import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { REPO_ROOT } from '../../test-cli.ts';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/**
 * Test support: a fresh folder inside the repository (cli/.test-tmp/, gitignored), so that a
 * package scaffolded there resolves @ferry/*, vitest and typescript from the repository's
 * node_modules; removed after the test file.
 */
export async function folderInRepository(): Promise<string> {
  const parent = join(REPO_ROOT, 'cli/.test-tmp');
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(join(parent, 'new-'));
  made.push(dir);
  return dir;
}

/** Test support: a fresh folder outside the repository (the system's temporary folder). */
export async function folderOutside(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-new-'));
  made.push(dir);
  return dir;
}
