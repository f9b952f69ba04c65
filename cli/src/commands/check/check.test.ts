import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestServer } from '@ferry/declarative/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeEcb } from '../../../../connectors/ecb-rates/test/fake-ecb.ts';
import { fakeGitHub } from '../../../../connectors/github/test/fake-github.ts';
import { runFerry } from '../../test-cli.ts';

let server: TestServer;
afterEach(() => server?.close());

async function configFile(content: object): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ferry-check-')), 'config.json');
  await writeFile(path, JSON.stringify(content));
  return path;
}

describe('ferry check', () => {
  it('passes for a working GitHub config and fails, exit 1, for a wrong token', async () => {
    server = await fakeGitHub('good-token', { 'acme/app': [] });
    const good = await runFerry([
      'check',
      'connectors/github',
      '--config',
      await configFile({ token: 'good-token', repositories: ['acme/app'], baseUrl: server.url }),
    ]);
    expect(good.stdout).toContain('ok: @ferry/connector-github 0.1.0 can connect');
    expect(good.code).toBe(0);
    const bad = await runFerry([
      'check',
      'connectors/github',
      '--json',
      '--config',
      await configFile({ token: 'bad-token', repositories: ['acme/app'], baseUrl: server.url }),
    ]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^FERRY_HTTP_STATUS: .*401/),
    });
  });

  it('passes for the ECB connector and reports an invalid config', async () => {
    server = await fakeEcb([['USD', '2024-05-02', 1.07]]);
    const good = await runFerry([
      'check',
      'connectors/ecb-rates',
      '--config',
      await configFile({ currencies: ['USD'], baseUrl: `${server.url}/service` }),
    ]);
    expect(good.code).toBe(0);
    const invalid = await runFerry([
      'check',
      'connectors/ecb-rates',
      '--config',
      await configFile({ currencies: 'USD' }),
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('FERRY_CONFIG_INVALID');
    expect(invalid.stderr).toContain('$.currencies: must be a list, got a string');
  });
});

describe('ferry spec and discover', () => {
  it('prints the spec and the catalog as data', async () => {
    const spec = await runFerry(['spec', 'connectors/github', '--json']);
    expect(spec.code).toBe(0);
    expect(JSON.parse(spec.stdout)).toMatchObject({
      name: '@ferry/connector-github',
      runtime: '^1',
      config: { properties: { token: { 'x-secret': true } } },
    });
    const catalog = await runFerry(['discover', 'connectors/ecb-rates/connector.yaml', '--json']);
    expect(catalog.code).toBe(0);
    expect(JSON.parse(catalog.stdout)).toMatchObject({
      streams: [
        {
          name: 'rates',
          primaryKey: ['currency', 'date'],
          cursorField: 'date',
          syncModes: ['full', 'incremental'],
          writable: false,
        },
      ],
    });
    const human = await runFerry(['discover', 'connectors/github']);
    expect(human.stdout).toContain('issues  key: id  cursor: updated_at  modes: full, incremental');
  });

  it('fails with FERRY_CONNECTOR_INVALID for a path that is not a connector', async () => {
    const result = await runFerry(['spec', 'docs']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FERRY_CONNECTOR_INVALID');
  });
});
