import { openConnector } from '@ferry/declarative';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { startDataverseSandbox } from '@ferry/testkit';
import { describe, expect, it } from 'vitest';
import { configFor, packageDir } from '../test/support.ts';

async function write(config: JsonObject, input: JsonObject[]): Promise<WriteResult[]> {
  const connector = await openConnector(packageDir);
  const results: WriteResult[] = [];
  for await (const batch of connector.write(config, 'accounts', [input])) results.push(...batch);
  return results;
}

describe('accounts writes: PATCH upserts on the account number', () => {
  it('creates, then updates, accounts by accountnumber, one request each', async () => {
    const dv = await startDataverseSandbox();
    const config = configFor(dv);
    const input = [
      { accountnumber: "D'AR/01 x", name: "D'Arcy Ågren AB", telephone1: '+46 8 123 45' },
      { accountnumber: 'ACC-1001', name: 'Contoso Limited', revenue: 12.5 },
    ];
    const results = await write(config, input);
    expect(results).toEqual([
      { index: 0, status: 'accepted' },
      { index: 1, status: 'accepted' },
    ]);
    const patches = dv.sandbox.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => decodeURIComponent(r.path))).toEqual([
      "/api/data/v9.2/accounts(accountnumber='D''AR/01 x')",
      "/api/data/v9.2/accounts(accountnumber='ACC-1001')",
    ]);
    // the key column stays out of the body
    expect(JSON.parse(patches[1]?.body ?? '')).toEqual({ name: 'Contoso Limited', revenue: 12.5 });
    const rows = dv.admin.rows('accounts');
    expect(rows.find((r) => r.accountnumber === "D'AR/01 x")).toMatchObject({
      name: "D'Arcy Ågren AB",
    });
    expect(rows.find((r) => r.accountnumber === 'ACC-1001')).toMatchObject({
      name: 'Contoso Limited',
      revenue: 12.5,
      address1_city: 'Seattle',
    });
    expect(rows).toHaveLength(25);
  });

  it('rejects the records Dataverse refuses, with its error message, and writes the rest', async () => {
    const dv = await startDataverseSandbox();
    const results = await write(configFor(dv), [
      { accountnumber: 'N-1', name: 'Fine' },
      { accountnumber: 'N-2', nickname: 'Unknown column' },
      { accountnumber: 'N-3', revenue: 'a lot' },
      { name: 'No account number' },
      { accountnumber: 'N-4', name: 'Also fine' },
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
    ]);
    expect(results[1]?.reason).toContain(
      "The property 'nickname' does not exist on type 'Microsoft.Dynamics.CRM.account'.",
    );
    expect(results[2]?.reason).toContain('Cannot convert the literal \'"a lot"\'');
    expect(results[3]?.reason).toContain('The key in the request URI is not valid');
    expect(
      dv.admin.rows('accounts').filter((r) => String(r.accountnumber).startsWith('N-')),
    ).toHaveLength(2);
  });
});
