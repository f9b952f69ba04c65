import { describe, expect, it } from 'vitest';
import { startExampleCrm } from './example-crm.ts';
import { createSandbox } from './sandbox.ts';

const CONTACTS = '/crm/v3/objects/contacts';

async function crm(options: Parameters<typeof startExampleCrm>[0] = {}) {
  const { sandbox, token, objects } = await startExampleCrm(options);
  const get = (path = `${CONTACTS}?limit=2`, auth = `Bearer ${token}`) =>
    fetch(sandbox.url + path, { headers: { authorization: auth } });
  return { sandbox, objects, get, token };
}

describe('API sandbox: routes and auth', () => {
  it('answers a route with its parameters, query and JSON body', async () => {
    const { sandbox, get, token, objects } = await crm();
    const page = await get(`${CONTACTS}?limit=2&after=3`);
    expect(page.status).toBe(200);
    expect(((await page.json()) as { results: { id: string }[] }).results.map((r) => r.id)).toEqual(
      ['4', '5'],
    );
    const upsert = await fetch(`${sandbox.url}${CONTACTS}/batch/upsert`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ id: '900', properties: { email: 'new@example.com' } }] }),
    });
    expect(await upsert.json()).toEqual({
      status: 'COMPLETE',
      results: [{ id: '900', status: 'ok' }],
    });
    expect(objects.get('contacts')?.get('900')?.properties).toEqual({ email: 'new@example.com' });
    expect(sandbox.stats).toMatchObject({ requests: 2, served: 2 });
    expect(sandbox.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it("refuses bad credentials with the vendor's 401 body", async () => {
    const { sandbox, get } = await crm();
    const response = await get(undefined, 'Bearer wrong');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
    expect(sandbox.stats).toMatchObject({ unauthorized: 1, served: 0 });
  });

  it('answers unknown paths 404 and known paths with another method 405, in the vendor format', async () => {
    const { sandbox, get, token } = await crm();
    expect((await get('/nope')).status).toBe(404);
    const wrongMethod = await fetch(sandbox.url + CONTACTS, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toMatchObject({ category: 'OBJECT_NOT_FOUND' });
  });

  it('skips the auth check for public routes', async () => {
    const sandbox = await createSandbox({
      name: 'x',
      auth: { check: () => false },
      routes: [
        { method: 'GET', path: '/health', public: true, handler: (ctx) => ctx.json({ ok: true }) },
      ],
    });
    expect(await (await fetch(`${sandbox.url}/health`)).json()).toEqual({ ok: true });
  });
});

