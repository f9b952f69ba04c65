import { afterEach, describe, expect, it } from 'vitest';
import { collect, connectorFrom, manifest, records } from '../test-connector.ts';
import { startServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
afterEach(() => server?.close());

const ITEMS = Array.from({ length: 6 }, (_, i) => ({ id: i + 1 }));
const config = {
  type: 'object',
  properties: {
    baseUrl: { type: 'string' },
    clientId: { type: 'string' },
    clientSecret: { type: 'string', 'x-secret': true },
    password: { type: 'string', 'x-secret': true },
  },
};

function stream(auth: Record<string, unknown>) {
  return manifest({
    config,
    http: { baseUrl: '{{ config.baseUrl }}', auth, retry: { initialDelay: '10ms' } },
    streams: [
      {
        name: 'items',
        schema: { type: 'object', properties: { id: { type: 'integer' } } },
        primaryKey: 'id',
        read: {
          request: { path: '/items' },
          records: { path: 'items' },
          pagination: { type: 'page', inject: { name: 'page' }, pageSize: 2 },
        },
      },
    ],
  });
}

describe('auth during a read', () => {
  it('refreshes an OAuth2 client-credentials token that expires mid-read', async () => {
    let issued = 0;
    const valid = new Set<string>();
    server = await startServer(({ path, body, headers, query }) => {
      if (path === '/oauth/token') {
        const form = new URLSearchParams(body);
        if (form.get('client_secret') !== 's3cret-value')
          return { status: 401, json: { error: 'invalid_client' } };
        issued++;
        const token = `token-${issued}`;
        valid.clear();
        valid.add(token);
        return { json: { access_token: token, token_type: 'bearer', expires_in: 3600 } };
      }
      const token = String(headers.authorization ?? '').replace('Bearer ', '');
      if (!valid.has(token)) return { status: 401, json: { message: 'expired' } };
      const page = Number(query.get('page'));
      if (page === 2 && issued === 1) valid.clear();
      return { json: { items: ITEMS.slice((page - 1) * 2, page * 2) } };
    });
    const c = await connectorFrom(
      stream({
        type: 'oauth2',
        grant: 'client_credentials',
        tokenUrl: '{{ config.baseUrl }}/oauth/token',
        clientId: '{{ config.clientId }}',
        clientSecret: '{{ config.clientSecret }}',
      }),
    );
    const got = records(
      await collect(c.read({ baseUrl: server.url, clientId: 'app', clientSecret: 's3cret-value' })),
    );
    expect(got).toEqual(ITEMS);
    expect(issued).toBe(2);
    expect(server.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(2);
  });

  it('logs in for a session token and sends it with every request', async () => {
    server = await startServer(({ path, body, headers, query }) => {
      if (path === '/session') {
        const { user, password } = JSON.parse(body) as { user: string; password: string };
        return password === 'pw-123456' && user === 'ada'
          ? { json: { session: { id: 'sess-1' } } }
          : { status: 403, json: { error: 'bad login' } };
      }
      if (headers['x-session'] !== 'Session sess-1') return { status: 401, json: {} };
      const page = Number(query.get('page'));
      return { json: { items: ITEMS.slice((page - 1) * 2, page * 2) } };
    });
    const auth = {
      type: 'session',
      login: {
        method: 'POST',
        path: '/session',
        body: { json: { user: '{{ config.clientId }}', password: '{{ config.password }}' } },
      },
      token: '{{ response.session.id }}',
      inject: { in: 'header', name: 'X-Session', value: 'Session {{ token }}' },
    };
    const c = await connectorFrom(stream(auth));
    expect(
      records(
        await collect(c.read({ baseUrl: server.url, clientId: 'ada', password: 'pw-123456' })),
      ),
    ).toEqual(ITEMS);
    const refused = await c.check({
      baseUrl: server.url,
      clientId: 'ada',
      password: 'wrong-password',
    });
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.message).toMatch(/^FERRY_AUTH_FAILED/);
    expect(JSON.stringify(refused)).not.toContain('wrong-password');
  });
});
