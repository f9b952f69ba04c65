import { afterEach, describe, expect, it } from 'vitest';
import { collect, connectorFrom, manifest, records } from '../test-connector.ts';
import { startServer, type TestServer } from '../testing/server.ts';

const ITEMS = Array.from({ length: 25 }, (_, i) => ({
  id: i + 1,
  name: `item ${i + 1}`,
  price: (i + 1) * 1.5,
}));
const schema = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' }, price: { type: 'number' } },
};
let server: TestServer;
afterEach(() => server?.close());

function stream(read: Record<string, unknown>) {
  return manifest({
    http: { baseUrl: '{{ config.baseUrl }}' },
    streams: [{ name: 'items', schema, primaryKey: 'id', read }],
  });
}

async function readAll(read: Record<string, unknown>) {
  const connector = await connectorFrom(stream(read));
  return records(await collect(connector.read({ baseUrl: server.url })));
}

describe('pagination', () => {
  it('follows a cursor from the body, injected into the query', async () => {
    server = await startServer(({ query }) => {
      const after = Number(query.get('after') ?? 0);
      const page = ITEMS.filter((i) => i.id > after).slice(0, Number(query.get('limit')));
      const last = page.at(-1);
      return {
        json: {
          results: page,
          paging: last && last.id < 25 ? { next: { after: String(last.id) } } : undefined,
        },
      };
    });
    const got = await readAll({
      request: { path: '/items' },
      records: { path: 'results' },
      pagination: {
        type: 'cursor',
        cursor: '{{ response.paging.next.after }}',
        inject: { name: 'after' },
        pageSize: 10,
        pageSizeInject: { name: 'limit' },
      },
    });
    expect(got).toEqual(ITEMS);
    expect(server.requests.map((r) => r.query.toString())).toEqual([
      'limit=10',
      'limit=10&after=10',
      'limit=10&after=20',
    ]);
  });

  it('follows a next URL from the body', async () => {
    server = await startServer(({ query }) => {
      const page = Number(query.get('p') ?? 1);
      return {
        json: {
          data: { items: ITEMS.slice((page - 1) * 10, page * 10) },
          next: page < 3 ? `/items?p=${page + 1}` : null,
        },
      };
    });
    expect(
      await readAll({
        request: { path: '/items' },
        records: { path: 'data.items' },
        pagination: { type: 'next-url', url: '{{ response.next }}' },
      }),
    ).toEqual(ITEMS);
  });

  it('follows an RFC 8288 Link header', async () => {
    server = await startServer(({ query }) => {
      const page = Number(query.get('page') ?? 1);
      const link =
        page < 3
          ? `<${server.url}/items?page=${page + 1}>; rel="next", <${server.url}/items?page=3>; rel="last"`
          : `<${server.url}/items?page=1>; rel="first"`;
      return { json: ITEMS.slice((page - 1) * 10, page * 10), headers: { link } };
    });
    expect(
      await readAll({ request: { path: '/items' }, pagination: { type: 'link-header' } }),
    ).toEqual(ITEMS);
    expect(server.requests).toHaveLength(3);
  });

  it('counts pages and stops on a short page', async () => {
    server = await startServer(({ query }) => {
      const page = Number(query.get('page'));
      return { json: { items: ITEMS.slice((page - 1) * 10, page * 10) } };
    });
    const got = await readAll({
      request: { path: '/items' },
      records: { path: 'items' },
      pagination: { type: 'page', inject: { name: 'page' }, pageSize: 10 },
    });
    expect(got).toEqual(ITEMS);
    expect(server.requests.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
  });

  it('moves an offset by the page size, with the limit in a header, and stops on a condition', async () => {
    server = await startServer(({ query, headers }) => {
      const offset = Number(query.get('offset'));
      const limit = Number(headers['x-limit']);
      return {
        json: { items: ITEMS.slice(offset, offset + limit), has_more: offset + limit < 10 },
      };
    });
    const got = await readAll({
      request: { path: '/items' },
      records: { path: 'items' },
      pagination: {
        type: 'offset',
        pageSize: 5,
        inject: { name: 'offset' },
        pageSizeInject: { in: 'header', name: 'x-limit' },
        stop: '{{ response.has_more = false }}',
      },
    });
    expect(got).toEqual(ITEMS.slice(0, 10));
    expect(server.requests.map((r) => r.query.get('offset'))).toEqual(['0', '5']);
  });
});

describe('extraction, filters and transforms', () => {
  it('reads a single object as one record and a nested path as a list', async () => {
    server = await startServer(({ path }) =>
      path === '/one' ? { json: ITEMS[0] } : { json: { a: { b: ITEMS.slice(0, 2) } } },
    );
    expect(await readAll({ request: { path: '/one' } })).toEqual([ITEMS[0]]);
    expect(await readAll({ request: { path: '/many' }, records: { path: ['a', 'b'] } })).toEqual(
      ITEMS.slice(0, 2),
    );
  });

  it('filters records and adds, removes and renames fields, keeping types', async () => {
    server = await startServer(() => ({ json: ITEMS.slice(0, 4) }));
    const got = await readAll({
      request: { path: '/items' },
      records: { filter: '{{ record.id % 2 = 0 }}' },
      transforms: [
        {
          add: {
            total: '{{ record.price * 2 }}',
            source: 'shop-{{ config.baseUrl ? "local" : "none" }}',
            'meta.idText': '{{ $string(record.id) }}',
          },
        },
        { remove: ['price'] },
        { rename: { name: 'title' } },
      ],
    });
    expect(got).toEqual([
      { id: 2, title: 'item 2', total: 6, source: 'shop-local', meta: { idText: '2' } },
      { id: 4, title: 'item 4', total: 12, source: 'shop-local', meta: { idText: '4' } },
    ]);
  });

  it('fails with FERRY_RECORDS_NOT_FOUND when the path holds no records', async () => {
    server = await startServer(() => ({ json: { items: 'nope' } }));
    const connector = await connectorFrom(
      stream({ request: { path: '/x' }, records: { path: 'items' } }),
    );
    await expect(collect(connector.read({ baseUrl: server.url }))).rejects.toMatchObject({
      code: 'FERRY_RECORDS_NOT_FOUND',
      path: '$.streams[0].read.records.path',
    });
  });
});
