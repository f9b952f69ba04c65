import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.ts';
import { installErrors } from './errors.ts';
import { lockPath } from './paths.ts';

/**
 * One installed connector version in ferry.lock (*contract*): where it came from, the npm
 * integrity of its tarball, and the hash of its installed files (node_modules excluded).
 */
export interface LockEntry {
  name: string;
  version: string;
  source: 'registry' | 'folder' | 'tarball';
  /** For a registry install: the spec asked for (`@ferry/connector-github@^1`). */
  spec?: string;
  /** The tarball URL from the registry, or `file:<absolute path>` of the folder or tarball. */
  resolved: string;
  /** sha512 of the tarball in npm's SRI form: `sha512-<base64>`. */
  integrity: string;
  /** sha256 of the installed files: `sha256-<base64>` (see content-hash.ts). */
  contentHash: string;
}

/** ferry.lock: JSON, one entry per installed name@version, keys sorted. */
export interface Lockfile {
  lockfileVersion: 1;
  connectors: Record<string, LockEntry>;
}

export const lockKey = (name: string, version: string): string => `${name}@${version}`;

/** Reads ferry.lock; a missing file is an empty lock. FERRY_LOCK_INVALID when it is malformed. */
export async function readLockfile(projectDir: string): Promise<Lockfile> {
  const file = lockPath(projectDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { lockfileVersion: 1, connectors: {} };
    throw installErrors.create('FERRY_LOCK_INVALID', `${file} cannot be read`, {
      file,
      cause: error,
    });
  }
  let data: Partial<Lockfile>;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw installErrors.create(
      'FERRY_LOCK_INVALID',
      `${file} is not valid JSON: ${(error as Error).message}`,
      { file, path: '$', cause: error },
    );
  }
  if (data?.lockfileVersion !== 1 || typeof data.connectors !== 'object' || !data.connectors) {
    throw installErrors.create(
      'FERRY_LOCK_INVALID',
      `${file} is not a Ferry lockfile (expected lockfileVersion 1 and connectors)`,
      { file, path: '$.lockfileVersion' },
    );
  }
  return data as Lockfile;
}

export async function writeLockfile(projectDir: string, lock: Lockfile): Promise<void> {
  const sorted = Object.fromEntries(
    Object.entries(lock.connectors).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const text = `${JSON.stringify({ lockfileVersion: 1, connectors: sorted }, null, 2)}\n`;
  await writeFileAtomic(lockPath(projectDir), text);
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Reads, changes and writes ferry.lock; changes to one project from this process are applied
 * one after the other, so concurrent installs do not lose each other's entries.
 */
export function updateLockfile<T>(
  projectDir: string,
  change: (lock: Lockfile) => T | Promise<T>,
): Promise<T> {
  const previous = queues.get(projectDir) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const lock = await readLockfile(projectDir);
      const result = await change(lock);
      await writeLockfile(projectDir, lock);
      return result;
    });
  queues.set(projectDir, next);
  return next;
}
