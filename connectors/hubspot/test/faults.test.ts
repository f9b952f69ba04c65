// Reads and writes through HubSpot's limits and failures: the sandbox enforces a small per-token
// window (announced in X-HubSpot-RateLimit-* headers) and its 5-a-second search limit, and
// injects 429s (Retry-After 1 s) and bursts of 502s. Nothing may be lost, and the records the
// sandbox refuses come back rejected with HubSpot's reason.
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';
import { collect, records } from '@ferry/declarative/testing';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { startHubspotSandbox } from '@ferry/testkit';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('@ferry/connector-hubspot under rate limits and server errors', () => {
  it('reads every contact and deal once while 429s and 502 bursts are on', async () => {
    const sandbox = await startHubspotSandbox({
      counts: { contacts: 650, deals: 450 },
      limits: { searchPerSecond: 4 },
    });
    sandbox.faults.set({
      rateLimit: { every: 5, retryAfter: 1 },
      errors: { every: 7, burst: 2, status: 502 },
    });
    const connector = await openConnector(packageDir);
    const config = { token: sandbox.token, baseUrl: sandbox.url };
    const messages = await collect(connector.read(config, { streams: ['contacts', 'deals'] }));
    const ids = (stream: string) =>
      records(messages.filter((m) => m.stream === stream)).map((r) => r.id as string);
    const contacts = sandbox.list('contacts').filter((c) => c.properties.email);
    expect(ids('contacts').sort()).toEqual(contacts.map((c) => c.id).sort());
    expect(ids('deals').sort()).toEqual(
      sandbox
        .list('deals')
        .map((d) => d.id)
        .sort(),
    );
    expect(sandbox.stats.rateLimited).toBeGreaterThan(0);
    expect(sandbox.stats.errors).toBeGreaterThan(0);
  });

  it('writes through the announced window and faults, reporting the refused records', async () => {
    const sandbox = await startHubspotSandbox({
      counts: { contacts: 0 },
      // two writes a second: the third batch must wait for the window the headers announce
      limits: { max: 2, intervalMs: 1000 },
    });
    sandbox.faults.set({
      rejects: (input) =>
        String((input as { id?: unknown }).id).endsWith('@blocked.example')
          ? 'This email domain is blocked'
          : undefined,
    });
    const connector = await openConnector(packageDir);
    const config = { token: sandbox.token, baseUrl: sandbox.url };
    const people = (from: number, to: number): JsonObject[] =>
      Array.from({ length: to - from }, (_, i) => ({
        email: (from + i) % 50 === 7 ? `p${from + i}@blocked.example` : `p${from + i}@example.com`,
        firstname: `Person ${from + i}`,
        credit_limit: (from + i) * 10,
      }));
    const write = async (input: JsonObject[]) => {
      const results: WriteResult[] = [];
      for await (const batch of connector.write(config, 'contacts', [input]))
        results.push(...batch);
      return results;
    };
    const first = people(0, 250);
    first.push({ email: 'p3@example.com', firstname: 'Person 3, again', colour: 'red' });
    const results = await write(first);
    // the client waited for the window the headers announced instead of running into it
    expect(sandbox.limitHits.TEN_SECONDLY_ROLLING).toBe(0);

    sandbox.faults.set({
      rateLimit: { every: 3, retryAfter: 1 },
      errors: { next: 2, status: 502 },
    });
    const second = people(250, 400);
    results.push(...(await write(second)).map((r) => ({ ...r, index: r.index + first.length })));
    expect(sandbox.stats).toMatchObject({ rateLimited: 1, errors: 2 });

    const input = [...first, ...second];
    expect(results).toHaveLength(input.length);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected.map((r) => r.index)).toEqual([7, 57, 107, 157, 207, 250, 258, 308, 358]);
    expect(rejected[0]?.reason).toBe('VALIDATION_ERROR: This email domain is blocked');
    expect(rejected[5]?.reason).toContain('PROPERTY_DOESNT_EXIST');
    const stored = new Map(sandbox.list('contacts').map((c) => [c.properties.email, c]));
    expect(stored.size).toBe(392);
    for (const result of results.filter((r) => r.status === 'accepted')) {
      const record = input[result.index] as JsonObject;
      expect(stored.get(record.email as string)).toMatchObject({
        id: result.id,
        properties: { firstname: record.firstname, credit_limit: String(record.credit_limit) },
      });
    }
  });
});
