import { openConnector } from '@ferry/declarative';
import { collect, records, states } from '@ferry/declarative/testing';
import type { JsonObject } from '@ferry/sdk';
import { startDataverseSandbox } from '@ferry/testkit';
import { describe, expect, it } from 'vitest';
import { configFor, inReadOrder, packageDir } from '../test/support.ts';

describe('@ferry/connector-dynamics365 against the Dataverse sandbox', () => {
  it('reads every account and contact over nextLink pages with one token', async () => {
    const dv = await startDataverseSandbox();
    const connector = await openConnector(packageDir);
    const messages = await collect(
      connector.read(configFor(dv), { streams: ['accounts', 'contacts'] }),
    );
    const accounts = records(messages.filter((m) => m.stream === 'accounts'));
    expect(accounts).toEqual(inReadOrder(dv.admin.rows('accounts'), 'accountid'));
    const contacts = records(messages.filter((m) => m.stream === 'contacts'));
    expect(contacts.map((c) => c.contactid)).toEqual(
      inReadOrder(dv.admin.rows('contacts'), 'contactid').map((c) => c.contactid),
    );
    expect(dv.tokensIssued).toBe(1);
    const gets = dv.sandbox.requests.filter((r) => r.method === 'GET');
    expect(gets).toHaveLength(Math.ceil(24 / 5) + Math.ceil(36 / 5));
    for (const request of gets) {
      expect(request.headers.prefer).toBe('odata.maxpagesize=5');
      expect(request.headers['odata-version']).toBe('4.0');
      expect(request.headers['odata-maxversion']).toBe('4.0');
    }
    const token = dv.sandbox.requests[0];
    expect(token?.path).toBe(`/${dv.tenantId}/oauth2/v2.0/token`);
    expect(new URLSearchParams(token?.body).get('scope')).toBe(`${dv.url}/.default`);
  });

  it('resumes from its state with a modifiedon filter, losing no row that shares the boundary', async () => {
    let now = Date.parse('2025-02-01T12:00:00Z');
    const dv = await startDataverseSandbox({ clock: () => new Date(now) });
    const connector = await openConnector(packageDir);
    const config = configFor(dv);
    const first = await collect(connector.read(config, { streams: ['accounts'] }));
    const state = states(first).at(-1) as JsonObject;
    const rows = inReadOrder(dv.admin.rows('accounts'), 'accountid');
    expect(state).toEqual({ cursor: rows.at(-1)?.modifiedon, keys: expect.any(Array) });
    // a row created in the same second as the last one read (after the read), then a later edit
    now = Date.parse(String(rows.at(-1)?.modifiedon));
    const boundary = dv.admin.create('accounts', { name: 'Boundary GmbH', accountnumber: 'B-1' });
    expect(boundary.modifiedon).toBe(state.cursor);
    now += 60_000;
    const edited = dv.admin.update('accounts', String(rows[0]?.accountid), {
      telephone1: '+1-555-0000',
    });
    const second = await collect(
      connector.read(config, { streams: ['accounts'], state: { accounts: state } }),
    );
    expect(records(second).map((r) => r.accountid)).toEqual([boundary.accountid, edited.accountid]);
    const last = dv.sandbox.requests.filter((r) => r.path.endsWith('/accounts')).at(-1);
    expect(last?.query.get('$filter')).toBe(`modifiedon ge ${rows.at(-1)?.modifiedon}`);
    const third = await collect(
      connector.read(config, {
        streams: ['accounts'],
        state: { accounts: states(second).at(-1) as JsonObject },
      }),
    );
    expect(records(third)).toEqual([]);
  });

  it('starts at startDate on a first read', async () => {
    const dv = await startDataverseSandbox();
    const connector = await openConnector(packageDir);
    const startDate = '2024-06-01T15:00:00Z';
    const got = records(
      await collect(connector.read(configFor(dv, { startDate }), { streams: ['contacts'] })),
    );
    const expected = inReadOrder(dv.admin.rows('contacts'), 'contactid').filter(
      (c) => String(c.modifiedon) >= startDate,
    );
    expect(got.map((c) => c.contactid)).toEqual(expected.map((c) => c.contactid));
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(36);
  });

  it('renews an expired token on the 401 and carries on', async () => {
    let now = Date.parse('2025-02-01T12:00:00Z');
    const dv = await startDataverseSandbox({
      clock: () => new Date(now),
      tokenLifetimeSeconds: 3599,
    });
    const connector = await openConnector(packageDir);
    const config = configFor(dv);
    let pages = 0;
    const got: JsonObject[] = [];
    for await (const batch of connector.read(config, { streams: ['accounts'] })) {
      got.push(...records(batch));
      // the token expires (by the sandbox's clock) after the second page
      if (++pages === 2) now += 3600_000;
    }
    expect(got).toHaveLength(24);
    expect(dv.tokensIssued).toBe(2);
    expect(dv.sandbox.stats.unauthorized).toBe(1);
  });

  it('passes its check, and fails it with the Entra message for a wrong secret (redacted)', async () => {
    const dv = await startDataverseSandbox();
    const connector = await openConnector(packageDir);
    expect(await connector.check(configFor(dv))).toEqual({ ok: true });
    const bad = await connector.check(configFor(dv, { clientSecret: 'not-the-secret-value' }));
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('AADSTS7000215') });
    expect(JSON.stringify(bad)).not.toContain('not-the-secret-value');
  });
});
