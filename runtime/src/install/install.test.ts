import { execFile } from 'node:child_process';
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { c as createTarball } from 'tar';
import { describe, expect, it } from 'vitest';
import { fileIntegrity } from './content-hash.ts';
import { installConnectors } from './install.ts';
import { listConnectors } from './list.ts';
import { readLockfile } from './lockfile.ts';
import { copyConnector, GITHUB_CONNECTOR, tempDir } from './test-fixtures.ts';
import { uninstallConnector } from './uninstall.ts';

const GITHUB = '@ferry/connector-github';
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('installConnectors', () => {
  it('installs a package folder as npm packs it, records it in ferry.lock, and does nothing the second time', async () => {
    const project = await tempDir();
    const [result] = await installConnectors(project, [GITHUB_CONNECTOR]);
    const dir = join(project, '.ferry/connectors/@ferry/connector-github/0.1.0');
    expect(result).toMatchObject({ name: GITHUB, version: '0.1.0', dir, status: 'installed' });
    expect((await readdir(dir)).sort()).toEqual([
      'CHANGELOG.md',
      'README.md',
      'connector.yaml',
      'package.json',
      'schemas',
    ]);
    const lock = await readLockfile(project);
    expect(lock.connectors[`${GITHUB}@0.1.0`]).toEqual({
      name: GITHUB,
      version: '0.1.0',
      source: 'folder',
      resolved: `file:${GITHUB_CONNECTOR}`,
      integrity: expect.stringMatching(/^sha512-[A-Za-z0-9+/]{86}==$/),
      contentHash: expect.stringMatching(/^sha256-[A-Za-z0-9+/]{43}=$/),
    });
    expect(await readFile(join(project, '.ferry/.gitignore'), 'utf8')).toContain('*');
    expect(await readdir(join(project, '.ferry/tmp'))).toEqual([]);

    const again = await installConnectors(project, [GITHUB_CONNECTOR]);
    expect(again[0]?.status).toBe('unchanged');
    const forced = await installConnectors(project, [GITHUB_CONNECTOR], { force: true });
    expect(forced[0]?.status).toBe('reinstalled');
    expect(forced[0]?.entry.contentHash).toBe(result?.entry.contentHash);
  });

  it('installs a tarball made by npm pack, with the integrity npm computed', async () => {
    const project = await tempDir();
    const packDir = await tempDir('ferry-pack-');
    const { stdout } = await promisify(execFile)(
      'npm',
      ['pack', GITHUB_CONNECTOR, '--json', '--pack-destination', packDir],
      { cwd: packDir },
    );
    const packed = JSON.parse(stdout)[0] as { filename: string; integrity: string };
    const tarball = join(packDir, packed.filename);
    const [result] = await installConnectors(project, [packed.filename], { cwd: packDir });
    expect(result?.entry).toMatchObject({
      source: 'tarball',
      resolved: `file:${tarball}`,
      integrity: packed.integrity,
    });
    expect(await fileIntegrity(tarball)).toBe(packed.integrity);
  });

  it('keeps several versions side by side', async () => {
    const project = await tempDir();
    const v2 = await copyConnector(GITHUB_CONNECTOR, { version: '0.2.0' });
    await installConnectors(project, [GITHUB_CONNECTOR, v2]);
    expect(await readdir(join(project, '.ferry/connectors/@ferry/connector-github'))).toEqual([
      '0.1.0',
      '0.2.0',
    ]);
    expect(Object.keys((await readLockfile(project)).connectors)).toEqual([
      `${GITHUB}@0.1.0`,
      `${GITHUB}@0.2.0`,
    ]);
  });

  it('refuses an invalid connector with every issue, pointing into the source folder, and installs nothing', async () => {
    const project = await tempDir();
    const broken = await copyConnector(GITHUB_CONNECTOR, { version: '0.3.0' });
    const manifest = join(broken, 'connector.yaml');
    await writeFile(
      manifest,
      (await readFile(manifest, 'utf8'))
        .replace('primaryKey: id\n    cursorField', 'primaryKey: ident\n    cursorField')
        .replace('title: GitHub', 'titel: GitHub'),
    );
    const failure = installConnectors(project, [broken]);
    await expect(failure).rejects.toMatchObject({
      code: 'FERRY_INSTALL_PACKAGE_INVALID',
      file: manifest,
      message: expect.stringContaining('nothing was installed'),
    });
    const error = await failure.catch((e) => e);
    expect(
      (error.details.issues as { code: string; path: string; line?: number }[]).map(
        (i) => `${i.code} ${i.path}`,
      ),
    ).toEqual(
      expect.arrayContaining([
        'FERRY_SCHEMA_UNKNOWN_KEY $.titel',
        'FERRY_MANIFEST_UNKNOWN_FIELD $.streams[1].primaryKey',
      ]),
    );
    expect(await exists(join(project, '.ferry/connectors/@ferry'))).toBe(false);
    expect(await readdir(join(project, '.ferry/tmp'))).toEqual([]);
    expect(await exists(join(project, 'ferry.lock'))).toBe(false);
  });

  it('refuses a connector whose runtime range excludes this runtime', async () => {
    const project = await tempDir();
    const future = await copyConnector(GITHUB_CONNECTOR, { runtime: '^9' });
    await expect(installConnectors(project, [future])).rejects.toMatchObject({
      code: 'FERRY_INSTALL_PACKAGE_INVALID',
      message: expect.stringContaining('FERRY_RUNTIME_INCOMPATIBLE'),
    });
  });

  it('refuses a file that is not a tarball, and a package without a valid name', async () => {
    const project = await tempDir();
    const junk = join(await tempDir('ferry-junk-'), 'junk.tgz');
    await writeFile(junk, 'not a tarball');
    await expect(installConnectors(project, [junk])).rejects.toMatchObject({
      code: 'FERRY_INSTALL_TARBALL_INVALID',
      file: junk,
      message: expect.stringContaining('cannot be extracted'),
    });
    // A hand-made tarball whose name would make a folder outside .ferry/connectors.
    const parent = await tempDir('ferry-escape-');
    await mkdir(join(parent, 'package'));
    await writeFile(
      join(parent, 'package/package.json'),
      JSON.stringify({ name: '../../escape', version: '1.0.0' }),
    );
    const outside = join(parent, 'escape.tgz');
    await createTarball({ gzip: true, file: outside, cwd: parent }, ['package']);
    await expect(installConnectors(project, [outside])).rejects.toMatchObject({
      code: 'FERRY_INSTALL_TARBALL_INVALID',
      path: '$.name',
    });
    expect(await exists(join(project, '.ferry/connectors'))).toBe(false);
  });

  it('reports npm errors with their lines, naming the spec', async () => {
    const project = await tempDir();
    const empty = await tempDir('ferry-empty-');
    await writeFile(join(empty, 'package.json'), '{ "name": ');
    await expect(installConnectors(project, [empty])).rejects.toMatchObject({
      code: 'FERRY_INSTALL_NPM_FAILED',
      file: empty,
      message: expect.stringMatching(/npm pack failed for .*\n.*npm error/),
    });
  });
});

