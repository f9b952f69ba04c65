import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';
import { rejection, sendJson, startServer, testClient } from './test-server.ts';

describe('RateLimiter', () => {
  it('lets N starts through at once, then one more per freed slot, in order', async () => {
    const limiter = new RateLimiter({ requests: 2, perMs: 150 });
    const started = performance.now();
    const order: number[] = [];
    const times: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((n) =>
        limiter.acquire().then(() => {
          order.push(n);
          times.push(performance.now() - started);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(times[2]).toBeGreaterThanOrEqual(150);
    expect(times[4]).toBeGreaterThanOrEqual(300);
  });

  it('takes an aborted waiter out of the queue without using a slot', async () => {
    const limiter = new RateLimiter({ requests: 2, perMs: 150 });
    await limiter.acquire();
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort();
    expect((await rejection(aborted)).name).toBe('AbortError');
    await next;
    // both slots freed together; `next` took one, so the other is free right now
    let granted = false;
    void limiter.acquire().then(() => {
      granted = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(granted).toBe(true);
  });

  it('rejects a limit below one request', () => {
    expect(() => new RateLimiter({ requests: 0, perMs: 100 })).toThrow(RangeError);
  });
});

describe('createHttpClient: rate limit', () => {
  it('spaces N+1 requests with a limit of N per 300 ms over at least 300 ms', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, {}));
    const client = testClient({ baseUrl: server.url, rateLimit: { requests: 3, perMs: 300 } });
    const started = performance.now();
    await Promise.all([1, 2, 3, 4].map((n) => client.get(`/${n}`)));
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(server.requests.map((r) => r.url)).toEqual(['/1', '/2', '/3', '/4']);
    const [first, , third, fourth] = server.requests;
    expect((third?.at ?? 0) - (first?.at ?? 0)).toBeLessThan((fourth?.at ?? 0) - (first?.at ?? 0));
  });

  it('counts retries against the limit', async () => {
    const server = await startServer((_req, res, index) =>
      sendJson(res, index === 0 ? 503 : 200, {}),
    );
    const client = testClient({ baseUrl: server.url, rateLimit: { requests: 1, perMs: 200 } });
    const started = performance.now();
    await client.get('/');
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    expect(server.requests).toHaveLength(2);
  });

  it('counts token requests against the limit', async () => {
    const server = await startServer((req, res) =>
      sendJson(res, 200, req.url === '/token' ? { access_token: 't', expires_in: 3600 } : {}),
    );
    const client = testClient({
      baseUrl: server.url,
      rateLimit: { requests: 1, perMs: 200 },
      auth: {
        type: 'oauth2',
        grant: 'client_credentials',
        tokenUrl: `${server.url}/token`,
        clientId: 'id',
        clientSecret: 'secret',
        credentialsIn: 'body',
        tokenPath: 'access_token',
        expiresInPath: 'expires_in',
      },
    });
    const started = performance.now();
    await client.get('/api');
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    expect(server.requests.map((r) => r.url)).toEqual(['/token', '/api']);
  });
});
