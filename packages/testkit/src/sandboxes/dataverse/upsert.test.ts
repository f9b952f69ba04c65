import { describe, expect, it } from 'vitest';
import { connect } from './test-support.ts';

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe('Dataverse sandbox: PATCH upserts and DELETE', () => {
  it('creates then updates by alternate key with 204 and OData-EntityId; key columns stay out of updates', async () => {
    const dv = await connect();
    const url = "accounts(accountnumber='ZZ-O''1')";
    const created = await dv.api(url, {
      method: 'PATCH',
      json: { name: "Zed's", telephone1: '555-0100' },
    });
    expect(created.status).toBe(204);
    expect(created.headers.get('odata-entityid')).toBe(`${dv.url}/api/data/v9.2/${url}`);
    const row = dv.admin.rows('accounts').find((r) => r.accountnumber === "ZZ-O'1");
    expect(row).toMatchObject({
      name: "Zed's",
      telephone1: '555-0100',
      versionnumber: expect.any(Number),
    });
    const before = row?.versionnumber as number;
    const updated = await dv.api(url, {
      method: 'PATCH',
      json: { name: 'Zed', accountnumber: 'ignored-on-update' },
    });
    expect(updated.status).toBe(204);
    const after = dv.admin.get('accounts', String(row?.accountid));
    expect(after).toMatchObject({ name: 'Zed', accountnumber: "ZZ-O'1", telephone1: '555-0100' });
    expect(after?.versionnumber as number).toBeGreaterThan(before);
  });

  it('answers 201 then 200 with the row under Prefer: return=representation', async () => {
    const dv = await connect();
    const url = `accounts(${'5b2b8a4e-0c1d-4e5f-8a9b-0123456789ab'})?$select=name`;
    const headers = { prefer: 'return=representation' };
    const created = await dv.api(url, { method: 'PATCH', json: { name: 'Ångström' }, headers });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      '@odata.context': `${dv.url}/api/data/v9.2/$metadata#accounts/$entity`,
      accountid: '5b2b8a4e-0c1d-4e5f-8a9b-0123456789ab',
      name: 'Ångström',
    });
    const updated = await dv.api(url, { method: 'PATCH', json: { name: 'Angstrom' }, headers });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('preference-applied')).toBe('return=representation');
  });

  it('honours If-Match: *, If-None-Match: * and ETags', async () => {
    const dv = await connect();
    const missing = await dv.api("accounts(accountnumber='NOPE')", {
      method: 'PATCH',
      json: { name: 'x' },
      headers: { 'if-match': '*' },
    });
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toEqual({
      code: '',
      message: 'A record with the specified key values does not exist in account entity',
    });
    const existing = dv.admin.rows('accounts')[0];
    const byKey = `accounts(accountnumber='${existing?.accountnumber}')`;
    const dup = await dv.api(byKey, {
      method: 'PATCH',
      json: { name: 'x' },
      headers: { 'if-none-match': '*' },
    });
    expect(dup.status).toBe(412);
    expect((await errorOf(dup)).message).toBe('A record with matching key values already exists.');
    const stale = await dv.api(byKey, {
      method: 'PATCH',
      json: { name: 'x' },
      headers: { 'if-match': 'W/"1"' },
    });
    expect(stale.status).toBe(412);
    const fresh = await dv.api(byKey, {
      method: 'PATCH',
      json: { name: 'x' },
      headers: { 'if-match': `W/"${existing?.versionnumber}"`, 'if-none-match': 'null' },
    });
    expect(fresh.status).toBe(204);
    expect(
      (
        await dv.api(`accounts(${'00000000-0000-4000-8000-000000000000'})`, {
          method: 'PATCH',
          json: {},
          headers: { 'if-match': '*' },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses non-key columns in the URL, unknown columns, wrong types and duplicate alternate keys', async () => {
    const dv = await connect();
    const nonKey = await dv.api("accounts(name='Contoso Ltd')", {
      method: 'PATCH',
      json: { telephone1: '1' },
    });
    expect(nonKey.status).toBe(400);
    expect((await errorOf(nonKey)).message).toMatch(
      /^The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.account'/,
    );
    const unknown = await dv.api("accounts(accountnumber='Q1')", {
      method: 'PATCH',
      json: { nickname: 'q' },
    });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toBe(
      "The property 'nickname' does not exist on type 'Microsoft.Dynamics.CRM.account'. Make sure to only use property names that are defined by the type.",
    );
    const wrongType = await dv.api("accounts(accountnumber='Q1')", {
      method: 'PATCH',
      json: { revenue: 'lots' },
    });
    expect(wrongType.status).toBe(400);
    const [a, b] = dv.admin.rows('accounts').filter((r) => r.accountnumber !== null);
    const clash = await dv.api(`accounts(${a?.accountid})`, {
      method: 'PATCH',
      json: { accountnumber: String(b?.accountnumber).toLowerCase() },
    });
    expect(clash.status).toBe(412);
    expect((await errorOf(clash)).code).toBe('0x80040237');
    expect(dv.admin.rows('accounts').some((r) => r.accountnumber === 'Q1')).toBe(false);
  });

  it('deletes by key (404 when missing), and refuses records the rejects fault names', async () => {
    const dv = await connect();
    const row = dv.admin.rows('accounts')[3];
    const url = `accounts(${row?.accountid})`;
    expect((await dv.api(url, { method: 'DELETE' })).status).toBe(204);
    expect((await dv.api(url, { method: 'DELETE' })).status).toBe(404);
    expect(dv.admin.get('accounts', String(row?.accountid))).toBeUndefined();
    dv.sandbox.faults.set({
      rejects: (record) =>
        (record as { name?: string }).name === 'Blocked' ? 'Name is on the block list.' : undefined,
    });
    const refused = await dv.api("accounts(accountnumber='B1')", {
      method: 'PATCH',
      json: { name: 'Blocked' },
    });
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toEqual({
      code: '0x80040265',
      message: 'Name is on the block list.',
    });
    expect(dv.sandbox.stats.rejected).toBe(1);
  });
});
