import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collect, records, type TestServer } from '@ferry/declarative/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeGitHub, makeIssues } from '../../../connectors/github/test/fake-github.ts';
import { contentHash } from './content-hash.ts';
import { installConnectors } from './install.ts';
import { loadInstalledConnector } from './loader.ts';
import { updateLockfile } from './lockfile.ts';
import { copyConnector, GITHUB_CONNECTOR, tempDir } from './test-fixtures.ts';

const GITHUB = '@ferry/connector-github';
let project: string;
let server: TestServer | undefined;

beforeAll(async () => {
  project = await tempDir();
  const v2 = await copyConnector(GITHUB_CONNECTOR, { version: '0.2.0' });
  await installConnectors(project, [GITHUB_CONNECTOR, v2]);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A separate project with one install, for tests that break it. */
async function oneInstall(): Promise<{ dir: string; folder: string }> {
  const dir = await tempDir();
  const [result] = await installConnectors(dir, [GITHUB_CONNECTOR]);
  return { dir, folder: result?.dir as string };
}

describe('loadInstalledConnector', () => {
  it('loads, for each pin, the highest installed version its range allows', async () => {
    const old = await loadInstalledConnector(project, `${GITHUB}@~0.1.0`);
    const current = await loadInstalledConnector(project, `${GITHUB}@^0.2.0`);
    expect([old.version, current.version]).toEqual(['0.1.0', '0.2.0']);
    expect(old.dir).toBe(join(project, '.ferry/connectors/@ferry/connector-github/0.1.0'));
    expect(current.spec().title).toBe('GitHub 0.2.0');
    expect((await loadInstalledConnector(project, `${GITHUB}@*`)).version).toBe('0.2.0');
    expect((await loadInstalledConnector(project, `${GITHUB}@0.1.0`)).version).toBe('0.1.0');
  });

  it('caches a load per install folder', async () => {
    const first = await loadInstalledConnector(project, `${GITHUB}@^0.2.0`);
    expect(await loadInstalledConnector(project, `${GITHUB}@>=0.2`)).toBe(first);
  });

  it('reads records through the loaded connector', async () => {
    server = await fakeGitHub('tok-1', { 'acme/app': makeIssues(3) });
    const connector = await loadInstalledConnector(project, `${GITHUB}@~0.1.0`);
    const messages = await collect(
      connector.read(
        { token: 'tok-1', repositories: ['acme/app'], baseUrl: server.url },
        { streams: ['issues'] },
      ),
    );
    expect(records(messages)).toHaveLength(3);
  });

  it('names the installed versions and the install command when none matches', async () => {
    await expect(
      loadInstalledConnector(project, `${GITHUB}@^1`, {
        where: { file: 'ferry.yaml', path: '$.connections.gh.connector' },
      }),
    ).rejects.toMatchObject({
      code: 'FERRY_CONNECTOR_NOT_INSTALLED',
      file: 'ferry.yaml',
      path: '$.connections.gh.connector',
      message: expect.stringContaining('installed: 0.1.0, 0.2.0'),
      hint: `Install it: ferry install ${GITHUB}@^1 --project ferry.yaml`,
    });
    await expect(loadInstalledConnector(project, '@acme/nothing@1')).rejects.toMatchObject({
      code: 'FERRY_CONNECTOR_NOT_INSTALLED',
      message: expect.stringContaining('none is installed'),
    });
    await expect(loadInstalledConnector(project, 'not a pin')).rejects.toMatchObject({
      code: 'FERRY_CONNECTOR_PIN_INVALID',
    });
  });

  it('refuses an installed connector whose files changed after the install', async () => {
    const { dir, folder } = await oneInstall();
    await appendFile(join(folder, 'schemas/issues.json'), '\n');
    await expect(loadInstalledConnector(dir, `${GITHUB}@*`)).rejects.toMatchObject({
      code: 'FERRY_CONNECTOR_TAMPERED',
      file: folder,
      hint: expect.stringContaining(`ferry install ${GITHUB_CONNECTOR} --force`),
    });
    // Reinstalling repairs it.
    await installConnectors(dir, [GITHUB_CONNECTOR], { force: true });
    expect((await loadInstalledConnector(dir, `${GITHUB}@*`)).version).toBe('0.1.0');
  });

  it('notices an added file too', async () => {
    const { dir, folder } = await oneInstall();
    await writeFile(join(folder, 'extra.js'), 'export {}');
    await expect(loadInstalledConnector(dir, `${GITHUB}@*`)).rejects.toMatchObject({
      code: 'FERRY_CONNECTOR_TAMPERED',
    });
  });

  it('refuses a folder that ferry.lock does not record', async () => {
    const { dir } = await oneInstall();
    await writeFile(join(dir, 'ferry.lock'), '{ "lockfileVersion": 1, "connectors": {} }\n');
    await expect(loadInstalledConnector(dir, `${GITHUB}@*`)).rejects.toMatchObject({
      code: 'FERRY_LOCK_ENTRY_MISSING',
      file: join(dir, 'ferry.lock'),
      path: `$.connectors["${GITHUB}@0.1.0"]`,
    });
    await rm(join(dir, 'ferry.lock'));
    await expect(loadInstalledConnector(dir, `${GITHUB}@*`)).rejects.toMatchObject({
      code: 'FERRY_LOCK_ENTRY_MISSING',
    });
  });

  it('raises FERRY_RUNTIME_INCOMPATIBLE for an intact install made for another runtime', async () => {
    const { dir, folder } = await oneInstall();
    // As if installed by a Ferry whose runtime API was 2.x: the manifest and ferry.lock agree.
    const manifest = join(folder, 'connector.yaml');
    await writeFile(
      manifest,
      (await readFile(manifest, 'utf8')).replace('runtime: "^1"', 'runtime: "^2"'),
    );
    await updateLockfile(dir, async (lock) => {
      const entry = lock.connectors[`${GITHUB}@0.1.0`];
      if (entry) entry.contentHash = await contentHash(folder);
    });
    await expect(loadInstalledConnector(dir, `${GITHUB}@*`)).rejects.toMatchObject({
      code: 'FERRY_RUNTIME_INCOMPATIBLE',
      file: manifest,
      path: '$.runtime',
      line: 7,
      message: expect.stringContaining(
        `${GITHUB} expects runtime ^2, but this Ferry provides runtime 1.0.0`,
      ),
      hint: expect.stringContaining(
        'Install a connector version whose `runtime` range includes this runtime',
      ),
    });
  });

  it('refuses a connector whose runtime range excludes the running runtime, naming the manifest line', async () => {
    const { dir, folder } = await oneInstall();
    await expect(
      loadInstalledConnector(dir, `${GITHUB}@*`, { runtimeVersion: '2.0.0' }),
    ).rejects.toMatchObject({
      code: 'FERRY_RUNTIME_INCOMPATIBLE',
      file: join(folder, 'connector.yaml'),
      path: '$.runtime',
      line: 7,
      message: `${GITHUB} expects runtime ^1, but this Ferry provides runtime 2.0.0`,
    });
    // A failed load is not cached: with this runtime it loads.
    expect((await loadInstalledConnector(dir, `${GITHUB}@*`)).version).toBe('0.1.0');
    expect(await readFile(join(folder, 'connector.yaml'), 'utf8')).toContain('runtime: "^1"');
  });
});
