import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { rejection, sendJson, startServer, testClient } from './test-server.ts';

const retryPolicy = (maxRetries: number) => ({
  maxRetries,
  initialDelayMs: 10,
  maxDelayMs: 50,
  factor: 2,
  statuses: 'default' as const,
});

/** A port nothing listens on: one a server just released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('createHttpClient: retries', () => {
  it('waits out a 429 with Retry-After: 1, even above maxDelayMs, then succeeds', async () => {
    const server = await startServer((_req, res, index) => {
      if (index === 0) sendJson(res, 429, { message: 'slow down' }, { 'Retry-After': '1' });
      else sendJson(res, 200, { ok: true });
    });
    const client = testClient({ baseUrl: server.url, retry: retryPolicy(3) });
    const response = await client.get('/limited');
    expect(response.json()).toEqual({ ok: true });
    const [first, second] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('retries a burst of 503s with backoff, logging each retry, then succeeds', async () => {
    const logs: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
    const server = await startServer((_req, res, index) => {
      if (index < 3) sendJson(res, 503, { error: 'busy' });
      else sendJson(res, 200, { ok: true });
    });
    const client = testClient({
      baseUrl: server.url,
      retry: retryPolicy(5),
      log: (level, message, fields) => logs.push({ level, message, ...(fields && { fields }) }),
    });
    const response = await client.get('/busy');
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(4);
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      expect.stringMatching(
        /GET .*\/busy answered 503 Service Unavailable; retry 1 of 5 in \d+ ms/,
      ),
      expect.stringMatching(/retry 2 of 5/),
      expect.stringMatching(/retry 3 of 5/),
    ]);
    expect(logs[0]?.fields).toMatchObject({ status: 503, retry: 1 });
  });

  it('throws FERRY_HTTP_RETRIES_EXHAUSTED after the last retry', async () => {
    const server = await startServer((_req, res) => sendJson(res, 502, { error: 'bad gateway' }));
    const client = testClient({ baseUrl: server.url, retry: retryPolicy(2) });
    const error = await rejection(client.request({ method: 'POST', url: '/x', json: {} }));
    expect(error.code).toBe('FERRY_HTTP_RETRIES_EXHAUSTED');
    expect(error.message).toContain(`POST ${server.url}/x still failed after 3 attempts`);
    expect(error.message).toContain('502 Bad Gateway');
    expect(error.message).toContain('bad gateway');
    expect((error.cause as { code?: string }).code).toBe('FERRY_HTTP_STATUS');
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry statuses outside the policy', async () => {
    const server = await startServer((_req, res, index) =>
      sendJson(res, index === 0 ? 418 : 503, { index }),
    );
    const client = testClient({
      baseUrl: server.url,
      retry: { ...retryPolicy(3), statuses: [418] },
    });
    const error = await rejection(client.get('/'));
    expect(error.code).toBe('FERRY_HTTP_STATUS');
    expect(error.details).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(2);

    const plain = await startServer((_req, res) => sendJson(res, 400, { error: 'bad' }));
    const other = testClient({ baseUrl: plain.url, retry: retryPolicy(3) });
    expect((await rejection(other.get('/'))).code).toBe('FERRY_HTTP_STATUS');
    expect(plain.requests).toHaveLength(1);
  });

  it('throws the status error itself when maxRetries is 0', async () => {
    const server = await startServer((_req, res) => sendJson(res, 503, {}));
    const client = testClient({ baseUrl: server.url, retry: retryPolicy(0) });
    expect((await rejection(client.get('/'))).code).toBe('FERRY_HTTP_STATUS');
    expect(server.requests).toHaveLength(1);
  });

  it('times out an attempt that gets no answer, retries it, and reports FERRY_HTTP_TIMEOUT', async () => {
    const server = await startServer(() => undefined);
    const client = testClient({ baseUrl: server.url, timeoutMs: 100, retry: retryPolicy(1) });
    const started = performance.now();
    const error = await rejection(client.get('/slow'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    expect(error.code).toBe('FERRY_HTTP_RETRIES_EXHAUSTED');
    expect(error.message).toContain('after 2 attempts; last error: timed out after 100 ms');
    expect((error.cause as { code?: string }).code).toBe('FERRY_HTTP_TIMEOUT');
    expect(server.requests).toHaveLength(2);

    const once = testClient({ baseUrl: server.url, timeoutMs: 50, retry: retryPolicy(0) });
    expect((await rejection(once.get('/slow'))).code).toBe('FERRY_HTTP_TIMEOUT');
  });

  it('counts a slow body against the timeout, then succeeds on retry', async () => {
    const server = await startServer((_req, res, index) => {
      if (index === 0) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items": [');
        return; // the rest never comes
      }
      sendJson(res, 200, { items: [] });
    });
    const client = testClient({ baseUrl: server.url, timeoutMs: 150, retry: retryPolicy(2) });
    const response = await client.get('/');
    expect(response.json()).toEqual({ items: [] });
    expect(server.requests).toHaveLength(2);
  });

  it('retries when the server resets the connection', async () => {
    const server = await startServer((_req, res, index) => {
      if (index === 0) res.socket?.destroy();
      else sendJson(res, 200, { ok: true });
    });
    const logs: string[] = [];
    const client = testClient({
      baseUrl: server.url,
      retry: retryPolicy(2),
      log: (_level, message) => logs.push(message),
    });
    const response = await client.get('/');
    expect(response.json()).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(logs[0]).toMatch(/failed: .*; retry 1 of 2/);
  });

  it('retries a refused connection and reports the network error when retries run out', async () => {
    const port = await closedPort();
    const client = testClient({ baseUrl: `http://127.0.0.1:${port}`, retry: retryPolicy(2) });
    const error = await rejection(client.get('/'));
    expect(error.code).toBe('FERRY_HTTP_RETRIES_EXHAUSTED');
    expect(error.message).toContain('after 3 attempts; last error: ECONNREFUSED');
    expect((error.cause as { code?: string }).code).toBe('FERRY_HTTP_NETWORK');
  });

  it('stops waiting for a retry when the request signal aborts', async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, 503, {}, { 'Retry-After': '30' }),
    );
    const client = testClient({ baseUrl: server.url, retry: retryPolicy(3) });
    const controller = new AbortController();
    const pending = client.request({ url: '/', signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(pending);
    expect(error.name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });

  it('cancels an in-flight request when its signal aborts', async () => {
    const server = await startServer(() => undefined);
    const client = testClient({ baseUrl: server.url, retry: retryPolicy(3) });
    const controller = new AbortController();
    const pending = client.request({ url: '/', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop now')), 50);
    const error = await rejection(pending);
    expect(error.message).toBe('stop now');
    expect(server.requests).toHaveLength(1);
  });
});
