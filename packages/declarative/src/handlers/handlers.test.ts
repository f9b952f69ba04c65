import type { WriteResult } from '@ferry/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collect,
  collectUntilError,
  connectorFrom,
  manifest,
  records,
  states,
} from '../test-connector.ts';
import { startServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
afterEach(() => server?.close());

const HANDLERS = `
import { defineConnector, FerryError } from '@ferry/sdk';
type Config = { baseUrl: string; token: string };
const c = defineConnector<Config>();

export const readNumbers = c.read<{ last?: number }>(async function* (ctx) {
  ctx.logger.info('reading with token ' + ctx.config.token, { token: ctx.config.token });
  const res = await ctx.http.get('/numbers', { after: ctx.state?.last ?? 0 });
  const numbers = res.json<number[]>();
  for (const n of numbers) yield { record: { n, square: n * n } };
  yield { state: { last: numbers.at(-1) ?? ctx.state?.last } };
});

export const readBroken = c.read(async function* (ctx) {
  yield { record: { n: 1, square: 1 } };
  if (ctx.config.token === 'coded-failure') throw new FerryError('ACME_QUOTA', 'quota used up');
  throw new Error('kaboom with ' + ctx.config.token);
});

export const readElsewhere = c.read(async function* (ctx) {
  await ctx.http.get('http://169.254.169.254/latest/meta-data');
});

export const writeNumbers = c.write(async (ctx, records) => {
  const res = await ctx.http.post('/numbers', records);
  return res.json<{ ok: boolean }[]>().map((r, index) => (r.ok ? { index, status: 'accepted' } : { index, status: 'rejected', reason: 'odd' }));
});

export const check = c.check(async (ctx) => {
  const res = await ctx.http.request({ url: '/ping' });
  return res.status === 200 ? { ok: true } : { ok: false, message: 'no pong' };
});
`;

const schema = {
  type: 'object',
  properties: { n: { type: 'integer' }, square: { type: 'integer' } },
};

function codeConnector() {
  return connectorFrom(
    manifest({
      http: { baseUrl: '{{ config.baseUrl }}', retry: { maxRetries: 0 } },
      streams: [
        {
          name: 'numbers',
          schema,
          primaryKey: 'n',
          read: { handler: './dist/handlers.js#readNumbers' },
          write: { handler: './dist/handlers.js#writeNumbers' },
        },
        {
          name: 'broken',
          schema,
          primaryKey: 'n',
          read: { handler: './dist/handlers.js#readBroken' },
        },
        {
          name: 'elsewhere',
          schema,
          primaryKey: 'n',
          read: { handler: './dist/handlers.js#readElsewhere' },
        },
      ],
      check: { handler: './dist/handlers.js#check' },
    }),
    { 'src/handlers.ts': HANDLERS },
  );
}

describe('TypeScript handlers', () => {
  it('reads records and state through the context http client, from unbuilt sources', async () => {
    server = await startServer(({ path, query }) =>
      path === '/numbers'
        ? { json: [1, 2, 3].filter((n) => n > Number(query.get('after'))) }
        : { status: 404 },
    );
    const c = await codeConnector();
    const first = await collect(
      c.read({ baseUrl: server.url, token: 'tok-abcdef' }, { streams: ['numbers'] }),
    );
    expect(records(first)).toEqual([
      { n: 1, square: 1 },
      { n: 2, square: 4 },
      { n: 3, square: 9 },
    ]);
    expect(states(first)).toEqual([{ last: 3 }]);
    const log = first.find((m) => m.type === 'LOG');
    expect(log).toMatchObject({
      type: 'LOG',
      level: 'info',
      stream: 'numbers',
      message: 'reading with token ***',
      fields: { token: '***' },
    });
    const resumed = await collect(
      c.read(
        { baseUrl: server.url, token: 'tok-abcdef' },
        { streams: ['numbers'], state: { numbers: { last: 2 } } },
      ),
    );
    expect(records(resumed)).toEqual([{ n: 3, square: 9 }]);
  });

  it('writes and checks through handlers', async () => {
    server = await startServer(({ path, body }) =>
      path === '/ping'
        ? { body: 'pong' }
        : { json: (JSON.parse(body) as { n: number }[]).map((r) => ({ ok: r.n % 2 === 0 })) },
    );
    const c = await codeConnector();
    const results: WriteResult[] = [];
    for await (const batch of c.write({ baseUrl: server.url, token: 'x' }, 'numbers', [
      [{ n: 1 }, { n: 2 }],
    ]))
      results.push(...batch);
    expect(results).toEqual([
      { index: 0, status: 'rejected', reason: 'odd' },
      { index: 1, status: 'accepted' },
    ]);
    expect(await c.check({ baseUrl: server.url, token: 'x' })).toEqual({ ok: true });
  });

  it('wraps handler errors with connector, stream and operation, keeping a coded error its code, redacting secrets', async () => {
    server = await startServer(() => ({ json: [] }));
    const c = await codeConnector();
    const plain = await collectUntilError(
      c.read({ baseUrl: server.url, token: 'super-secret-token' }, { streams: ['broken'] }),
    );
    expect(records(plain.messages)).toEqual([{ n: 1, square: 1 }]);
    expect(plain.error).toMatchObject({
      code: 'FERRY_HANDLER_FAILED',
      message: '@test/connector stream broken (read): kaboom with ***',
      path: '$.streams[1].read',
      details: { connector: '@test/connector', stream: 'broken', operation: 'read' },
    });
    const coded = await collectUntilError(
      c.read({ baseUrl: server.url, token: 'coded-failure' }, { streams: ['broken'] }),
    );
    expect(coded.error).toMatchObject({
      code: 'ACME_QUOTA',
      message: '@test/connector stream broken (read): quota used up',
    });
  });

  it('refuses hosts outside the permissions from handler code too', async () => {
    server = await startServer(() => ({ json: [] }));
    const c = await codeConnector();
    const { error } = await collectUntilError(
      c.read({ baseUrl: server.url, token: 'x' }, { streams: ['elsewhere'] }),
    );
    expect(error).toMatchObject({ code: 'FERRY_HTTP_HOST_NOT_ALLOWED' });
  });
});
