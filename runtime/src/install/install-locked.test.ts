import { appendFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installConnectors } from './install.ts';
import { installFromLock } from './install-locked.ts';
import { loadInstalledConnector } from './loader.ts';
import { readLockfile } from './lockfile.ts';
import { copyConnector, GITHUB_CONNECTOR, tempDir } from './test-fixtures.ts';

const GITHUB = '@ferry/connector-github';

describe('installFromLock', () => {
  it('installs again what ferry.lock records (a fresh clone), to the same files', async () => {
    const project = await tempDir();
    const v2 = await copyConnector(GITHUB_CONNECTOR, { version: '0.2.0' });
    await installConnectors(project, [GITHUB_CONNECTOR, v2]);
    const before = await readLockfile(project);
    expect(await installFromLock(project)).toEqual([]);

    await rm(join(project, '.ferry'), { recursive: true });
    const results = await installFromLock(project);
    expect(results.map((r) => `${r.name}@${r.version} ${r.status}`)).toEqual([
      `${GITHUB}@0.1.0 installed`,
      `${GITHUB}@0.2.0 installed`,
    ]);
    expect(await readLockfile(project)).toEqual(before);
    expect((await loadInstalledConnector(project, `${GITHUB}@^0.2.0`)).version).toBe('0.2.0');
  });

  it('refuses a source that no longer packs to the recorded integrity', async () => {
    const project = await tempDir();
    const v2 = await copyConnector(GITHUB_CONNECTOR, { version: '0.2.0' });
    await installConnectors(project, [v2]);
    await appendFile(join(v2, 'README.md'), '\nchanged after the install\n');
    await rm(join(project, '.ferry'), { recursive: true });
    await expect(installFromLock(project)).rejects.toMatchObject({
      code: 'FERRY_LOCK_INTEGRITY_MISMATCH',
      file: join(project, 'ferry.lock'),
      message: expect.stringContaining('but ferry.lock records sha512-'),
    });
    expect(await readdir(join(project, '.ferry'))).not.toContain('connectors');
  });
});
