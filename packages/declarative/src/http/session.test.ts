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

function session(
  inject: Omit<Session['inject'], 'secret'> & { secret?: boolean },
  extra: Partial<Session> = {},
): Session {
  return {
    type: 'session',
    login: { method: 'POST', url: '/login', json: { user: 'ada', password: 'pw-secret' } },
    token: ({ response }) => (response as { session: { id: string } }).session.id,
    inject: { secret: true, ...inject },
    ...extra,
  };
}

const asIs = (token: unknown) => token;

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

  it('fails with FERRY_AUTH_FAILED when the login answers false (JSON-RPC APIs such as Odoo)', async () => {
    const { server } = await sessionServer();
    const client = testClient({
      baseUrl: server.url,
      auth: session({ in: 'cookie', name: 'sid', value: asIs }, { token: () => false }),
    });
    const error = await rejection(client.get('/api/a'));
    expect(error.code).toBe('FERRY_AUTH_FAILED');
    expect(error.message).toContain('no session token (got false)');
  });

  it('places the token inside the JSON body, keeping its type, and leaves a non-secret id readable', async () => {
    // Odoo's JSON-RPC: login returns the numeric uid, which every execute_kw call carries as
    // params.args[1]; it identifies the user and is not a credential.
    const server = await startServer((req, res) => {
      const body = JSON.parse(req.body) as { params: { method: string; args: unknown[] } };
      if (body.params.method === 'login') return sendJson(res, 200, { result: 7 });
      const uid = body.params.args[1];
      if (uid !== 7)
        return sendJson(res, 200, { error: { message: `AccessDenied for uid ${String(uid)}` } });
      sendJson(res, 200, { result: body.params.args });
    });
    const client = testClient({
      baseUrl: server.url,
      auth: session(
        { in: 'body', name: '', path: ['params', 'args', 1], value: asIs, secret: false },
        {
          login: { method: 'POST', url: '/jsonrpc', json: { params: { method: 'login' } } },
          token: ({ response }) => (response as { result: unknown }).result,
        },
      ),
    });
    const answer = await client.request({
      method: 'POST',
      url: '/jsonrpc',
      json: { params: { method: 'execute_kw', args: ['db', null, 'key', 'res.partner'] } },
    });
    expect(answer.json()).toEqual({ result: ['db', 7, 'key', 'res.partner'] });
    expect(server.requests.filter((r) => r.body.includes('login'))).toHaveLength(1);
  });
});
