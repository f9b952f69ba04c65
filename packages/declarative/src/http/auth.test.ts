import { describe, expect, it } from 'vitest';
import { refreshSkewMs } from './auth.ts';
import { rejection, sendJson, startServer, testClient } from './test-server.ts';

describe('static auth', () => {
  it('sends an API key in a header, over a request header of the same name', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, {}));
    const client = testClient({
      baseUrl: server.url,
      auth: { type: 'api-key', in: 'header', name: 'X-Api-Key', value: 'k-123' },
    });
    await client.request({ url: '/', headers: { 'x-api-key': 'other' } });
    expect(server.requests[0]?.headers['x-api-key']).toBe('k-123');
  });

  it('sends an API key in the query', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, {}));
    const client = testClient({
      baseUrl: server.url,
      auth: { type: 'api-key', in: 'query', name: 'api_key', value: 'k 1&2' },
    });
    const response = await client.get('/items', { page: 1 });
    expect(server.requests[0]?.url).toBe('/items?page=1&api_key=k%201%262');
    expect(response.url).toBe(`${server.url}/items?page=1`);
  });

  it('sends a bearer token and basic credentials', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, {}));
    const bearer = testClient({ baseUrl: server.url, auth: { type: 'bearer', token: 'tok' } });
    const basic = testClient({
      baseUrl: server.url,
      auth: { type: 'basic', username: 'ada', password: 'p:ss' },
    });
    await bearer.get('/');
    await basic.get('/');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer tok');
    expect(server.requests[1]?.headers.authorization).toBe(
      `Basic ${Buffer.from('ada:p:ss').toString('base64')}`,
    );
  });

  it('reports a 401 with static credentials as FERRY_HTTP_STATUS with a credentials hint', async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, 401, { message: 'Bad credentials' }),
    );
    const client = testClient({
      baseUrl: server.url,
      auth: { type: 'bearer', token: 'tok-secret' },
    });
    const error = await rejection(client.get('/'));
    expect(error.code).toBe('FERRY_HTTP_STATUS');
    expect(error.hint).toContain('credentials');
    expect(server.requests).toHaveLength(1);
  });
});

describe('refreshSkewMs', () => {
  it('renews 30 s early, or at half the lifetime when that is shorter', () => {
    expect(refreshSkewMs(3_600_000)).toBe(30_000);
    expect(refreshSkewMs(60_000)).toBe(30_000);
    expect(refreshSkewMs(1_000)).toBe(500);
    expect(refreshSkewMs(0)).toBe(0);
  });
});
