import { describe, expect, it } from 'vitest';
import { rejection, sendJson, startServer, testClient } from './test-server.ts';
import type { ResolvedAuth } from './types.ts';

type Session = Extract<ResolvedAuth, { type: 'session' }>;

/** A login at /login that issues `sid-N`, and an API at /api that accepts the live sessions. */
async function sessionServer(options: { loginStatus?: number } = {}) {
  const live = new Set<string>();
  let issued = 0;
  const server = await startServer((req, res) => {
    if (req.url.startsWith('/login')) {
      if (options.loginStatus !== undefined) {
        return sendJson(res, options.loginStatus, { error: 'wrong password', echo: req.body });
      }
      issued++;
      live.add(`sid-${issued}`);
      return sendJson(
        res,
        200,
        { session: { id: `sid-${issued}` } },
        { 'x-session': `sid-${issued}` },
      );
    }
    const presented = [
      req.headers['x-auth'],
      /sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1],
      new URL(req.url, 'http://x').searchParams.get('sid'),
    ].find((value) => typeof value === 'string' && live.has(value.replace(/^Token /, '')));
    if (presented === undefined) return sendJson(res, 401, { message: 'no session' });
    sendJson(res, 200, { presented, cookie: req.headers.cookie ?? null });
  });
  const logins = () => server.requests.filter((r) => r.url.startsWith('/login'));
  return { server, live, logins };
}

function session(inject: Session['inject'], extra: Partial<Session> = {}): Session {
  return {
    type: 'session',
    login: { method: 'POST', url: '/login', json: { user: 'ada', password: 'pw-secret' } },
    token: ({ response }) => (response as { session: { id: string } }).session.id,
    inject,
    ...extra,
  };
}

const asIs = (token: string) => token;

describe('session auth', () => {
  it('logs in once and injects the token as a cookie, after the request cookies', async () => {
    const { server, logins } = await sessionServer();
    const client = testClient({
      baseUrl: server.url,
      headers: { 'x-default': 'yes' },
      auth: session({ in: 'cookie', name: 'sid', value: asIs }),
    });
    const first = await client.request({ url: '/api/a', headers: { cookie: 'theme=dark' } });
    await client.get('/api/b');
    expect(first.json()).toEqual({ presented: 'sid-1', cookie: 'theme=dark; sid=sid-1' });
    expect(logins()).toHaveLength(1);
    expect(logins()[0]?.body).toBe('{"user":"ada","password":"pw-secret"}');
    expect(logins()[0]?.headers['x-default']).toBe('yes');
    expect(logins()[0]?.headers.cookie).toBeUndefined();
  });

  it('injects a rendered header value, and a query parameter', async () => {
    const { server } = await sessionServer();
    const header = testClient({
      baseUrl: server.url,
      auth: session({ in: 'header', name: 'X-Auth', value: async (t) => `Token ${t}` }),
    });
    expect((await header.get('/api/a')).json()).toMatchObject({ presented: 'Token sid-1' });
    const query = testClient({
      baseUrl: server.url,
      auth: session(
        { in: 'query', name: 'sid', value: asIs },
        { token: ({ headers }) => headers['x-session'] },
      ),
    });
    expect((await query.get('/api/b', { page: 1 })).json()).toMatchObject({ presented: 'sid-2' });
    expect(server.requests.at(-1)?.url).toBe('/api/b?page=1&sid=sid-2');
  });

  it('logs in again on a 401 and retries the request once', async () => {
    const { server, live, logins } = await sessionServer();
    const client = testClient({
      baseUrl: server.url,
      auth: session({ in: 'cookie', name: 'sid', value: asIs }),
    });
    await client.get('/api/a');
    live.clear(); // the server ended the session
    expect((await client.get('/api/b')).json()).toMatchObject({ presented: 'sid-2' });
    expect(logins()).toHaveLength(2);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/login',
      '/api/a',
      '/api/b',
      '/login',
      '/api/b',
    ]);
  });

  it('renews the session after expiresInMs', async () => {
    const { server, logins } = await sessionServer();
    const client = testClient({
      baseUrl: server.url,
      auth: session({ in: 'header', name: 'X-Auth', value: asIs }, { expiresInMs: 400 }),
    });
    await client.get('/api/a');
    await client.get('/api/a');
    expect(logins()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await client.get('/api/a')).json()).toMatchObject({ presented: 'sid-2' });
    expect(logins()).toHaveLength(2);
  });

  it('fails with FERRY_AUTH_FAILED, redacted, when the login is refused', async () => {
    const { server } = await sessionServer({ loginStatus: 403 });
    const client = testClient({
      baseUrl: server.url,
      auth: session({ in: 'cookie', name: 'sid', value: asIs }),
      secrets: ['pw-secret'],
    });
    const error = await rejection(client.get('/api/a'));
    expect(error.code).toBe('FERRY_AUTH_FAILED');
    expect(error.message).toContain(`POST ${server.url}/login answered 403 Forbidden`);
    expect(error.message).toContain('wrong password');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('pw-secret');
    expect(server.requests).toHaveLength(1);
  });

  it('fails with FERRY_AUTH_FAILED when the login response has no token', async () => {
    const { server } = await sessionServer();
    const client = testClient({
      baseUrl: server.url,
      auth: session({ in: 'cookie', name: 'sid', value: asIs }, { token: () => undefined }),
    });
    const error = await rejection(client.get('/api/a'));
    expect(error.code).toBe('FERRY_AUTH_FAILED');
    expect(error.message).toContain('no session token');
  });
});
