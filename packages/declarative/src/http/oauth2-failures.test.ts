import { describe, expect, it } from 'vitest';
import { readPath } from './oauth2.ts';
import { oauth, oauthServer } from './oauth2-test-server.ts';
import { rejection, sendJson, startServer, testClient } from './test-server.ts';

describe('OAuth2 auth: failures', () => {
  it('fails with FERRY_AUTH_FAILED when the API answers 401 to a fresh token', async () => {
    const { server, tokenRequests } = await oauthServer({ expiresIn: 3600, accept: false });
    const client = testClient({ baseUrl: `${server.url}/api`, auth: oauth(server.url) });
    const error = await rejection(client.get('/x'));
    expect(error.code).toBe('FERRY_AUTH_FAILED');
    expect(error.message).toContain('401');
    expect(tokenRequests()).toHaveLength(1);
  });
  it('fails with FERRY_AUTH_FAILED when the token response has no token at tokenPath', async () => {
    const { server } = await oauthServer({ token: () => ({ token: 'elsewhere' }) });
    const client = testClient({ baseUrl: `${server.url}/api`, auth: oauth(server.url) });
    const error = await rejection(client.get('/x'));
    expect(error.code).toBe('FERRY_AUTH_FAILED');
    expect(error.message).toContain('no token at "access_token"');
  });
  it('retries a token endpoint that answers 503, and fails with FERRY_AUTH_FAILED if it keeps on', async () => {
    let failures = 1;
    const server = await startServer((req, res) => {
      if (req.url === '/token') {
        if (failures-- > 0) return sendJson(res, 503, { error: 'unavailable' });
        return sendJson(res, 200, { access_token: 'ok-token' });
      }
      sendJson(res, 200, { auth: req.headers.authorization });
    });
    const client = testClient({ baseUrl: `${server.url}/api`, auth: oauth(server.url) });
    expect((await client.get('/x')).json()).toEqual({ auth: 'Bearer ok-token' });
    expect(server.requests.map((r) => r.url)).toEqual(['/token', '/token', '/api/x']);

    failures = 100;
    const down = testClient({ baseUrl: `${server.url}/api`, auth: oauth(server.url) });
    const error = await rejection(down.get('/x'));
    expect(error.code).toBe('FERRY_AUTH_FAILED');
    expect(error.message).toContain('answered 503 Service Unavailable');
  });
  it('answers FERRY_AUTH_FAILED with the status and a redacted excerpt when the token endpoint refuses', async () => {
    const { server } = await oauthServer({ tokenStatus: 401 });
    const client = testClient({
      baseUrl: `${server.url}/api`,
      auth: oauth(server.url),
      secrets: ['cs-secret'],
    });
    const error = await rejection(client.get('/x'));
    expect(error.code).toBe('FERRY_AUTH_FAILED');
    expect(error.message).toContain(`POST ${server.url}/token answered 401 Unauthorized`);
    expect(error.message).toContain('invalid_client');
    expect(error.message).toContain('client_secret=***');
    expect(JSON.stringify(error)).not.toContain('cs-secret');
    expect(server.requests.filter((r) => r.url.startsWith('/api'))).toHaveLength(0);
  });
});

describe('readPath', () => {
  it('reads dot paths', () => {
    expect(readPath({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(readPath({ a: 1 }, 'a.b')).toBeUndefined();
  });
});
