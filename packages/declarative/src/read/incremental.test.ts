import type { JsonObject } from '@ferry/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, connectorFrom, manifest, records, states } from '../test-connector.ts';
import { startServer, type TestServer } from '../testing/server.ts';

const schema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    updated: { type: 'string' },
    version: { type: 'integer' },
  },
};
let server: TestServer;
afterEach(() => server?.close());

/** An API of tickets sorted by `updated` ascending, filtered by `since` (inclusive), 3 per page. */
function ticketsApi(rows: JsonObject[]) {
  return startServer(({ query }) => {
    const since = query.get('since');
    const page = Number(query.get('page') ?? 1);
    const matching = rows
      .filter((r) => !since || Date.parse(r.updated as string) >= Date.parse(since))
      .sort(
        (a, b) =>
          Date.parse(a.updated as string) - Date.parse(b.updated as string) ||
          (a.id as number) - (b.id as number),
      );
    return { json: { tickets: matching.slice((page - 1) * 3, page * 3) } };
  });
}

function ticketsConnector(incremental: Record<string, unknown> = {}) {
  return connectorFrom(
    manifest({
      config: {
        type: 'object',
        properties: { baseUrl: { type: 'string' }, startDate: { type: 'string' } },
      },
      http: { baseUrl: '{{ config.baseUrl }}' },
      streams: [
        {
          name: 'tickets',
          schema,
          primaryKey: 'id',
          cursorField: 'updated',
          read: {
            request: { path: '/tickets', query: { since: '{{ cursor.start }}' } },
            records: { path: 'tickets' },
            pagination: { type: 'page', inject: { name: 'page' }, pageSize: 3 },
            incremental: {
              type: 'datetime',
              start: '{{ config.startDate }}',
              sorted: true,
              ...incremental,
            },
          },
        },
      ],
    }),
  );
}

const t = (minute: number) => `2024-05-01T10:${String(minute).padStart(2, '0')}:00Z`;

describe('incremental reads', () => {
  it('emits STATE after each page, covering only the records before it', async () => {
    const rows = [1, 2, 3, 4, 5, 6, 7].map((i) => ({ id: i, updated: t(i), version: 1 }));
    server = await ticketsApi(rows);
    const messages = await collect((await ticketsConnector()).read({ baseUrl: server.url }));
    expect(messages.map((m) => m.type).join(',')).toBe(
      'RECORD,RECORD,RECORD,STATE,RECORD,RECORD,RECORD,STATE,RECORD,STATE',
    );
    expect(states(messages)[0]).toEqual({ cursor: t(3), keys: ['[3]'] });
    expect(states(messages).at(-1)).toEqual({ cursor: t(7), keys: ['[7]'] });
  });

  it('starts from the config start date on a first read', async () => {
    server = await ticketsApi([1, 2, 3, 4].map((i) => ({ id: i, updated: t(i), version: 1 })));
    const got = records(
      await collect((await ticketsConnector()).read({ baseUrl: server.url, startDate: t(3) })),
    );
    expect(got.map((r) => r.id)).toEqual([3, 4]);
    expect(server.requests[0]?.query.get('since')).toBe(t(3));
  });

  it('resumes from saved state: only newer records, including new ones that share the boundary value', async () => {
    const rows: JsonObject[] = [
      { id: 1, updated: t(1), version: 1 },
      { id: 2, updated: t(2), version: 1 },
      { id: 3, updated: t(2), version: 1 },
    ];
    server = await ticketsApi(rows);
    const connector = await ticketsConnector();
    const first = await collect(connector.read({ baseUrl: server.url }));
    expect(records(first).map((r) => r.id)).toEqual([1, 2, 3]);
    const saved = states(first).at(-1) as JsonObject;
    expect(saved).toEqual({ cursor: t(2), keys: ['[2]', '[3]'] });

    rows.push({ id: 4, updated: t(2), version: 1 }, { id: 5, updated: t(9), version: 1 });
    (rows[0] as JsonObject).updated = t(10);
    (rows[0] as JsonObject).version = 2;
    const second = await collect(
      connector.read({ baseUrl: server.url }, { state: { tickets: saved } }),
    );
    expect(records(second).map((r) => [r.id, r.version])).toEqual([
      [4, 1],
      [5, 1],
      [1, 2],
    ]);
    expect(server.requests.at(-1)?.query.get('since')).toBe(t(2));
    expect(states(second).at(-1)).toEqual({ cursor: t(10), keys: ['[1]'] });

    const third = await collect(
      connector.read(
        { baseUrl: server.url },
        { state: { tickets: states(second).at(-1) as JsonObject } },
      ),
    );
    expect(records(third)).toEqual([]);
  });

  it('re-reads a lookback window before the saved cursor', async () => {
    server = await ticketsApi([1, 5, 9].map((i) => ({ id: i, updated: t(i), version: 1 })));
    const connector = await ticketsConnector({ lookback: '5m' });
    const got = records(
      await collect(
        connector.read(
          { baseUrl: server.url },
          { state: { tickets: { cursor: t(9), keys: ['[9]'] } } },
        ),
      ),
    );
    expect(server.requests[0]?.query.get('since')).toBe(t(4));
    expect(got.map((r) => r.id)).toEqual([5]);
  });

  it('reads custom datetime formats and integer cursors', async () => {
    server = await startServer(({ query }) => ({
      json: [
        { id: 1, seq: 10, at: '2024-05-01 10:00:00' },
        { id: 2, seq: 20, at: '2024-05-02 10:00:00' },
      ].filter((r) => r.seq >= Number(query.get('from') ?? 0)),
    }));
    const connector = await connectorFrom(
      manifest({
        http: { baseUrl: '{{ config.baseUrl }}' },
        streams: [
          {
            name: 'events',
            schema: {
              type: 'object',
              properties: {
                id: { type: 'integer' },
                seq: { type: 'integer' },
                at: { type: 'string' },
              },
            },
            primaryKey: 'id',
            cursorField: 'seq',
            read: {
              request: { path: '/events' },
              incremental: { type: 'integer', inject: { name: 'from' } },
            },
          },
        ],
      }),
    );
    const got = await collect(
      connector.read({ baseUrl: server.url }, { state: { events: { cursor: 10, keys: ['[1]'] } } }),
    );
    expect(records(got).map((r) => r.id)).toEqual([2]);
    expect(server.requests[0]?.query.get('from')).toBe('10');
    expect(states(got).at(-1)).toEqual({ cursor: 20, keys: ['[2]'] });
  });

  it('fails with FERRY_CURSOR_INVALID on a cursor value of the wrong form', async () => {
    server = await ticketsApi([{ id: 1, updated: 'yesterday', version: 1 }]);
    await expect(
      collect((await ticketsConnector()).read({ baseUrl: server.url })),
    ).rejects.toMatchObject({ code: 'FERRY_CURSOR_INVALID' });
  });
});
