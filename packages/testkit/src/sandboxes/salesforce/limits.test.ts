import { describe, expect, it } from 'vitest';
import { startSalesforceSandbox } from './sandbox.ts';
import { connect } from './test-client.ts';

const SOQL = 'SELECT Id FROM Account LIMIT 1';

describe('the Salesforce sandbox API request limit', () => {
  it('counts REST calls in Sforce-Limit-Info, also on injected 429, 5xx and 401 answers', async () => {
    const sandbox = await startSalesforceSandbox({ apiLimit: 5000, apiUsed: 17 });
    const client = await connect(sandbox);
    const first = await client.query(SOQL);
    expect(first.headers.get('sforce-limit-info')).toBe('api-usage=18/5000');
    expect((await client.query(SOQL)).headers.get('sforce-limit-info')).toBe('api-usage=19/5000');

    sandbox.faults.set({ rateLimit: { next: 1, retryAfter: 1 } });
    const limited = await client.query(SOQL);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
    expect(limited.headers.get('sforce-limit-info')).toBe('api-usage=19/5000');
    sandbox.faults.set({ errors: { next: 2, status: 503 }, rateLimit: undefined });
    const down = await client.query(SOQL);
    expect(down.status).toBe(503);
    expect(down.body).toEqual([
      { message: 'Service Unavailable', errorCode: 'SERVER_UNAVAILABLE' },
    ]);
    expect(down.headers.get('sforce-limit-info')).toBe('api-usage=19/5000');
    sandbox.faults.set({ errors: { next: 1, status: 500 } });
    const broken = await client.query(SOQL);
    expect((broken.body as { errorCode: string }[])[0]?.errorCode).toBe('UNKNOWN_EXCEPTION');
    sandbox.faults.reset();
    sandbox.admin.expireSessions();
    const denied = await client.query(SOQL);
    expect([denied.status, denied.headers.get('sforce-limit-info')]).toEqual([
      401,
      'api-usage=19/5000',
    ]);
  });

  it('answers 403 REQUEST_LIMIT_EXCEEDED once the limit is used up, until it is raised', async () => {
    const sandbox = await startSalesforceSandbox();
    const client = await connect(sandbox);
    sandbox.admin.setApiLimit({ remaining: 1 });
    expect((await client.query(SOQL)).status).toBe(200);
    const refused = await client.query(SOQL);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
    expect(refused.headers.get('sforce-limit-info')).toBe('api-usage=15000/15000');
    expect((await client.upsert('Account', 'External_Id__c', { records: [] })).status).toBe(403);
    expect(sandbox.admin.apiUsage()).toEqual({ used: 15000, limit: 15000 });
    sandbox.admin.setApiLimit({ limit: 15001 });
    expect((await client.query(SOQL)).status).toBe(200);
  });
});
