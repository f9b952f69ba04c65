// Writes against the Salesforce sandbox: upserts by External_Id__c in requests of 200, with a
// result per record (the Salesforce id, or the reason it was refused).
import { openConnector } from '@ferry/declarative';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { describe, expect, it } from 'vitest';
import { packageDir, startOrg } from './support.ts';

async function write(config: object, input: JsonObject[]): Promise<WriteResult[]> {
  const salesforce = await openConnector(packageDir);
  const results: WriteResult[] = [];
  for await (const batch of salesforce.write(config as JsonObject, 'accounts_upsert', [input]))
    results.push(...batch);
  return results;
}

const upserts = (sandbox: { requests: { method: string; body: string }[] }) =>
  sandbox.requests
    .filter((r) => r.method === 'PATCH')
    .map((r) => JSON.parse(r.body) as { allOrNone: boolean; records: JsonObject[] });

describe('@ferry/connector-salesforce writes', () => {
  it('creates and updates accounts by External_Id__c, 200 a request, with their ids', async () => {
    const { sandbox, config } = await startOrg();
    const input: JsonObject[] = Array.from({ length: 450 }, (_, i) => ({
      External_Id__c: i < 3 ? `ACC-${1000 + i}` : `BULK-${i}`,
      Name: `Bulk ${i} — Ünïcødé`,
      AnnualRevenue: i * 10,
    }));
    const results = await write(config, input);
    expect(upserts(sandbox).map((body) => body.records.length)).toEqual([200, 200, 50]);
    expect(upserts(sandbox)[0]?.allOrNone).toBe(false);
    expect(upserts(sandbox)[0]?.records[0]).toEqual({
      External_Id__c: 'ACC-1000',
      Name: 'Bulk 0 — Ünïcødé',
      AnnualRevenue: 0,
      attributes: { type: 'Account' },
    });
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    for (const [index, record] of input.entries()) {
      const [saved] = sandbox.admin.findBy(
        'Account',
        'External_Id__c',
        String(record.External_Id__c),
      );
      expect(saved).toMatchObject({ Name: record.Name, AnnualRevenue: record.AnnualRevenue });
      expect(results[index]).toEqual({ index, status: 'accepted', id: saved?.Id });
    }
    expect(sandbox.admin.list('Account')).toHaveLength(24 + 447);
  });

  it('leaves system fields out, so records read from Salesforce can be written back', async () => {
    const { sandbox, config } = await startOrg();
    const [account] = sandbox.admin.list('Account');
    const results = await write(config, [
      { ...account, attributes: { type: 'Contact' }, Name: 'Copied' },
    ]);
    expect(results).toEqual([{ index: 0, status: 'accepted', id: account?.Id }]);
    const sent = upserts(sandbox)[0]?.records[0] ?? {};
    expect(Object.keys(sent)).not.toContain('SystemModstamp');
    expect(sent.attributes).toEqual({ type: 'Account' });
    expect(sandbox.admin.get('Account', String(account?.Id))?.Name).toBe('Copied');
  });

  it('reports the records Salesforce refuses with every error, and writes the others', async () => {
    const { sandbox, config } = await startOrg();
    const results = await write(config, [
      { External_Id__c: 'W-1', Name: 'Fine' },
      { External_Id__c: 'W-2' },
      { External_Id__c: 'W-3', Name: 'Negative', AnnualRevenue: -5 },
      {
        External_Id__c: 'W-4',
        Name: 'x',
        Rating__c: 'Hot',
        SystemModstamp: '2024-01-01T00:00:00Z',
      },
    ]);
    expect(results).toEqual([
      { index: 0, status: 'accepted', id: expect.stringMatching(/^001\w{15}$/) },
      {
        index: 1,
        status: 'rejected',
        reason: 'REQUIRED_FIELD_MISSING: Required fields are missing: [Name] (Name)',
      },
      {
        index: 2,
        status: 'rejected',
        reason: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Annual Revenue cannot be negative',
      },
      {
        index: 3,
        status: 'rejected',
        reason: "INVALID_FIELD: No such column 'Rating__c' on sobject of type Account",
      },
    ]);
    expect(sandbox.admin.findBy('Account', 'External_Id__c', 'W-1')).toHaveLength(1);
    expect(sandbox.admin.findBy('Account', 'External_Id__c', 'W-2')).toEqual([]);
  });

  it('rejects a batch Salesforce refuses whole, with its error array in the reason', async () => {
    const { sandbox, config } = await startOrg();
    const results = await write(config, [
      { External_Id__c: 'T-1', Name: 'ok' },
      { External_Id__c: 'T-2', Name: 'bad', NumberOfEmployees: 'lots' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results[0]?.reason).toContain(
      'Salesforce refused the request: JSON_PARSER_ERROR: Cannot deserialize',
    );
    // an exhausted daily limit concerns every batch: the write fails (action: abort) instead
    // of dead-lettering each record
    sandbox.admin.setApiLimit({ remaining: 0 });
    await expect(write(config, [{ External_Id__c: 'T-3', Name: 'ok' }])).rejects.toThrow(
      'the org has used up its API request limit',
    );
    expect(sandbox.admin.findBy('Account', 'External_Id__c', 'T-1')).toEqual([]);
  });
});
