import { describe, expect, it } from 'vitest';
import { clientOptions, sendJson, startServer, testClient } from './test-server.ts';

/**
 * An API that allows `max` requests per `windowMs` and says so in HubSpot's headers; a request
 * beyond the window's budget gets a 429 (which the client would retry, slowly).
 */
async function limitedApi(max: number, windowMs: number) {
  let windowStart = performance.now();
  let used = 0;
  let refused = 0;
  const server = await startServer((_req, res) => {
    const now = performance.now();
    if (now - windowStart >= windowMs) {
      windowStart = now;
      used = 0;
    }
    const left = windowStart + windowMs - now;
    if (used >= max) {
      refused++;
      return sendJson(res, 429, { policyName: 'SECONDLY' }, { 'retry-after': '5' });
    }
    used++;
    sendJson(
      res,
      200,
      { ok: true },
      {
        'x-hubspot-ratelimit-remaining': String(max - used),
        'x-hubspot-ratelimit-interval-milliseconds': String(Math.ceil(left)),
      },
    );
  });
  return { server, refused: () => refused };
}

describe('a rate limit announced in response headers', () => {
  it('waits for the window instead of running into 429s', async () => {
    const { server, refused } = await limitedApi(3, 300);
    const client = testClient({
      baseUrl: server.url,
      headerLimit: {
        remaining: 'x-hubspot-ratelimit-remaining',
        resetAfter: 'x-hubspot-ratelimit-interval-milliseconds',
        unitMs: 1,
      },
    });
    const started = performance.now();
    for (let i = 0; i < 9; i++) expect((await client.get('/api')).status).toBe(200);
    expect(refused()).toBe(0);
    // nine requests at three per 300 ms window need at least two full waits
    expect(performance.now() - started).toBeGreaterThanOrEqual(550);
  });

  it('without the setting, the same client runs into the limit', async () => {
    const { server, refused } = await limitedApi(3, 60_000);
    const client = testClient({
      baseUrl: server.url,
      retry: { ...clientOptions().retry, maxRetries: 0 },
    });
    for (let i = 0; i < 3; i++) await client.get('/api');
    await expect(client.get('/api')).rejects.toThrow(/429/);
    expect(refused()).toBe(1);
  });
});
