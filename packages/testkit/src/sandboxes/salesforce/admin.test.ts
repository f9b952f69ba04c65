import { describe, expect, it } from 'vitest';
import { startSalesforceSandbox } from './sandbox.ts';

describe('the Salesforce sandbox admin API', () => {
  it('creates and updates records, stamping them with the sandbox clock', async () => {
    let now = Date.UTC(2025, 6, 1);
    const sandbox = await startSalesforceSandbox({ now: () => now, seed: { accounts: 0 } });
    const created = sandbox.admin.create('account', { name: 'Zeta', external_id__c: 'Z-1' });
    expect(created).toMatchObject({
      Name: 'Zeta',
      External_Id__c: 'Z-1',
      Phone: null,
      IsDeleted: false,
    });
    now += 2_000;
    const updated = sandbox.admin.update('Account', String(created.Id), { Phone: '+33 1 23' });
    expect(updated).toMatchObject({
      Phone: '+33 1 23',
      CreatedDate: '2025-07-01T00:00:00.000+0000',
      SystemModstamp: '2025-07-01T00:00:02.000+0000',
    });
    expect(sandbox.admin.list('Account')).toEqual([updated]);
  });

  it('refuses unknown sObjects, fields and ids, system fields and wrong types with a coded error', async () => {
    const sandbox = await startSalesforceSandbox({ seed: { accounts: 1 } });
    const code = { code: 'FERRY_SALESFORCE_SANDBOX_ADMIN_INVALID' };
    expect(() => sandbox.admin.list('Lead')).toThrow(expect.objectContaining(code));
    expect(() => sandbox.admin.create('Account', { Name: 'x', Nope__c: 1 })).toThrow(
      expect.objectContaining({
        ...code,
        message: expect.stringContaining("No such column 'Nope__c'"),
      }),
    );
    expect(() =>
      sandbox.admin.create('Account', { Name: 'x', SystemModstamp: '2024-01-01T00:00:00Z' }),
    ).toThrow(expect.objectContaining(code));
    expect(() => sandbox.admin.create('Account', { Name: 'x', NumberOfEmployees: 'many' })).toThrow(
      expect.objectContaining({ ...code, message: expect.stringContaining('JSON_PARSER_ERROR') }),
    );
    expect(() => sandbox.admin.update('Account', '001000000000000AAA', { Name: 'y' })).toThrow(
      expect.objectContaining(code),
    );
  });
});
