import { openConnector } from '@ferry/declarative';
import { startServer } from '@ferry/declarative/testing';
import type { RecordSchema } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import { describe, expect, it } from 'vitest';
import { type Checkpoint, executeRun } from './execute-run.ts';
import { CUSTOMERS_MANIFEST, customers, customersApi, writeConnector } from './test-fixtures.ts';

// Two declarative connectors whose streams both map onto the canonical Customer, with no
// field name in common: the source has first/last/email/id, the destination
// contact_email/display_name/first_name/ref. Only the canonical blocks connect them.
const [customersStream] = CUSTOMERS_MANIFEST.streams;
const SOURCE = {
  ...CUSTOMERS_MANIFEST,
  streams: [
    {
      ...customersStream,
      canonical: {
        entity: 'Customer',
        fields: { email: 'email' },
        read: {
          name: "{{ $join([record.first, record.last], ' ') }}",
          externalId: '{{ $string(record.id) }}',
        },
      },
    },
  ],
};

const DESTINATION = {
  name: '@test/accounts',
  title: 'Accounts',
  runtime: '^1',
  config: { type: 'object', required: ['baseUrl'], properties: { baseUrl: { type: 'string' } } },
  http: { baseUrl: '{{ config.baseUrl }}' },
  streams: [
    {
      name: 'accounts',
      schema: {
        type: 'object',
        properties: {
          contact_email: { type: 'string' },
          display_name: { type: 'string' },
          first_name: { type: 'string' },
          ref: { type: 'string' },
        },
      },
      primaryKey: 'contact_email',
      write: {
        request: { method: 'POST', path: '/accounts', body: { json: { items: '{{ records }}' } } },
        batchSize: 200,
      },
      canonical: {
        entity: 'Customer',
        fields: { email: 'contact_email', externalId: 'ref' },
        write: {
          display_name: '{{ entity.name }}',
          first_name: "{{ $substringBefore(entity.name, ' ') }}",
        },
      },
    },
  ],
};

/** The destination API: stores what each POST carried. */
async function accountsApi() {
  const received: JsonObject[] = [];
  const server = await startServer(({ body }) => {
    received.push(...(JSON.parse(body) as { items: JsonObject[] }).items);
    return { json: { ok: true } };
  });
  return { url: server.url, received };
}

async function run(mapping?: Record<string, string>) {
  const api = await customersApi(customers(450, 100));
  const accounts = await accountsApi();
  const source = await openConnector(await writeConnector(SOURCE));
  const checkpoints: Checkpoint[] = [];
  const counts = await executeRun(
    {
      runId: 'run-1',
      recipe: 'customers-to-accounts',
      source: {
        connector: source,
        config: { baseUrl: api.url },
        stream: 'customers',
        schema: source.discover()[0]?.schema as RecordSchema,
      },
      destination: {
        connector: await openConnector(await writeConnector(DESTINATION)),
        config: { baseUrl: accounts.url },
        stream: 'accounts',
      },
      ...(mapping ? { mapping } : {}),
    },
    { commit: async (c) => void checkpoints.push(c) },
  );
  return { counts, received: accounts.received, checkpoints };
}

describe('executeRun between two streams of one canonical entity', () => {
  it('maps source -> Customer -> destination with no mapping written', async () => {
    const { counts, received } = await run();
    expect(counts).toEqual({ read: 450, written: 446, failed: 4, deadLettered: 4 });
    expect(received).toHaveLength(446);
    expect(received[0]).toEqual({
      contact_email: 'c1@example.com',
      ref: '1',
      display_name: 'First1 Last1',
      first_name: 'First1',
    });
  });

  it('lets a recipe mapping override single destination fields, over record and entity', async () => {
    const { counts, received, checkpoints } = await run({
      display_name: '$uppercase(entity.name)',
      ref: "'crm-' & $string(record.id)",
      first_name: 'record.nickname',
      contact_email: "$contains(email, '7') ? $error('no sevens') : email",
    });
    expect(received[0]).toEqual({
      contact_email: 'c1@example.com',
      ref: 'crm-1',
      display_name: 'FIRST1 LAST1',
    });
    // An override that fails dead-letters its record at the map stage, like any mapping.
    const letters = checkpoints.flatMap((c) => c.deadLetters);
    expect(letters.find((d) => d.stage === 'map')).toMatchObject({
      code: 'FERRY_MAPPING_FAILED',
      reason: expect.stringContaining('no sevens'),
      record: { id: 7 },
    });
    expect(counts.written).toBe(received.length);
    expect(received.some((r) => String(r.contact_email).includes('7'))).toBe(false);
  });
});
