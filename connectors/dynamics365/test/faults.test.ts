// Reads and writes against the Dataverse sandbox with service-protection 429s (Retry-After in
// seconds) and bursts of 503s switched on: nothing is lost, and records the sandbox refuses are
// reported with their reasons.
import { openConnector } from '@ferry/declarative';
import { collect, records } from '@ferry/declarative/testing';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { dataverseServiceProtection, startDataverseSandbox } from '@ferry/testkit';
import { describe, expect, it } from 'vitest';
import { configFor, inReadOrder, packageDir } from './support.ts';

const strip = (record: JsonObject) => {
  const { _deleted, ...rest } = record;
  return rest;
};

describe('dynamics365 under service protection limits and server errors', () => {
  it('reads every stream completely while 429s and 503 bursts come and go', async () => {
    const dv = await startDataverseSandbox();
    dv.sandbox.faults.set({
      rateLimit: dataverseServiceProtection('requests', { every: 8, retryAfter: 1 }),
      errors: { every: 11, burst: 2, status: 503 },
    });
    const connector = await openConnector(packageDir);
    const messages = await collect(connector.read(configFor(dv, { pageSize: 8 })));
    const of = (stream: string) => records(messages.filter((m) => m.stream === stream));
    expect(of('accounts')).toEqual(inReadOrder(dv.admin.rows('accounts'), 'accountid'));
    expect(of('contacts')).toEqual(inReadOrder(dv.admin.rows('contacts'), 'contactid'));
    const byId = (a: JsonObject, b: JsonObject) =>
      String(a.accountid).localeCompare(String(b.accountid));
    expect(of('accounts_changes').map(strip).sort(byId)).toEqual(
      dv.admin.rows('accounts').sort(byId),
    );
    expect(dv.sandbox.stats.rateLimited).toBeGreaterThanOrEqual(1);
    expect(dv.sandbox.stats.errors).toBe(2);
  });

  it('writes every accepted record and reports the refused ones with their reasons', async () => {
    const dv = await startDataverseSandbox();
    dv.sandbox.faults.set({
      rateLimit: dataverseServiceProtection('concurrency', { every: 8, retryAfter: 1 }),
      errors: { every: 11, burst: 2, status: 503 },
      rejects: (record) =>
        String((record as { name?: string }).name).endsWith('(blocked)')
          ? 'A validation plug-in refused this account: the name is on the block list.'
          : undefined,
    });
    const input: JsonObject[] = Array.from({ length: 10 }, (_, i) => ({
      accountnumber: `F-${i}`,
      name: i % 4 === 1 ? `Fault ${i} (blocked)` : `Fault ${i}`,
      telephone1: `+1-555-02${i}0`,
    }));
    input[6] = { accountnumber: 'F-6', name: 'Fault 6', fax: '+1-555-0000' };
    const connector = await openConnector(packageDir);
    const results: WriteResult[] = [];
    for await (const batch of connector.write(configFor(dv), 'accounts', [input]))
      results.push(...batch);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected.map((r) => r.index)).toEqual([1, 5, 6, 9]);
    expect(rejected[0]?.reason).toContain('the name is on the block list');
    expect(rejected[2]?.reason).toContain("The property 'fax' does not exist");
    const written = dv.admin
      .rows('accounts')
      .filter((r) => String(r.accountnumber).startsWith('F-'));
    const accepted = input.filter((_, i) => results[i]?.status === 'accepted');
    expect(
      written.map((r) => ({
        accountnumber: r.accountnumber,
        name: r.name,
        telephone1: r.telephone1,
      })),
    ).toEqual(accepted);
    expect(dv.sandbox.stats.rateLimited).toBeGreaterThanOrEqual(1);
    expect(dv.sandbox.stats.errors).toBe(2);
    expect(dv.sandbox.stats.rejected).toBe(3);
  });
});
