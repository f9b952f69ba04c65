import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { hubspot, manualClock } from './test-support.ts';

const LIST = '/crm/v3/objects/companies?limit=1';

describe('HubSpot sandbox: auth and limits', () => {
  it("refuses a wrong or missing token with HubSpot's 401 body", async () => {
    const { sandbox, call } = await hubspot();
    const wrong = await call('GET', LIST, undefined, 'pat-na1-wrong');
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({
      status: 'error',
      category: 'INVALID_AUTHENTICATION',
      message: expect.stringContaining('Authentication credentials not found'),
    });
    const none = await fetch(sandbox.url + LIST);
    expect(none.status).toBe(401);
    expect(sandbox.stats.unauthorized).toBe(2);
  });

  it('answers 403 MISSING_SCOPES when the token lacks the scope', async () => {
    const { call } = await hubspot({ scopes: ['crm.objects.contacts.read'] });
    expect((await call('GET', '/crm/v3/objects/contacts')).status).toBe(200);
    const refused = await call('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [] });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredGranularScopes: ['crm.objects.contacts.write'] } }],
    });
  });

  it('sends X-HubSpot-RateLimit-* headers and refuses past the window with 429 TEN_SECONDLY_ROLLING', async () => {
    const { sandbox, call } = await hubspot({ limits: { max: 3, intervalMs: 1000, daily: 1000 } });
    // sent together, so that they fall in one window however slow the machine
    const answers = await Promise.all([1, 2, 3, 4].map(() => call('GET', LIST)));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(1);
    expect(answers.map((a) => a.headers.get('x-hubspot-ratelimit-remaining')).sort()).toEqual([
      '0',
      '0',
      '1',
      '2',
    ]);
    const first = answers.find((a) => a.headers.get('x-hubspot-ratelimit-remaining') === '2');
    const headers = [...(first?.headers ?? [])].filter(([k]) => k.startsWith('x-hubspot'));
    expect(Object.fromEntries(headers)).toEqual({
      'x-hubspot-ratelimit-daily': '1000',
      'x-hubspot-ratelimit-daily-remaining': '999',
      'x-hubspot-ratelimit-interval-milliseconds': '1000',
      'x-hubspot-ratelimit-max': '3',
      'x-hubspot-ratelimit-remaining': '2',
      'x-hubspot-ratelimit-secondly': '3',
      'x-hubspot-ratelimit-secondly-remaining': '2',
    });
    expect(refused[0]?.json).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      message: 'You have reached your ten_secondly_rolling limit.',
    });
    await sleep(1050);
    expect((await call('GET', LIST)).status).toBe(200);
    expect(sandbox.limitHits).toEqual({ TEN_SECONDLY_ROLLING: 1, DAILY: 0, SECONDLY: 0 });
  });

  it('enforces the daily limit by the sandbox clock, and the tier defaults', async () => {
    const clock = manualClock('2025-03-01T23:59:00.000Z');
    const { call } = await hubspot({ limits: { daily: 2 }, now: clock.now });
    await call('GET', LIST);
    await call('GET', LIST);
    const third = await call('GET', LIST);
    expect(third.status).toBe(429);
    expect(third.json.policyName).toBe('DAILY');
    clock.advance(60_000);
    expect((await call('GET', LIST)).status).toBe(200);
    const pro = await hubspot({ limits: { tier: 'professional' } });
    const headers = (await pro.call('GET', LIST)).headers;
    expect(headers.get('x-hubspot-ratelimit-max')).toBe('190');
    expect(headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    const off = await hubspot({ limits: false });
    expect((await off.call('GET', LIST)).headers.get('x-hubspot-ratelimit-max')).toBeNull();
  });

  it("injects 429s and 5xx through faults, in HubSpot's body", async () => {
    const { sandbox, call } = await hubspot({
      faults: { rateLimit: { next: 1, retryAfter: 1 }, errors: { next: 1, status: 502 } },
    });
    const limited = await call('GET', LIST);
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    const failed = await call('GET', LIST);
    expect(failed.status).toBe(502);
    expect(failed.json).toMatchObject({ status: 'error', category: 'INTERNAL_ERROR' });
    expect((await call('GET', LIST)).status).toBe(200);
    expect(sandbox.stats).toMatchObject({ rateLimited: 1, errors: 1, served: 1 });
  });
});
