// The conformance suite (every check a Ferry connector must pass) on files in a temporary
// folder, once for JSON Lines and once for CSV (its id column cast to integer by the config's
// schema, so keys read back equal the samples'). The cursor field makes the incremental checks
// apply; writes are checked by writing the samples twice and reading the file back.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject } from '@ferry/sdk';
import { describeConformance } from '@ferry/testkit';
import { afterAll, describe } from 'vitest';
import { packageDir } from './helpers.ts';

const folder = await mkdtemp(join(tmpdir(), 'ferry-files-conformance-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

const seed: JsonObject[] = [
  { id: 1, name: 'Zoë "Z" Æbelø', plan: 'pro', updated_at: '2024-03-01T10:00:00Z' },
  { id: 2, name: 'Grace, Hopper', plan: null, updated_at: '2024-03-02T10:00:00Z' },
  { id: 3, name: 'line one\nline two', plan: '', updated_at: '2024-03-02T10:00:00Z' },
];
const samples: JsonObject[] = [
  { id: 2, name: 'Grace Hopper', plan: 'team', updated_at: '2024-03-05T09:00:00Z' },
  { id: 4, name: '日本語', plan: 'pro', updated_at: '2024-03-06T09:00:00Z' },
];

describe('JSON Lines', async () => {
  const path = join(folder, 'customers.jsonl');
  await writeFile(path, seed.map((r) => `${JSON.stringify(r)}\n`).join(''));
  describeConformance({
    connector: packageDir,
    config: { path, cursorField: 'updated_at' },
    badConfig: { path: join(folder, 'no-such-folder', 'customers.jsonl') },
    writeSamples: { records: samples },
  });
});

describe('CSV', async () => {
  const path = join(folder, 'customers.csv');
  await writeFile(
    path,
    'id,name,plan,updated_at\r\n1,"Zoë ""Z"" Æbelø",pro,2024-03-01T10:00:00Z\r\n2,"Grace, Hopper",,2024-03-02T10:00:00Z\r\n3,"line one\nline two","",2024-03-02T10:00:00Z\r\n',
  );
  describeConformance({
    connector: packageDir,
    config: {
      path,
      cursorField: 'updated_at',
      schema: { properties: { id: { type: 'integer' } } },
    },
    badConfig: { path: join(folder, 'no-such-folder', 'customers.csv') },
    writeSamples: { records: samples },
  });
});
