import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { collect, records, states, type TestServer } from '@ferry/declarative/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeEcb } from '../../../connectors/ecb-rates/test/fake-ecb.ts';
import { installConnectors } from './install.ts';
import { loadInstalledConnector } from './loader.ts';
import { installableEcb, tempDir } from './test-fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the SDK provided to installed connectors', () => {
  it('lets an installed TypeScript handler import @ferry/sdk, which its folder does not have, and its own dependencies', async () => {
    const project = await tempDir();
    const [installed] = await installConnectors(project, [await installableEcb()], {
      preferOffline: true,
    });
    const dir = installed?.dir as string;
    expect(await readdir(join(dir, 'node_modules'))).toContain('csv-parse');
    await expect(access(join(dir, 'node_modules/@ferry/sdk'))).rejects.toThrow();

    server = await fakeEcb([
      ['USD', '2024-05-02', 1.0701],
      ['USD', '2024-05-03', 1.0772],
    ]);
    const ecb = await loadInstalledConnector(project, '@ferry/connector-ecb-rates@^0.1.0');
    const messages = await collect(
      ecb.read({ currencies: ['USD'], baseUrl: `${server.url}/service` }),
    );
    expect(records(messages)).toEqual([
      { currency: 'USD', base: 'EUR', date: '2024-05-02', rate: 1.0701, status: 'A' },
      { currency: 'USD', base: 'EUR', date: '2024-05-03', rate: 1.0772, status: 'A' },
    ]);
    expect(states(messages)).toEqual([{ date: '2024-05-03', currencies: ['USD'] }]);
  });
});
