import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder beside ferry.yaml that holds installs, the store and the secret key. */
export function ferryDir(projectDir: string): string {
  return join(projectDir, '.ferry');
}

export function connectorsDir(projectDir: string): string {
  return join(ferryDir(projectDir), 'connectors');
}

/** `.ferry/connectors/<name>/<version>/`; a scoped name nests (`@ferry/connector-x/1.0.0`). */
export function installDir(projectDir: string, name: string, version: string): string {
  return join(connectorsDir(projectDir), ...name.split('/'), version);
}

/** ferry.lock lives beside ferry.yaml (and is committed; .ferry/ is not). */
export function lockPath(projectDir: string): string {
  return join(projectDir, 'ferry.lock');
}

/**
 * Creates .ferry/ with a .gitignore that ignores everything in it: installs can be made again
 * from ferry.lock, and the store and the secret key must never be committed.
 */
export async function ensureFerryDir(projectDir: string): Promise<string> {
  const dir = ferryDir(projectDir);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, '.gitignore'),
    '# Written by Ferry: installs, the store and the secret key stay local.\n*\n',
    {
      flag: 'wx',
    },
  ).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return dir;
}
