import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installConnectors } from './install.ts';
import { installFromLock } from './install-locked.ts';
import { readLockfile } from './lockfile.ts';
import { copyConnector, GITHUB_CONNECTOR, tempDir } from './test-fixtures.ts';

const GITHUB = '@ferry/connector-github';

/**
 * A local npm registry that serves one package, the way registry.npmjs.org does: the
 * packument at /<name> (scoped names URL-encoded) and the tarballs it points to. npm itself
 * talks to it, so the registry path of `ferry install` runs without the network.
 */
async function localRegistry(tarballs: Record<string, { file: string; integrity: string }>) {
  const files = new Map<string, string>();
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(request.url ?? '/');
    const file = files.get(path);
    if (file) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(await readFile(file));
    } else if (path === `/${GITHUB}`) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(packument()));
    } else {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'Not found' }));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const tarballUrl = (version: string) => `${url}${GITHUB}/-/connector-github-${version}.tgz`;
  for (const [version, tarball] of Object.entries(tarballs))
    files.set(`/${GITHUB}/-/connector-github-${version}.tgz`, tarball.file);
  const packument = () => ({
    name: GITHUB,
    'dist-tags': { latest: Object.keys(tarballs).at(-1) },
    versions: Object.fromEntries(
      Object.entries(tarballs).map(([version, tarball]) => [
        version,
        {
          name: GITHUB,
          version,
          dist: { tarball: tarballUrl(version), integrity: tarball.integrity },
        },
      ]),
    ),
  });
  return { url, tarballUrl, close: () => new Promise((r) => server.close(r)) };
}

async function pack(folder: string): Promise<{ file: string; integrity: string }> {
  const dest = await tempDir('ferry-pack-');
  const { stdout } = await promisify(execFile)(
    'npm',
    ['pack', folder, '--json', '--pack-destination', dest],
    { cwd: dest },
  );
  const [info] = JSON.parse(stdout) as { filename: string; integrity: string }[];
  return { file: join(dest, info?.filename as string), integrity: info?.integrity as string };
}

let registry: Awaited<ReturnType<typeof localRegistry>>;
let tarballs: Record<string, { file: string; integrity: string }>;

beforeAll(async () => {
  tarballs = {
    '0.1.0': await pack(GITHUB_CONNECTOR),
    '0.2.0': await pack(await copyConnector(GITHUB_CONNECTOR, { version: '0.2.0' })),
  };
  registry = await localRegistry(tarballs);
});
afterAll(() => registry?.close());

describe('installing from an npm registry', () => {
  it('resolves name@range with npm and records the spec, the tarball URL and its integrity', async () => {
    const project = await tempDir();
    const [old] = await installConnectors(project, [`${GITHUB}@^0.1.0`], {
      registry: registry.url,
    });
    const [latest] = await installConnectors(project, [GITHUB], { registry: registry.url });
    expect([old?.version, latest?.version]).toEqual(['0.1.0', '0.2.0']);
    const lock = await readLockfile(project);
    expect(lock.connectors[`${GITHUB}@0.1.0`]).toMatchObject({
      source: 'registry',
      spec: `${GITHUB}@^0.1.0`,
      resolved: registry.tarballUrl('0.1.0'),
      integrity: tarballs['0.1.0']?.integrity,
    });
    expect(lock.connectors[`${GITHUB}@0.2.0`]).toMatchObject({
      spec: `${GITHUB}@latest`,
      resolved: registry.tarballUrl('0.2.0'),
    });

    // A fresh clone: the exact versions come back from the registry, checked against the lock.
    await rm(join(project, '.ferry'), { recursive: true });
    const again = await installFromLock(project, { registry: registry.url });
    expect(again.map((r) => r.version)).toEqual(['0.1.0', '0.2.0']);
    expect(await readLockfile(project)).toEqual(lock);
  });

  it("reports npm's E404 for a name the registry does not have", async () => {
    const project = await tempDir();
    await expect(
      installConnectors(project, ['@ferry/connector-nothing@^1'], { registry: registry.url }),
    ).rejects.toMatchObject({
      code: 'FERRY_INSTALL_NPM_FAILED',
      file: '@ferry/connector-nothing@^1',
      message: expect.stringContaining('404'),
    });
  });
});