describe('API sandbox: faults seen by a real HTTP client', () => {
  it("answers 429 with Retry-After and the vendor's body every Nth request", async () => {
    const { sandbox, get } = await crm({ faults: { rateLimit: { every: 3, retryAfter: 7 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await get();
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('7');
        expect(await response.json()).toEqual({
          status: 'error',
          message: 'You have reached your secondly limit.',
          category: 'RATE_LIMITS',
        });
      } else await response.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    expect(sandbox.stats.rateLimited).toBe(2);
  });

  it('rate limits the next K requests, or during a window, with a body from a callback', async () => {
    const { sandbox, get } = await crm();
    sandbox.faults.set({
      rateLimit: { next: 2, retryAfter: null, body: (ctx) => ({ limited: ctx.path }) },
    });
    const first = await get();
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBeNull();
    expect(await first.json()).toEqual({ limited: CONTACTS });
    expect((await get()).status).toBe(429);
    expect((await get()).status).toBe(200);

    sandbox.faults.set({ rateLimit: { window: { durationMs: 60_000 } } });
    expect((await get()).status).toBe(429);
    sandbox.faults.set({ rateLimit: { window: { fromMs: 60_000, durationMs: 1 } } });
    expect((await get()).status).toBe(200);
  });

  it('answers server errors every N, in bursts, with the configured status and body', async () => {
    const { sandbox, get } = await crm({ faults: { errors: { every: 3, burst: 2, status: 503 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([200, 503, 503, 200, 503, 503]);
    sandbox.faults.set({ errors: { every: 1, status: 502, body: { custom: true } } });
    const response = await get();
    expect([response.status, await response.json()]).toEqual([502, { custom: true }]);
    expect(sandbox.stats.errors).toBe(5);
  });

  it('resets the connection every N requests', async () => {
    const { sandbox, get } = await crm({ faults: { reset: { every: 2 } } });
    expect((await get()).status).toBe(200);
    await expect(get()).rejects.toThrow(/fetch failed/);
    expect((await get()).status).toBe(200);
    expect(sandbox.stats.resets).toBe(1);
    expect(sandbox.requests).toHaveLength(3);
  });

  it('answers 401 for the next K requests even with good credentials (an expired token)', async () => {
    const { sandbox, get } = await crm();
    sandbox.faults.set({ unauthorized: { next: 1 } });
    expect((await get()).status).toBe(401);
    expect((await get()).status).toBe(200);
  });

  it('delays every request by the latency and its seeded jitter', async () => {
    const { sandbox, get } = await crm({ faults: { latency: { ms: 40, jitterMs: 20 } } });
    const started = performance.now();
    await (await get()).body?.cancel();
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
    sandbox.faults.set({ latency: undefined });
    expect(sandbox.faults.current.latency).toBeUndefined();
  });

  it('refuses single records of a batch write through ctx.rejects', async () => {
    const { sandbox, token, objects } = await crm({
      faults: {
        rejects: (record) =>
          String((record as { id: string }).id).startsWith('bad') ? 'INVALID_EMAIL' : undefined,
      },
    });
    const response = await fetch(`${sandbox.url}${CONTACTS}/batch/upsert`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        inputs: [
          { id: 'good-1', properties: {} },
          { id: 'bad-1', properties: {} },
        ],
      }),
    });
    expect(((await response.json()) as { results: unknown[] }).results).toEqual([
      { id: 'good-1', status: 'ok' },
      { id: 'bad-1', status: 'error', message: 'INVALID_EMAIL' },
    ]);
    expect(objects.get('contacts')?.has('bad-1')).toBe(false);
    expect(sandbox.stats.rejected).toBe(1);
  });

  it('turns every fault off with reset()', async () => {
    const { sandbox, get } = await crm({
      faults: { errors: { every: 1 }, rateLimit: { every: 1 } },
    });
    expect((await get()).status).toBe(429);
    sandbox.faults.reset();
    expect((await get()).status).toBe(200);
  });

  it('gives route handlers a seeded PRNG: the same seed answers the same numbers', async () => {
    const numbers = async (seed: number) => {
      const sandbox = await createSandbox({
        name: 'random',
        seed,
        routes: [{ method: 'GET', path: '/n', handler: (ctx) => ctx.json(ctx.random()) }],
      });
      const out: number[] = [];
      for (let i = 0; i < 3; i++)
        out.push((await (await fetch(`${sandbox.url}/n`)).json()) as number);
      return out;
    };
    expect(await numbers(42)).toEqual(await numbers(42));
    expect(await numbers(42)).not.toEqual(await numbers(43));
  });
});

describe('API sandbox: lifetime', () => {
  let leftOver = '';

  it('closes by itself when the test that created it ends (1/2)', async () => {
    const { sandbox } = await crm();
    leftOver = sandbox.url;
  });

  it('closes by itself when the test that created it ends (2/2)', async () => {
    await expect(fetch(leftOver)).rejects.toThrow(/fetch failed/);
  });

  it('closes while a request waits out its latency', async () => {
    const { sandbox, get } = await crm({ faults: { latency: { ms: 600_000 } } });
    const pending = get();
    while (sandbox.stats.requests === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await sandbox.close();
    await expect(pending).rejects.toThrow(/fetch failed/);
  });
});
