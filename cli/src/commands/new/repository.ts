import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * The root of the Ferry repository that holds `path` (the first folder above it, itself
 * included, whose package.json is named "ferry" and has workspaces), or undefined outside it.
 * `path` need not exist yet.
 */
export async function findFerryRepository(path: string): Promise<string | undefined> {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const pkg = await readFile(join(dir, 'package.json'), 'utf8').then(
      (text) => JSON.parse(text) as { name?: unknown; workspaces?: unknown },
      () => undefined,
    );
    if (pkg?.name === 'ferry' && pkg.workspaces) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
