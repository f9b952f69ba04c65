import type { JsonObject, WriteResult } from '@ferry/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { connectorFrom, manifest } from '../test-connector.ts';
import { startServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
afterEach(() => server?.close());

const contacts = Array.from({ length: 7 }, (_, i) => ({
  email: `p${i}@example.com`,
  name: `Person ${i}`,
}));

/** A batch upsert API in HubSpot's shape: { inputs } in, { results, errors } out; at most 3 per call. */
async function upsertApi() {
  const store = new Map<string, JsonObject>();
  server = await startServer(({ body }) => {
    const { inputs } = JSON.parse(body) as { inputs: { id: string; properties: JsonObject }[] };
    if (inputs.length > 3) return { status: 400, json: { message: 'too many inputs' } };
    const results = inputs.map((input) => {
      if (!String(input.id).includes('@'))
        return { id: input.id, status: 'error', message: `invalid email '${input.id}'` };
      store.set(input.id, input.properties);
      return { id: input.id, status: 'ok', objectId: `obj-${input.id}` };
    });
    return { json: { results } };
  });
  return store;
}

const byStatus = {
  path: 'results',
  match: 'key' as const,
  key: '{{ result.id }}',
  accepted: "{{ result.status = 'ok' }}",
  reason: '{{ result.message }}',
  id: '{{ result.objectId }}',
};

async function writer(results: object = byStatus) {
  return connectorFrom(
    manifest({
      http: { baseUrl: '{{ config.baseUrl }}' },
      streams: [
        {
          name: 'contacts',
          schema: {
            type: 'object',
            properties: { email: { type: 'string' }, name: { type: 'string' } },
          },
          primaryKey: 'email',
          write: {
            request: {
              method: 'POST',
              path: '/contacts/batch/upsert',
              body: {
                json: { inputs: "{{ [records.{ 'id': email, 'properties': { 'name': name } }] }}" },
              },
            },
            batchSize: 3,
            results,
          },
        },
      ],
    }),
  );
}

async function all(gen: AsyncIterable<WriteResult[]>) {
  const out: WriteResult[] = [];
  for await (const batch of gen) out.push(...batch);
  return out;
}

describe('declarative writes', () => {
  it('sends batches of at most batchSize and maps per-record results', async () => {
    const store = await upsertApi();
    const input = [...contacts, { email: 'not-an-email', name: 'Bad' }];
    const results = await all((await writer()).write({ baseUrl: server.url }, 'contacts', [input]));
    expect(
      server.requests.map((r) => (JSON.parse(r.body) as { inputs: unknown[] }).inputs.length),
    ).toEqual([3, 3, 2]);
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(7);
    expect(results[7]).toEqual({
      index: 7,
      status: 'rejected',
      reason: "invalid email 'not-an-email'",
    });
    expect(results[0]).toEqual({ index: 0, status: 'accepted', id: 'obj-p0@example.com' });
    expect(store.size).toBe(7);
  });

  it('is idempotent: a batch with the same key twice sends it once, and writing again changes nothing', async () => {
    const store = await upsertApi();
    const c = await writer();
    const twice = [contacts[0] as JsonObject, { ...contacts[0], name: 'Renamed' }];
    const results = await all(c.write({ baseUrl: server.url }, 'contacts', [twice]));
    expect((JSON.parse(server.requests[0]?.body ?? '{}') as { inputs: unknown[] }).inputs).toEqual([
      { id: 'p0@example.com', properties: { name: 'Renamed' } },
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    await all(c.write({ baseUrl: server.url }, 'contacts', [twice]));
    expect([...store.entries()]).toEqual([['p0@example.com', { name: 'Renamed' }]]);
  });

  it('rejects every record of a batch the API refuses, with the reason', async () => {
    server = await startServer(() => ({ status: 422, json: { message: 'schema mismatch' } }));
    const results = await all(
      (await writer()).write({ baseUrl: server.url }, 'contacts', [contacts.slice(0, 2)]),
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results[0]?.reason).toContain('schema mismatch');
  });

  it('reads rejections listed apart from the results, by the keys each error names', async () => {
    // HubSpot's 207 Multi-Status: successes in results[], failures in errors[] with their ids.
    server = await startServer(({ body }) => {
      const { inputs } = JSON.parse(body) as { inputs: { id: string }[] };
      const bad = inputs.filter((i) => !i.id.includes('@')).map((i) => i.id);
      const good = inputs.filter((i) => i.id.includes('@'));
      return {
        status: bad.length > 0 ? 207 : 200,
        json: {
          status: 'COMPLETE',
          results: good.map((i) => ({ id: `obj-${i.id}`, properties: { email: i.id } })),
          ...(bad.length > 0
            ? {
                errors: [
                  {
                    status: 'error',
                    category: 'VALIDATION_ERROR',
                    message: 'Invalid email',
                    context: { ids: bad },
                  },
                ],
              }
            : {}),
        },
      };
    });
    const c = await writer({
      path: 'results',
      match: 'key',
      key: '{{ result.properties.email }}',
      id: '{{ result.id }}',
      rejected: {
        path: 'errors',
        key: '{{ result.context.ids }}',
        reason: '{{ result.category & ": " & result.message }}',
      },
    });
    const input = [
      contacts[0],
      { email: 'nope', name: 'A' },
      { email: 'nada', name: 'B' },
    ] as JsonObject[];
    const results = await all(c.write({ baseUrl: server.url }, 'contacts', [input]));
    expect(results).toEqual([
      { index: 0, status: 'accepted', id: 'obj-p0@example.com' },
      { index: 1, status: 'rejected', reason: 'VALIDATION_ERROR: Invalid email' },
      { index: 2, status: 'rejected', reason: 'VALIDATION_ERROR: Invalid email' },
    ]);
  });

  it('fails the write, rather than rejecting records, on a refusal that concerns every batch', async () => {
    // Salesforce's exhausted daily limit is a 403 with REQUEST_LIMIT_EXCEEDED
    server = await startServer(() => ({
      status: 403,
      json: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }],
    }));
    await expect(
      all((await writer()).write({ baseUrl: server.url }, 'contacts', [contacts.slice(0, 2)])),
    ).rejects.toMatchObject({
      code: 'FERRY_HTTP_STATUS',
      message: expect.stringContaining('REQUEST_LIMIT_EXCEEDED'),
    });
  });
});
