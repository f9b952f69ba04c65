import { describe, expect, it } from 'vitest';
import { createHttpClient } from './client.ts';
import { clientOptions, rejection, sendJson, startServer, testClient } from './test-server.ts';

describe('createHttpClient: requests', () => {
  it('joins a path to the base URL and merges the default and request query', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
    const client = testClient({
      baseUrl: `${server.url}/api/v3`,
      query: { per_page: 100, api_version: '2', dropped: 'x' },
    });
    const response = await client.request({
      url: '/repos/x',
      query: {
        state: 'open',
        labels: ['a', 'b c'],
        none: undefined,
        nil: null,
        empty: '',
        dropped: undefined,
      },
    });
    expect(server.requests[0]?.url).toBe(
      '/api/v3/repos/x?per_page=100&api_version=2&state=open&labels=a&labels=b%20c',
    );
    expect(response.status).toBe(200);
    expect(response.ignored).toBe(false);
    expect(response.url).toBe(
      `${server.url}/api/v3/repos/x?${server.requests[0]?.url.split('?')[1]}`,
    );
  });

  it('joins paths without a leading slash and keeps absolute URLs', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, {}));
    const client = testClient({ baseUrl: `${server.url}/api/` });
    await client.get('items', { page: 2 });
    await client.get(`${server.url}/other?page=1&keep=yes`, { page: 3 });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/items?page=2',
      '/other?keep=yes&page=3',
    ]);
  });

  it('sends default then request headers, json, form and raw bodies', async () => {
    const server = await startServer((_req, res) => sendJson(res, 201, {}));
    const client = testClient({
      baseUrl: server.url,
      headers: { 'X-Team': 'a', Accept: 'text/plain' },
    });
    await client.post('/json', { name: 'Ada', tags: [1] });
    await client.request({ method: 'PUT', url: '/form', form: { a: 'x y', b: 2, c: true } });
    await client.request({
      method: 'PATCH',
      url: '/raw',
      body: 'plain text',
      headers: { accept: 'application/json', 'Content-Type': 'text/plain' },
    });
    const [json, form, raw] = server.requests;
    expect(json).toMatchObject({ method: 'POST', body: '{"name":"Ada","tags":[1]}' });
    expect(json?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-team': 'a',
      accept: 'text/plain',
    });
    expect(form).toMatchObject({ method: 'PUT', body: 'a=x+y&b=2&c=true' });
    expect(form?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(raw).toMatchObject({ method: 'PATCH', body: 'plain text' });
    expect(raw?.headers).toMatchObject({
      'content-type': 'text/plain',
      accept: 'application/json',
      'x-team': 'a',
    });
  });

  it('lower-cases response headers, joins repeated ones and parses JSON once, lazily', async () => {
    const server = await startServer((_req, res) => {
      res.setHeader('X-Request-Id', 'abc');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      sendJson(res, 200, { items: [1, 2, 3] });
    });
    const client = testClient({ baseUrl: server.url });
    const response = await client.get('/');
    expect(response.headers['x-request-id']).toBe('abc');
    expect(response.headers['set-cookie']).toBe('a=1, b=2');
    expect(response.text).toBe('{"items":[1,2,3]}');
    const first = response.json<{ items: number[] }>();
    expect(first.items).toEqual([1, 2, 3]);
    expect(response.json()).toBe(first);
  });

  it('gives undefined for an empty body', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const client = testClient({ baseUrl: server.url });
    const response = await client.request({ method: 'DELETE', url: '/x' });
    expect(response.status).toBe(204);
    expect(response.json()).toBeUndefined();
  });

  it('explains a body that is not JSON without quoting secrets', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>key=hunter2</html>');
    });
    const client = testClient({ baseUrl: server.url, secrets: ['hunter2'] });
    const response = await client.get('/page');
    expect(response.text).toBe('<html>key=hunter2</html>');
    expect(() => response.json()).toThrow(SyntaxError);
    expect(() => response.json()).toThrow(
      `${server.url}/page (status 200) is not JSON: <html>key=***</html>`,
    );
  });

  it('refuses a relative URL when there is no base URL', async () => {
    const client = testClient();
    const error = await rejection(client.get('/x'));
    expect(error.code).toBe('FERRY_HTTP_NETWORK');
    expect(error.message).toContain('no base URL');
  });

  it('throws FERRY_HTTP_STATUS with the status, method, URL and a body excerpt', async () => {
    const long = 'x'.repeat(1000);
    const server = await startServer((_req, res) =>
      sendJson(res, 404, { message: 'Not Found', long }),
    );
    const client = testClient({ baseUrl: server.url });
    const error = await rejection(client.get('/missing', { q: 1 }));
    expect(error.code).toBe('FERRY_HTTP_STATUS');
    expect(error.message).toContain(`GET ${server.url}/missing?q=1 answered 404 Not Found`);
    expect(error.message).toContain('{"message":"Not Found"');
    expect(error.details).toMatchObject({ status: 404, method: 'GET' });
    expect(String(error.details.body).length).toBeLessThanOrEqual(300);
    expect(server.requests).toHaveLength(1);
  });

  it('reuses connections (keep-alive) and closes the agent on close()', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, {}));
    const client = createHttpClient(clientOptions({ baseUrl: server.url }));
    for (let i = 0; i < 5; i++) await client.get(`/${i}`);
    // undici may open a second socket while the first is being released; never one per request
    expect(new Set(server.requests.map((r) => r.remotePort)).size).toBeLessThanOrEqual(2);
    await client.close();
    await expect(client.get('/after-close')).rejects.toThrow();
    expect(server.requests).toHaveLength(5);
  });
});
