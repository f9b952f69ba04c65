// HubSpot refuses to page a search beyond 10,000 results. A read of more than 10,000 changed
// contacts starts the search again from the last cursor (`pagination.restart`) and must deliver
// every contact exactly once, ties on the boundary cursor included.
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';
import { collect, records } from '@ferry/declarative/testing';
import { startHubspotSandbox } from '@ferry/testkit';
import { expect, it } from 'vitest';

it('reads 10,500 contacts, more than one search may return, each exactly once in one read', async () => {
  let now = Date.parse('2025-01-15T00:00:00.000Z');
  const sandbox = await startHubspotSandbox({
    limits: false,
    counts: { contacts: 10_500 },
    now: () => new Date(now),
  });
  // 600 contacts changed in the same millisecond: the last 600 of the sort order, so the 10,000
  // cap falls inside a group that shares one cursor value
  for (const contact of sandbox.list('contacts').slice(-600))
    sandbox.update('contacts', contact.id, { jobtitle: 'Buyer' });
  now += 1;
  const connector = await openConnector(fileURLToPath(new URL('..', import.meta.url)));
  const read = records(
    await collect(
      connector.read({ token: sandbox.token, baseUrl: sandbox.url }, { streams: ['contacts'] }),
    ),
  );
  const expected = sandbox.list('contacts').filter((c) => c.properties.email);
  expect(expected).toHaveLength(10_499);
  const ids = read.map((r) => r.id as string);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(expected.map((c) => c.id).sort());
  const searches = sandbox.requests.map((r) => JSON.parse(r.body) as { after?: string });
  expect(searches.filter((s) => s.after === undefined)).toHaveLength(2); // one restart
  expect(Math.max(...searches.map((s) => Number(s.after ?? 0)))).toBe(9800);
  expect(sandbox.stats.served).toBe(searches.length);
});
