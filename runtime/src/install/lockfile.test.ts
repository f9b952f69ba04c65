import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LockEntry, readLockfile, updateLockfile } from './lockfile.ts';
import { tempDir } from './test-fixtures.ts';

const entry = (name: string, version: string): LockEntry => ({
  name,
  version,
  source: 'tarball',
  resolved: `file:/tmp/${name}-${version}.tgz`,
  integrity: 'sha512-AAAA',
  contentHash: 'sha256-BBBB',
});

describe('ferry.lock', () => {
  it('is empty when missing, and keeps every entry of concurrent updates, sorted, with no temp file left', async () => {
    const dir = await tempDir();
    expect(await readLockfile(dir)).toEqual({ lockfileVersion: 1, connectors: {} });
    await Promise.all(
      ['c', 'a', 'b'].map((n) =>
        updateLockfile(dir, (lock) => {
          lock.connectors[`${n}@1.0.0`] = entry(n, '1.0.0');
        }),
      ),
    );
    const text = await readFile(join(dir, 'ferry.lock'), 'utf8');
    expect(Object.keys(JSON.parse(text).connectors)).toEqual(['a@1.0.0', 'b@1.0.0', 'c@1.0.0']);
    expect(await readdir(dir)).toEqual(['ferry.lock']);
  });

  it('refuses a lock that is not JSON or not a Ferry lock, naming the file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ferry.lock'), '{ nope');
    await expect(readLockfile(dir)).rejects.toMatchObject({
      code: 'FERRY_LOCK_INVALID',
      file: join(dir, 'ferry.lock'),
    });
    await writeFile(join(dir, 'ferry.lock'), '{"lockfileVersion": 3}');
    await expect(readLockfile(dir)).rejects.toMatchObject({
      code: 'FERRY_LOCK_INVALID',
      path: '$.lockfileVersion',
    });
  });
});
