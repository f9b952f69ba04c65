import { describe, expect, it } from 'vitest';
import { oauth, oauthServer } from './oauth2-test-server.ts';
import { testClient } from './test-server.ts';

describe('OAuth2 auth: tokens', () => {
  it('fetches a client_credentials token once and caches it across requests', async () => {
    const { server, tokenRequests } = await oauthServer({ expiresIn: 3600 });
    const client = testClient({
      baseUrl: `${server.url}/api`,
      auth: oauth(server.url, { scopes: ['read', 'write'], extraParams: { audience: 'api' } }),
    });
    for (let i = 0; i < 3; i++) {
      expect((await client.get('/x')).json()).toEqual({ auth: 'Bearer tok-1' });
    }
    expect(tokenRequests()).toHaveLength(1);
    const form = new URLSearchParams(tokenRequests()[0]?.body);
    expect(Object.fromEntries(form)).toEqual({
      audience: 'api',
      grant_type: 'client_credentials',
      client_id: 'id-1',
      client_secret: 'cs-secret',
      scope: 'read write',
    });
    expect(tokenRequests()[0]).toMatchObject({ method: 'POST' });
    expect(tokenRequests()[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('shares one token fetch between concurrent requests', async () => {
    const { server, tokenRequests } = await oauthServer({ expiresIn: 3600 });
    const client = testClient({ baseUrl: `${server.url}/api`, auth: oauth(server.url) });
    await Promise.all(Array.from({ length: 5 }, () => client.get('/x')));
    expect(tokenRequests()).toHaveLength(1);
  });

  it('sends client credentials as basic auth when credentialsIn is basic', async () => {
    const { server, tokenRequests } = await oauthServer({ expiresIn: 3600 });
    const client = testClient({
      baseUrl: `${server.url}/api`,
      auth: oauth(server.url, { credentialsIn: 'basic' }),
    });
    await client.get('/x');
    const request = tokenRequests()[0];
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from('id-1:cs-secret').toString('base64')}`,
    );
    expect(new URLSearchParams(request?.body).has('client_secret')).toBe(false);
  });

  it('renews a token that expires (expires_in 1 s: renewed after 0.5 s)', async () => {
    const { server, tokenRequests } = await oauthServer({ expiresIn: 1 });
    const client = testClient({ baseUrl: `${server.url}/api`, auth: oauth(server.url) });
    expect((await client.get('/x')).json()).toEqual({ auth: 'Bearer tok-1' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await client.get('/x')).json()).toEqual({ auth: 'Bearer tok-2' });
    expect(tokenRequests()).toHaveLength(2);
  });

  it('drops the token on a 401 mid-way, fetches a new one and retries once', async () => {
    const { server, valid, tokenRequests } = await oauthServer({ expiresIn: 3600 });
    const client = testClient({ baseUrl: `${server.url}/api`, auth: oauth(server.url) });
    await client.get('/x');
    valid.delete('tok-1'); // revoked on the server
    expect((await client.get('/x')).json()).toEqual({ auth: 'Bearer tok-2' });
    expect(tokenRequests()).toHaveLength(2);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/token',
      '/api/x',
      '/api/x',
      '/token',
      '/api/x',
    ]);
  });
  it('uses the refresh_token grant and keeps a rotated refresh token', async () => {
    const { server, valid, tokenRequests } = await oauthServer({
      token: (n) => ({ data: { token: `tok-${n}`, ttl: 3600 }, refresh_token: `rt-${n + 1}` }),
    });
    const client = testClient({
      baseUrl: `${server.url}/api`,
      auth: oauth(server.url, {
        grant: 'refresh_token',
        refreshToken: 'rt-1',
        tokenPath: 'data.token',
        expiresInPath: 'data.ttl',
      }),
    });
    expect((await client.get('/x')).json()).toEqual({ auth: 'Bearer tok-1' });
    valid.delete('tok-1');
    expect((await client.get('/x')).json()).toEqual({ auth: 'Bearer tok-2' });
    const forms = tokenRequests().map((r) => Object.fromEntries(new URLSearchParams(r.body)));
    expect(forms).toEqual([
      {
        grant_type: 'refresh_token',
        refresh_token: 'rt-1',
        client_id: 'id-1',
        client_secret: 'cs-secret',
      },
      {
        grant_type: 'refresh_token',
        refresh_token: 'rt-2',
        client_id: 'id-1',
        client_secret: 'cs-secret',
      },
    ]);
  });
  it('renews once when concurrent requests all get a 401 for the same token', async () => {
    const { server, valid, tokenRequests } = await oauthServer({ expiresIn: 3600 });
    const client = testClient({ baseUrl: `${server.url}/api`, auth: oauth(server.url) });
    await client.get('/x');
    valid.delete('tok-1');
    const answers = await Promise.all(Array.from({ length: 5 }, () => client.get('/x')));
    expect(answers.map((a) => a.json())).toEqual(Array(5).fill({ auth: 'Bearer tok-2' }));
    expect(tokenRequests()).toHaveLength(2);
  });
});
