// Reads and writes through the failures a Salesforce org and the network in front of it give:
// 429s with Retry-After, bursts of 503s, and records the org refuses. Nothing may be lost or
// read twice, and every refusal must come back with its reason.
import { openConnector } from '@ferry/declarative';
import { collect, records } from '@ferry/declarative/testing';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { describe, expect, it } from 'vitest';
import { byId, packageDir, startOrg, stored } from './support.ts';

describe('@ferry/connector-salesforce under faults', () => {
  it('reads every record once through 429s and 503 bursts', async () => {
    const { sandbox, config } = await startOrg({ seed: { accounts: 40, contacts: 35 } });
    sandbox.faults.set({
      rateLimit: { every: 4, retryAfter: 0 },
      errors: { every: 7, burst: 2, status: 503, headers: { 'retry-after': '0' } },
    });
    const salesforce = await openConnector(packageDir);
    const messages = await collect(salesforce.read(config, { streams: ['accounts', 'contacts'] }));
    const accounts = records(messages.filter((m) => m.stream === 'accounts'));
    const contacts = records(messages.filter((m) => m.stream === 'contacts'));
    expect(byId(accounts)).toEqual(stored(sandbox, 'Account', accounts));
    expect(byId(contacts)).toEqual(stored(sandbox, 'Contact', contacts));
    expect(accounts).toHaveLength(40);
    expect(contacts).toHaveLength(35);
    expect(sandbox.stats.rateLimited).toBeGreaterThan(0);
    expect(sandbox.stats.errors).toBeGreaterThan(1);
  });

  it('writes through 429s (Retry-After 1 s) and 503s, and reports each refused record', async () => {
    const { sandbox, config } = await startOrg({
      faults: {
        rejects: (record) =>
          String((record as JsonObject).Name).startsWith('Blocked')
            ? 'Accounts named Blocked need an approval'
            : undefined,
      },
    });
    sandbox.faults.set({
      rateLimit: { every: 3, retryAfter: 1 },
      errors: { every: 2, status: 503, headers: { 'retry-after': '0' } },
    });
    const input: JsonObject[] = Array.from({ length: 420 }, (_, i) => ({
      External_Id__c: `F-${i}`,
      ...(i % 100 === 7 ? {} : { Name: i % 50 === 3 ? `Blocked ${i}` : `Account ${i}` }),
      NumberOfEmployees: i,
    }));
    const salesforce = await openConnector(packageDir);
    const results: WriteResult[] = [];
    for await (const batch of salesforce.write(config, 'accounts_upsert', [input]))
      results.push(...batch);

    expect(results).toHaveLength(420);
    for (const [index, record] of input.entries()) {
      const saved = sandbox.admin.findBy(
        'Account',
        'External_Id__c',
        String(record.External_Id__c),
      );
      const result = results[index];
      if (index % 100 === 7) {
        expect(result).toEqual({
          index,
          status: 'rejected',
          reason: 'REQUIRED_FIELD_MISSING: Required fields are missing: [Name] (Name)',
        });
        expect(saved).toEqual([]);
      } else if (index % 50 === 3) {
        expect(result).toEqual({
          index,
          status: 'rejected',
          reason: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Accounts named Blocked need an approval',
        });
        expect(saved).toEqual([]);
      } else {
        expect(saved).toHaveLength(1);
        expect(saved[0]).toMatchObject({ Name: record.Name, NumberOfEmployees: index });
        expect(result).toEqual({ index, status: 'accepted', id: saved[0]?.Id });
      }
    }
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5 + 9);
    expect(sandbox.stats.rateLimited).toBeGreaterThan(0);
    expect(sandbox.stats.errors).toBeGreaterThan(0);
  });
});
