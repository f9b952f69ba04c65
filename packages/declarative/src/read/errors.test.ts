import { afterEach, describe, expect, it } from 'vitest';
import { collect, collectUntilError, connectorFrom, manifest, records } from '../test-connector.ts';
import { startServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
afterEach(() => server?.close());

const t = (i: number) => `2024-05-01T10:00:${String(i).padStart(2, '0')}Z`;
const ROWS = Array.from({ length: 9 }, (_, i) => ({ id: i + 1, updated: t(i + 1) }));

function connector(http: Record<string, unknown> = {}) {
  return connectorFrom(
    manifest({
      http: {
        baseUrl: '{{ config.baseUrl }}',
        retry: { initialDelay: '10ms', maxRetries: 3 },
        ...http,
      },
      streams: [
        {
          name: 'rows',
          schema: {
            type: 'object',
            properties: { id: { type: 'integer' }, updated: { type: 'string' } },
          },
          primaryKey: 'id',
          cursorField: 'updated',
          read: {
            request: { path: '/rows' },
            records: { path: 'rows' },
            pagination: { type: 'page', inject: { name: 'page' }, pageSize: 3 },
            incremental: { type: 'datetime', sorted: true },
          },
        },
      ],
    }),
  );
}

const page = (n: number) => ({ json: { rows: ROWS.slice((n - 1) * 3, n * 3) } });

describe('error handling during a read', () => {
  it('waits out a 429 with Retry-After: 1 and completes', async () => {
    const seenAt: number[] = [];
    server = await startServer(({ query }) => {
      seenAt.push(Date.now());
      if (seenAt.length === 2)
        return { status: 429, headers: { 'retry-after': '1' }, json: { message: 'slow down' } };
      return page(Number(query.get('page')));
    });
    const got = records(await collect((await connector()).read({ baseUrl: server.url })));
    expect(got).toEqual(ROWS);
    expect((seenAt[2] ?? 0) - (seenAt[1] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('retries a burst of 503s', async () => {
    let calls = 0;
    server = await startServer(({ query }) => {
      calls++;
      return calls >= 2 && calls <= 4
        ? { status: 503, body: 'unavailable' }
        : page(Number(query.get('page')));
    });
    expect(records(await collect((await connector()).read({ baseUrl: server.url })))).toEqual(ROWS);
    expect(calls).toBe(7);
  });

  it('fails with a coded error when a page still fails after the retries; the last STATE covers only records already emitted', async () => {
    server = await startServer(({ query }) =>
      query.get('page') === '3'
        ? { status: 502, body: 'bad gateway' }
        : page(Number(query.get('page'))),
    );
    const { messages, error } = await collectUntilError(
      (await connector()).read({ baseUrl: server.url }),
    );
    expect(error).toMatchObject({
      code: 'FERRY_HTTP_RETRIES_EXHAUSTED',
      details: { stream: 'rows', operation: 'read' },
    });
    expect(server.requests.filter((r) => r.query.get('page') === '3')).toHaveLength(4);
    expect(records(messages).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(messages.at(-1)).toEqual({
      type: 'STATE',
      stream: 'rows',
      state: { cursor: t(6), keys: ['[6]'] },
    });
  });

  it('applies error rules: ignore a status, fail on a body match with a message', async () => {
    server = await startServer(({ query }) => {
      if (query.get('page') === '1') return page(1);
      return { status: 404, json: { error: 'gone' } };
    });
    const ignoring = await connector({ errors: [{ status: 404, action: 'ignore' }] });
    expect(records(await collect(ignoring.read({ baseUrl: server.url }))).map((r) => r.id)).toEqual(
      [1, 2, 3],
    );

    await server.close();
    server = await startServer(() => ({ json: { rows: [], error: { code: 'LOCKED' } } }));
    const failing = await connector({
      errors: [
        {
          when: "{{ response.error.code = 'LOCKED' }}",
          action: 'fail',
          message: 'account locked: {{ response.error.code }}',
        },
      ],
    });
    await expect(collect(failing.read({ baseUrl: server.url }))).rejects.toMatchObject({
      code: 'FERRY_HTTP_STATUS',
      message: expect.stringContaining('account locked: LOCKED'),
    });
  });

  it('times out a slow request and retries it', async () => {
    let calls = 0;
    server = await startServer(({ query }) => {
      calls++;
      return calls === 1 ? { ...page(1), delayMs: 500 } : page(Number(query.get('page')));
    });
    const c = await connector({ timeout: '100ms' });
    expect(records(await collect(c.read({ baseUrl: server.url }))).map((r) => r.id)).toEqual(
      ROWS.map((r) => r.id),
    );
    expect(calls).toBe(5);
  });
});

describe('permissions', () => {
  it('refuses a host outside the manifest permissions before sending anything', async () => {
    server = await startServer(() => page(1));
    const c = await connectorFrom(
      manifest({
        permissions: { hosts: ['api.example.com'] },
        http: { baseUrl: '{{ config.baseUrl }}' },
        streams: [
          {
            name: 'rows',
            schema: { type: 'object', properties: { id: { type: 'integer' } } },
            primaryKey: 'id',
            read: { request: { path: '/rows' }, records: { path: 'rows' } },
          },
        ],
      }),
    );
    await expect(collect(c.read({ baseUrl: server.url }))).rejects.toMatchObject({
      code: 'FERRY_HTTP_HOST_NOT_ALLOWED',
    });
    expect(server.requests).toHaveLength(0);
  });
});
