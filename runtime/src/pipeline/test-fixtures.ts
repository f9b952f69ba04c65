import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type TestServer } from '@ferry/declarative/testing';
import type { JsonObject } from '@ferry/sdk';

/** Test support: temp folders inside the repository, so connector handlers resolve @ferry/sdk. */
const TMP = fileURLToPath(new URL('../../.test-tmp/', import.meta.url));
export const SQLITE_CONNECTOR = fileURLToPath(
  new URL('../../../connectors/sqlite', import.meta.url),
);

export async function tempDir(prefix: string): Promise<string> {
  await mkdir(TMP, { recursive: true });
  return mkdtemp(join(TMP, prefix));
}

/** Writes a connector (manifest object and extra files) into a temp folder; returns the manifest path. */
export async function writeConnector(
  manifest: JsonObject,
  files: Record<string, string> = {},
): Promise<string> {
  const dir = await tempDir('connector-');
  for (const [path, text] of Object.entries({
    'connector.json': JSON.stringify(manifest),
    ...files,
  })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return join(dir, 'connector.json');
}

/** Customers with an integer id and a sequence number as cursor, served 200 per page by `since`. */
export function customers(count: number, invalidEvery = 0): JsonObject[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    seq: i + 1,
    email: invalidEvery && (i + 1) % invalidEvery === 0 ? 42 : `c${i + 1}@example.com`,
    first: `First${i + 1}`,
    last: `Last${i + 1}`,
  }));
}

export async function customersApi(rows: JsonObject[], pageSize = 200): Promise<TestServer> {
  return startServer(({ query }) => {
    const since = Number(query.get('since') ?? 0);
    return { json: { data: rows.filter((r) => (r.seq as number) >= since).slice(0, pageSize) } };
  });
}

/** The manifest of a declarative source over `customersApi`: incremental on seq, cursor pagination by `since`. */
export const CUSTOMERS_MANIFEST = {
  name: '@test/customers',
  title: 'Customers',
  runtime: '^1',
  config: { type: 'object', required: ['baseUrl'], properties: { baseUrl: { type: 'string' } } },
  http: { baseUrl: '{{ config.baseUrl }}', retry: { initialDelay: '10ms' } },
  streams: [
    {
      name: 'customers',
      schema: {
        type: 'object',
        required: ['id', 'email'],
        properties: {
          id: { type: 'integer' },
          seq: { type: 'integer' },
          email: { type: 'string' },
          first: { type: 'string' },
          last: { type: 'string' },
          name: { type: 'string' },
        },
      },
      primaryKey: 'id',
      cursorField: 'seq',
      read: {
        request: { path: '/customers', query: { since: '{{ cursor.start }}' } },
        records: { path: 'data' },
        pagination: {
          type: 'cursor',
          cursor: '{{ $count(records) = 200 ? records[-1].seq + 1 : null }}',
          inject: { name: 'since' },
        },
        incremental: { type: 'integer', sorted: true },
      },
    },
  ],
};

/** `CUSTOMERS_MANIFEST` written to a temp folder; returns the manifest path. */
export function customersConnector(): Promise<string> {
  return writeConnector(CUSTOMERS_MANIFEST);
}

/** Connectors that misbehave on purpose: `spin` loops forever, `hoard` allocates without bound. */
const HOSTILE = `
import { defineConnector } from '@ferry/sdk';
const c = defineConnector();
export const spin = c.read(async function* () {
  yield { record: { id: 1 } };
  for (;;) {}
});
export const hoard = c.read(async function* () {
  const kept: number[][] = [];
  for (;;) kept.push(new Array(1_000_000).fill(7));
});
`;

export function hostileConnector(handler: 'spin' | 'hoard'): Promise<string> {
  return writeConnector(
    {
      name: '@test/hostile',
      title: 'Hostile',
      runtime: '^1',
      config: { type: 'object', properties: {} },
      streams: [
        {
          name: 'items',
          schema: { type: 'object', properties: { id: { type: 'integer' } } },
          primaryKey: 'id',
          read: { handler: `./dist/h.js#${handler}` },
        },
      ],
    },
    { 'src/h.ts': HOSTILE },
  );
}