describe('uninstallConnector and listConnectors', () => {
  it('lists versions with the connections that use them, and removes one version or all', async () => {
    const project = await tempDir();
    const v2 = await copyConnector(GITHUB_CONNECTOR, { version: '0.2.0' });
    await installConnectors(project, [GITHUB_CONNECTOR, v2]);
    await writeFile(
      join(project, 'ferry.yaml'),
      [
        'version: 1',
        'connections:',
        '  old: { connector: "@ferry/connector-github@~0.1.0" }',
        '  new: { connector: "@ferry/connector-github@^0.2.0" }',
        '  any: { connector: "@ferry/connector-github@*" }',
        '  gone: { connector: "@ferry/connector-github@^1" }',
        '',
      ].join('\n'),
    );
    const listed = await listConnectors(project);
    expect(listed.map((c) => [c.name, c.version, c.lock?.source, c.usedBy])).toEqual([
      [GITHUB, '0.1.0', 'folder', ['old']],
      [GITHUB, '0.2.0', 'folder', ['new', 'any']],
    ]);

    expect(await uninstallConnector(project, GITHUB, '0.1.0')).toEqual(['0.1.0']);
    expect((await listConnectors(project)).map((c) => c.version)).toEqual(['0.2.0']);
    expect(Object.keys((await readLockfile(project)).connectors)).toEqual([`${GITHUB}@0.2.0`]);

    await expect(uninstallConnector(project, GITHUB, '0.1.0')).rejects.toMatchObject({
      code: 'FERRY_CONNECTOR_NOT_INSTALLED',
      message: expect.stringContaining('installed versions: 0.2.0'),
    });
    expect(await uninstallConnector(project, GITHUB)).toEqual(['0.2.0']);
    expect(await readdir(join(project, '.ferry/connectors'))).toEqual([]);
    expect((await readLockfile(project)).connectors).toEqual({});
  });
});
