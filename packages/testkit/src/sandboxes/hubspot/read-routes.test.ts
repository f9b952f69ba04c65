import { describe, expect, it } from 'vitest';
import { hubspot } from './test-support.ts';

const CONTACTS = '/crm/v3/objects/contacts';

describe('HubSpot sandbox: list, get and batch read', () => {
  it('pages with limit and after (the next id), with no paging on the last page', async () => {
    const { call } = await hubspot({ counts: { contacts: 25 } });
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await call('GET', `${CONTACTS}?limit=10${after ? `&after=${after}` : ''}`);
      expect(page.status).toBe(200);
      ids.push(...page.json.results.map((r: { id: string }) => r.id));
      after = page.json.paging?.next.after;
      if (after) expect(page.json.paging.next.link).toContain(`after=${after}`);
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    expect(ids[0]).toBe('101');
    expect((await call('GET', `${CONTACTS}?limit=101`)).status).toBe(400);
  });

  it('returns the default properties, or those asked for (unknown ones ignored, unset ones null)', async () => {
    const { call } = await hubspot();
    const plain = await call('GET', `${CONTACTS}?limit=1`);
    const first = plain.json.results[0];
    expect(first).toEqual({
      id: '101',
      properties: {
        firstname: 'Zoë',
        lastname: 'Ångström',
        email: 'zoe.angstrom@example.se',
        hs_object_id: '101',
        createdate: first.createdAt,
        lastmodifieddate: first.updatedAt,
      },
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: expect.stringMatching(/^2024-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      archived: false,
    });
    const asked = await call('GET', `${CONTACTS}?limit=2&after=102&properties=phone,company,nope`);
    expect(asked.json.results[0].properties).toEqual({
      phone: null,
      company: '株式会社サンプル',
      hs_object_id: '102',
      createdate: expect.any(String),
      lastmodifieddate: expect.any(String),
    });
    const deal = await call('GET', '/crm/v3/objects/deals?limit=1');
    expect(Object.keys(deal.json.results[0].properties)).toContain('hs_lastmodifieddate');
  });

  it('seeds the same data for the same seed, with near-duplicates and unicode', async () => {
    const a = await hubspot({ seed: 7, counts: { contacts: 40 } });
    const b = await hubspot({ seed: 7, counts: { contacts: 40 } });
    const c = await hubspot({ seed: 8, counts: { contacts: 40 } });
    expect(b.sandbox.list('contacts')).toEqual(a.sandbox.list('contacts'));
    expect(c.sandbox.list('contacts')).not.toEqual(a.sandbox.list('contacts'));
    const emails = a.sandbox.list('contacts').map((o) => o.properties.email);
    expect(emails).toContain('ana.lopez@acme.example');
    expect(emails).toContain('Ana.Lopez@acme.example');
    expect(emails).toContain(null);
    const names = a.sandbox.list('companies').map((o) => o.properties.name);
    expect(names).toEqual(expect.arrayContaining(['ACME Inc.', 'Acme, Inc.', '株式会社サンプル']));
  });

  it('gets one object by id or by a unique idProperty, and answers 404 OBJECT_NOT_FOUND', async () => {
    const { call } = await hubspot();
    expect((await call('GET', `${CONTACTS}/103`)).json.properties.email).toBe(
      'ana.lopez@acme.example',
    );
    const byEmail = await call('GET', `${CONTACTS}/Ana.Lopez%40acme.example?idProperty=email`);
    expect(byEmail.json.id).toBe('104');
    const missing = await call('GET', `${CONTACTS}/999999`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect(missing.json.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    const wrongType = await call('GET', '/crm/v3/objects/widgets');
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.message).toBe('Unable to infer object type from: widgets');
  });

  it('lists archived objects only when asked', async () => {
    const { sandbox, call } = await hubspot({ counts: { products: 3 } });
    expect(sandbox.delete('products', '13002')).toBe(true);
    const live = await call('GET', '/crm/v3/objects/products');
    expect(live.json.results.map((r: { id: string }) => r.id)).toEqual(['13001', '13003']);
    const archived = await call('GET', '/crm/v3/objects/products?archived=true');
    expect(archived.json.results).toMatchObject([{ id: '13002', archived: true }]);
    expect((await call('GET', '/crm/v3/objects/products/13002')).status).toBe(404);
  });

  it('batch-reads ids, reporting the missing ones in a 207 with their ids', async () => {
    const { call } = await hubspot();
    const answer = await call('POST', `${CONTACTS}/batch/read`, {
      inputs: [{ id: '101' }, { id: '5' }, { id: '102' }],
      properties: ['email'],
    });
    expect(answer.status).toBe(207);
    expect(answer.json.results.map((r: { id: string }) => r.id)).toEqual(['101', '102']);
    expect(answer.json.errors).toEqual([
      expect.objectContaining({ category: 'OBJECT_NOT_FOUND', context: { ids: ['5'] } }),
    ]);
  });
});
