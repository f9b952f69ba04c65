// Reads against the Salesforce sandbox: paging over nextRecordsUrl, incremental resumes on
// SystemModstamp, sessions that time out, and the errors a run must stop on.
import { openConnector } from '@ferry/declarative';
import { collect, collectUntilError, records, states } from '@ferry/declarative/testing';
import type { JsonObject } from '@ferry/sdk';
import { describe, expect, it } from 'vitest';
import { byId, packageDir, startOrg, stored } from './support.ts';

const queriesOf = (sandbox: { requests: { path: string; query: URLSearchParams }[] }) =>
  sandbox.requests.filter((r) => r.path.endsWith('/query')).map((r) => r.query.get('q') ?? '');

describe('@ferry/connector-salesforce reads', () => {
  it('reads every account, contact and opportunity once, page by page', async () => {
    const { sandbox, config } = await startOrg();
    const salesforce = await openConnector(packageDir);
    const messages = await collect(salesforce.read(config));
    for (const [stream, sobject] of [
      ['accounts', 'Account'],
      ['contacts', 'Contact'],
      ['opportunities', 'Opportunity'],
    ] as const) {
      const got = records(messages.filter((m) => m.stream === stream));
      expect(byId(got)).toEqual(stored(sandbox, sobject, got));
      expect(got[0]).not.toHaveProperty('attributes');
    }
    const pages = sandbox.requests.filter((r) => /\/query\/01g\w+-\d+$/.test(r.path));
    expect(pages.length).toBeGreaterThanOrEqual(4 + 5 + 3);
    expect(pages[0]?.url).not.toContain('?');
    expect(sandbox.requests.find((r) => r.path.endsWith('/query'))?.headers).toMatchObject({
      'sforce-query-options': 'batchSize=2000',
      authorization: expect.stringMatching(/^Bearer 00D/),
    });
    expect(queriesOf(sandbox)[0]).toMatch(/FROM Account ORDER BY SystemModstamp ASC, Id ASC$/);
  });

  it('resumes from the state with an unquoted datetime literal, skipping what it read', async () => {
    let now = Date.UTC(2025, 0, 1);
    const { sandbox, config } = await startOrg({ now: () => now });
    const salesforce = await openConnector(packageDir);
    const first = await collect(salesforce.read(config, { streams: ['accounts'] }));
    const state = states(first).at(-1) as JsonObject;
    const newest = sandbox.admin
      .list('Account')
      .map((a) => String(a.SystemModstamp))
      .sort()
      .at(-1);
    // every account changed at that instant is a boundary key (two share it in the seed)
    const boundary = sandbox.admin.list('Account').filter((a) => a.SystemModstamp === newest);
    expect(boundary).toHaveLength(2);
    expect(state).toEqual({ cursor: newest, keys: boundary.map((a) => JSON.stringify([a.Id])) });

    // two changes at the same instant, and one record created then
    now += 1500;
    const [a, b] = sandbox.admin.list('Account');
    sandbox.admin.update('Account', String(a?.Id), { Name: 'Renamed A' });
    sandbox.admin.update('Account', String(b?.Id), { Phone: null });
    sandbox.admin.create('Account', { Name: 'Brand new', External_Id__c: 'ACC-NEW' });
    const second = await collect(
      salesforce.read(config, { streams: ['accounts'], state: { accounts: state as never } }),
    );
    expect(records(second).map((r) => [r.Id, r.Name, r.Phone])).toEqual([
      [a?.Id, 'Renamed A', a?.Phone],
      [b?.Id, b?.Name, null],
      [sandbox.admin.findBy('Account', 'External_Id__c', 'ACC-NEW')[0]?.Id, 'Brand new', null],
    ]);
    expect(queriesOf(sandbox).at(-1)).toContain(
      `WHERE SystemModstamp >= ${String(newest).slice(0, 19)}Z ORDER BY`,
    );
    const third = await collect(
      salesforce.read(config, {
        streams: ['accounts'],
        state: { accounts: states(second).at(-1) as never },
      }),
    );
    expect(records(third)).toEqual([]);
  });

  it('starts at startDate on a first read', async () => {
    const { sandbox, config } = await startOrg();
    const salesforce = await openConnector(packageDir);
    const startDate = '2024-01-01T01:00:00Z';
    const got = records(
      await collect(salesforce.read({ ...config, startDate }, { streams: ['opportunities'] })),
    );
    const expected = sandbox.admin
      .list('Opportunity')
      .filter((o) => String(o.SystemModstamp) >= '2024-01-01T01:00:00.000+0000');
    expect(got.map((o) => o.Id).sort()).toEqual(expected.map((o) => o.Id).sort());
    expect(got.length).toBeLessThan(sandbox.admin.list('Opportunity').length);
    expect(queriesOf(sandbox)[0]).toContain('WHERE SystemModstamp >= 2024-01-01T01:00:00Z');
  });

  it('gets a new token when the session times out in the middle of a read', async () => {
    const { sandbox, config } = await startOrg();
    const salesforce = await openConnector(packageDir);
    const got: JsonObject[] = [];
    for await (const batch of salesforce.read(config, { streams: ['contacts'] })) {
      if (got.length === 0) sandbox.admin.expireSessions();
      got.push(...records(batch));
    }
    expect(byId(got)).toEqual(stored(sandbox, 'Contact', got));
    expect(sandbox.admin.tokensIssued()).toBe(2);
    expect(sandbox.stats.unauthorized).toBe(1);
  });

  it('uses the refresh token grant when a refresh token is configured', async () => {
    const { sandbox, config } = await startOrg();
    const salesforce = await openConnector(packageDir);
    const { refreshToken } = sandbox.credentials;
    const got = records(
      await collect(salesforce.read({ ...config, refreshToken }, { streams: ['opportunities'] })),
    );
    expect(got).toHaveLength(20);
    const login = new URLSearchParams(sandbox.requests[0]?.body);
    expect([login.get('grant_type'), login.get('refresh_token')]).toEqual([
      'refresh_token',
      refreshToken,
    ]);
    expect(login.get('client_id')).toBe(config.clientId);
    const revoked = await salesforce.check({ ...config, refreshToken: 'revoked-token' });
    expect(revoked).toMatchObject({ ok: false, message: expect.stringContaining('invalid_grant') });
    expect(JSON.stringify(revoked)).not.toContain('revoked-token');
  });

  it('stops at once, with a coded error, when the org has used up its API requests', async () => {
    const { sandbox, config } = await startOrg();
    sandbox.admin.setApiLimit({ limit: 5000, remaining: 2 });
    const salesforce = await openConnector(packageDir);
    const { messages, error } = await collectUntilError(
      salesforce.read(config, { streams: ['accounts'] }),
    );
    expect(records(messages)).toHaveLength(10);
    expect(error).toMatchObject({
      code: 'FERRY_HTTP_STATUS',
      message: expect.stringContaining(
        'the org has used up its API request limit (api-usage=5000/5000): REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.',
      ),
    });
    // not retried: the two pages, then one refused call
    expect(sandbox.requests.filter((r) => r.path.startsWith('/services/data'))).toHaveLength(3);
  });

  it('shows every error of Salesforce error arrays, and fails the check on bad credentials', async () => {
    const { sandbox, config } = await startOrg();
    const salesforce = await openConnector(packageDir);
    const old = await salesforce.check({ ...config, apiVersion: 'v19.0' });
    expect(old).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        'Salesforce refused the request: NOT_FOUND: The requested resource does not exist',
      ),
    });
    expect(await salesforce.check(config)).toEqual({ ok: true });
    const bad = await salesforce.check({ ...config, clientSecret: 'not-the-secret' });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('invalid_client') });
    expect(JSON.stringify(bad)).not.toContain('not-the-secret');
    expect(sandbox.admin.tokensIssued()).toBe(2);
  });
});
