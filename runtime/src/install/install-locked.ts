import { access } from 'node:fs/promises';
import { type InstallOptions, type InstallResult, installOne } from './install.ts';
import { type LockEntry, readLockfile } from './lockfile.ts';
import { installDir } from './paths.ts';

/**
 * Installs what ferry.lock records and is not installed (a fresh clone: ferry.lock is
 * committed, .ferry/ is not), like `npm ci`: each entry is fetched again from its source (the
 * registry at its exact version, or its folder or tarball) and must pack to the integrity the
 * lock records (FERRY_LOCK_INTEGRITY_MISMATCH otherwise). With `force`, every entry is reinstalled.
 */
export async function installFromLock(
  projectDir: string,
  options: Omit<InstallOptions, 'cwd'> = {},
): Promise<InstallResult[]> {
  const lock = await readLockfile(projectDir);
  const results: InstallResult[] = [];
  for (const entry of Object.values(lock.connectors)) {
    const present = await access(installDir(projectDir, entry.name, entry.version)).then(
      () => true,
      () => false,
    );
    if (present && !options.force) continue;
    results.push(
      await installOne(
        projectDir,
        sourceOf(entry),
        { ...options, force: true },
        {
          integrity: entry.integrity,
          ...(entry.spec ? { spec: entry.spec } : {}),
        },
      ),
    );
  }
  return results;
}

function sourceOf(entry: LockEntry): string {
  return entry.source === 'registry' ? `${entry.name}@${entry.version}` : entry.resolved;
}
