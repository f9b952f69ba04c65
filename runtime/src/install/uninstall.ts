import { readdir, rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { forgetConnectors } from './cache.ts';
import { installErrors } from './errors.ts';
import { installedVersions } from './installed.ts';
import { lockKey, updateLockfile } from './lockfile.ts';
import { connectorsDir, installDir, lockPath } from './paths.ts';

/**
 * Removes an installed connector version, or every version when none is given, with its
 * ferry.lock entries. Returns the versions removed; FERRY_CONNECTOR_NOT_INSTALLED when none is.
 */
export async function uninstallConnector(
  projectDir: string,
  name: string,
  version?: string,
): Promise<string[]> {
  const installed = await installedVersions(projectDir, name);
  const removing = version === undefined ? installed : installed.filter((v) => v === version);
  if (removing.length === 0) {
    const asked = version === undefined ? name : `${name}@${version}`;
    throw installErrors.create(
      'FERRY_CONNECTOR_NOT_INSTALLED',
      `${asked} is not installed in ${connectorsDir(projectDir)}${
        installed.length > 0 ? ` (installed versions: ${installed.join(', ')})` : ''
      }`,
      {
        file: lockPath(projectDir),
        hint:
          installed.length > 0
            ? `Give one of the installed versions: ${installed.map((v) => `${name}@${v}`).join(', ')}`
            : '`ferry list` shows what is installed.',
      },
    );
  }
  await updateLockfile(projectDir, (lock) => {
    for (const v of removing) delete lock.connectors[lockKey(name, v)];
  });
  for (const v of removing) {
    const dir = installDir(projectDir, name, v);
    forgetConnectors(dir);
    await rm(dir, { recursive: true, force: true });
  }
  await removeEmptyParents(
    dirname(installDir(projectDir, name, '0.0.0')),
    connectorsDir(projectDir),
  );
  return removing;
}

/** Removes the name folder (and its scope folder) once no version is left in it. */
async function removeEmptyParents(dir: string, stop: string): Promise<void> {
  let current = dir;
  while (current.startsWith(`${stop}/`)) {
    const left = await readdir(current).catch(() => ['?']);
    if (left.length > 0) return;
    await rmdir(current).catch(() => undefined);
    current = dirname(current);
  }
}
