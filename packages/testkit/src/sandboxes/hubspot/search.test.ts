import { describe, expect, it } from 'vitest';
import { hubspot, manualClock } from './test-support.ts';

const SEARCH = '/crm/v3/objects/contacts/search';
const ids = (answer: { json: { results: { id: string }[] } }) =>
  answer.json.results.map((r) => r.id);
const where = (propertyName: string, operator: string, rest: Record<string, unknown> = {}) => ({
  filterGroups: [{ filters: [{ propertyName, operator, ...rest }] }],
  limit: 200,
});

describe('HubSpot sandbox: search', () => {
  it('filters with each operator', async () => {
    const { sandbox, call } = await hubspot({ counts: { contacts: 8 } });
    const all = sandbox.list('contacts');
    const some = async (body: unknown) => ids(await call('POST', SEARCH, body));
    // text comparisons ignore case
    expect(await some(where('email', 'EQ', { value: 'ANA.LOPEZ@acme.example' }))).toEqual([
      '103',
      '104',
    ]);
    expect(await some(where('country', 'NEQ', { value: 'Spain' }))).not.toContain('103');
    expect(await some(where('email', 'NOT_HAS_PROPERTY'))).toEqual(['106']);
    expect(await some(where('phone', 'HAS_PROPERTY'))).toEqual(['101']);
    expect(await some(where('firstname', 'IN', { values: ['zoë', 'søren'] }))).toEqual([
      '101',
      '107',
    ]);
    expect((await some(where('firstname', 'NOT_IN', { values: ['Ana'] }))).length).toBe(6);
    expect(await some(where('credit_limit', 'GT', { value: '0' }))).toEqual(['107']);
    expect(await some(where('credit_limit', 'GTE', { value: '0' }))).toEqual(['107', '108']);
    expect(await some(where('credit_limit', 'LT', { value: '1' }))).toEqual(['108']);
    expect(await some(where('credit_limit', 'LTE', { value: '25000' }))).toEqual(['107', '108']);
    expect(await some(where('company', 'CONTAINS_TOKEN', { value: 'optik' }))).toEqual(['101']);
    const third = Date.parse((all[2] as { updatedAt: string }).updatedAt);
    const after = await some({
      ...where('lastmodifieddate', 'GTE', { value: String(third) }),
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
    });
    expect(after).toEqual(
      all
        .filter((o) => Date.parse(o.updatedAt) >= third)
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || Number(a.id) - Number(b.id))
        .map((o) => o.id),
    );
    // groups are ORed, filters in a group ANDed
    const either = await some({
      filterGroups: [
        { filters: [{ propertyName: 'country', operator: 'EQ', value: 'Japan' }] },
        {
          filters: [
            { propertyName: 'country', operator: 'EQ', value: 'Spain' },
            { propertyName: 'jobtitle', operator: 'HAS_PROPERTY' },
          ],
        },
      ],
    });
    expect(either).toEqual(['102', '103']);
  });

  it('sorts on one property either way and pages with an offset `after`, with the total', async () => {
    const { sandbox, call } = await hubspot({ counts: { contacts: 45 } });
    const sorts = [{ propertyName: 'lastmodifieddate', direction: 'DESCENDING' }];
    const first = await call('POST', SEARCH, { sorts, limit: 20 });
    expect(first.json.total).toBe(45);
    expect(first.json.paging).toEqual({ next: { after: '20' } });
    const last = await call('POST', SEARCH, { sorts, limit: 20, after: '40' });
    expect(last.json.paging).toBeUndefined();
    expect(ids(last)).toHaveLength(5);
    const dates = sandbox.list('contacts').map((o) => o.updatedAt);
    expect(first.json.results[0].updatedAt).toBe([...dates].sort().at(-1));
    const byDefault = await call('POST', SEARCH, { limit: 3 });
    expect(ids(byDefault)).toEqual(['101', '102', '103']); // oldest created first
    const twoSorts = await call('POST', SEARCH, { sorts: ['email', 'firstname'] });
    expect(twoSorts.status).toBe(400);
  });

  it('refuses to page beyond 10,000 results with a 400, as HubSpot does', async () => {
    const { call } = await hubspot({ counts: { contacts: 10_050 } });
    const body = {
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      limit: 200,
    };
    const lastAllowed = await call('POST', SEARCH, { ...body, after: '9800' });
    expect(lastAllowed.status).toBe(200);
    expect(lastAllowed.json.total).toBe(10_050);
    expect(lastAllowed.json.paging.next.after).toBe('10000');
    const beyond = await call('POST', SEARCH, { ...body, after: '10000' });
    expect(beyond.status).toBe(400);
    expect(beyond.json).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(beyond.json.message).toContain('10,000');
    expect((await call('POST', SEARCH, { ...body, after: '9900' })).status).toBe(400);
  });

  it('validates limit, filters and datetime values (epoch milliseconds)', async () => {
    const { call } = await hubspot();
    expect((await call('POST', SEARCH, { limit: 201 })).status).toBe(400);
    const iso = await call(
      'POST',
      SEARCH,
      where('lastmodifieddate', 'GTE', { value: '2024-01-01T00:00:00Z' }),
    );
    expect(iso.status).toBe(400);
    expect(iso.json.message).toContain('epoch milliseconds');
    const seven = Array.from({ length: 7 }, () => ({
      propertyName: 'email',
      operator: 'HAS_PROPERTY',
    }));
    expect((await call('POST', SEARCH, { filterGroups: [{ filters: seven }] })).status).toBe(400);
    expect((await call('POST', SEARCH, where('nope', 'EQ', { value: 'x' }))).status).toBe(400);
  });

  it('never finds archived objects, nor objects changed within the index lag', async () => {
    const clock = manualClock();
    const { sandbox, call } = await hubspot({
      counts: { contacts: 3 },
      now: clock.now,
      indexLagMs: 2000,
    });
    sandbox.delete('contacts', '101');
    const fresh = sandbox.create('contacts', { email: 'fresh@example.com' });
    expect(ids(await call('POST', SEARCH, {}))).toEqual(['102', '103']);
    clock.advance(2000);
    expect(ids(await call('POST', SEARCH, {}))).toEqual(['102', '103', fresh.id]);
  });

  it('allows 5 searches a second per token, answering 429 without rate-limit headers', async () => {
    const { sandbox, call } = await hubspot({ limits: {} });
    // sent together, so that they fall in one second however slow the machine
    const answers = await Promise.all(
      Array.from({ length: 7 }, () => call('POST', SEARCH, { limit: 1 })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 429, 429]);
    for (const answer of answers)
      expect(answer.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
    expect(answers.find((a) => a.status === 429)?.json).toMatchObject({
      errorType: 'RATE_LIMIT',
      policyName: 'SECONDLY',
    });
    expect(sandbox.limitHits.SECONDLY).toBe(2);
  });
});
