import type { JsonObject } from '@ferry/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, connectorFrom, manifest, records } from '../test-connector.ts';
import { startServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
afterEach(() => server?.close());

const CAP = 9;

/**
 * A search in HubSpot's shape, scaled down: POST { since, after, limit } sorted by `updated`
 * then id, at most `CAP` results per search; asking beyond the cap is a 400, as HubSpot answers
 * past 10,000.
 */
function cappedSearch(rows: JsonObject[]) {
  return startServer(({ body }) => {
    const { since, after, limit } = JSON.parse(body) as {
      since?: string;
      after?: string;
      limit: number;
    };
    const offset = Number(after ?? 0);
    if (offset + limit > CAP) return { status: 400, json: { message: 'beyond the search cap' } };
    const matching = rows
      .filter((r) => !since || Date.parse(r.updated as string) >= Date.parse(since))
      .sort(
        (a, b) =>
          Date.parse(a.updated as string) - Date.parse(b.updated as string) ||
          (a.id as number) - (b.id as number),
      );
    const page = matching.slice(offset, offset + limit);
    const more = offset + limit < matching.length;
    return {
      json: {
        results: page,
        ...(more ? { paging: { next: { after: String(offset + limit) } } } : {}),
      },
    };
  });
}

function searchConnector() {
  return connectorFrom(
    manifest({
      http: { baseUrl: '{{ config.baseUrl }}' },
      streams: [
        {
          name: 'contacts',
          schema: {
            type: 'object',
            properties: { id: { type: 'integer' }, updated: { type: 'string' } },
          },
          primaryKey: 'id',
          cursorField: 'updated',
          read: {
            request: {
              method: 'POST',
              path: '/search',
              body: { json: { since: '{{ cursor.start }}', limit: 3 } },
            },
            records: { path: 'results' },
            pagination: {
              type: 'cursor',
              cursor: '{{ response.paging.next.after }}',
              inject: { in: 'body', name: 'after' },
              restart: `{{ $number(response.paging.next.after) + 3 > ${CAP} }}`,
            },
            incremental: { type: 'datetime', sorted: true },
          },
        },
      ],
    }),
  );
}

const t = (minute: number) => `2024-05-01T10:${String(minute).padStart(2, '0')}:00Z`;

describe('restarting a capped search', () => {
  it('reads every record exactly once across several caps in one read, ties at the boundary included', async () => {
    // 25 records; several share a minute, some of those straddle a cap boundary
    const rows = Array.from({ length: 25 }, (_, i) => ({
      id: i + 1,
      updated: t(Math.floor(i / 2)),
    }));
    server = await cappedSearch(rows);
    const got = records(await collect((await searchConnector()).read({ baseUrl: server.url })));
    expect(got.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(server.requests.some((r) => JSON.parse(r.body).since === t(4))).toBe(true);
  });

  it('fails with FERRY_PAGINATION_RESTART_STUCK when more records share one value than the cap', async () => {
    server = await cappedSearch(
      Array.from({ length: 12 }, (_, i) => ({ id: i + 1, updated: t(1) })),
    );
    await expect(
      collect((await searchConnector()).read({ baseUrl: server.url })),
    ).rejects.toMatchObject({
      code: 'FERRY_PAGINATION_RESTART_STUCK',
    });
  });

  it('is refused by validation on a stream that is not sorted incremental', async () => {
    const unsorted = manifest({
      http: { baseUrl: '{{ config.baseUrl }}' },
      streams: [
        {
          name: 'contacts',
          schema: { type: 'object', properties: { id: { type: 'integer' } } },
          primaryKey: 'id',
          read: {
            request: { path: '/search' },
            pagination: {
              type: 'cursor',
              cursor: '{{ response.next }}',
              inject: { name: 'after' },
              restart: '{{ true }}',
            },
          },
        },
      ],
    });
    await expect(connectorFrom(unsorted)).rejects.toThrow(
      /FERRY_MANIFEST_RESTART_UNSORTED|sorted incremental/,
    );
  });
});
