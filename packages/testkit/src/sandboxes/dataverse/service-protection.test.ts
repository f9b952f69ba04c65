import { describe, expect, it } from 'vitest';
import { serviceProtection } from './service-protection.ts';
import { connect } from './test-support.ts';

describe('Dataverse sandbox: service protection and server errors', () => {
  it('answers 429 with Retry-After in seconds and the limit code when switched on', async () => {
    const dv = await connect();
    dv.sandbox.faults.set({
      rateLimit: serviceProtection('concurrency', { next: 1, retryAfter: 1 }),
    });
    const limited = await dv.api('accounts?$top=1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('odata-version')).toBe('4.0');
    expect(await limited.json()).toEqual({
      error: {
        code: '0x80072326',
        message:
          'Number of concurrent requests exceeded the limit of 52. Decrease number of concurrent requests and try again later.',
      },
    });
    expect((await dv.api('accounts?$top=1')).status).toBe(200);
    dv.sandbox.faults.set({ rateLimit: { every: 1 } });
    expect(await (await dv.api('accounts')).json()).toMatchObject({
      error: { code: '0x80072322' },
    });
    expect(dv.sandbox.stats.rateLimited).toBe(2);
  });

  it("answers injected 5xx with Dataverse's generic error body", async () => {
    const dv = await connect();
    dv.sandbox.faults.set({ errors: { next: 1, status: 503 } });
    const failed = await dv.api('contacts');
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({
      error: { code: '0x80040216', message: 'An unexpected error occurred.' },
    });
  });
});
