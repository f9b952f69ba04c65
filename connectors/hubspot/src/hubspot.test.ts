// The connector against the HubSpot sandbox: what it reads and writes, compared with the
// sandbox's own data.
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';
import { collect, records, states } from '@ferry/declarative/testing';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { startHubspotSandbox } from '@ferry/testkit';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

async function setup(options: Parameters<typeof startHubspotSandbox>[0] = {}) {
  const sandbox = await startHubspotSandbox({ limits: false, ...options });
  const connector = await openConnector(packageDir);
  const config = { token: sandbox.token, baseUrl: sandbox.url };
  return { sandbox, connector, config };
}

async function write(
  connector: Awaited<ReturnType<typeof openConnector>>,
  config: JsonObject,
  stream: string,
  input: JsonObject[],
): Promise<WriteResult[]> {
  const results: WriteResult[] = [];
  for await (const batch of connector.write(config, stream, [input])) results.push(...batch);
  return results;
}

describe('@ferry/connector-hubspot against the HubSpot sandbox', () => {
  it('reads every stream flat, keyed and in modification order', async () => {
    const { sandbox, connector, config } = await setup();
    const messages = await collect(connector.read(config));
    const of = (stream: string) => records(messages.filter((m) => m.stream === stream));
    const contacts = of('contacts');
    // contacts without an email cannot be keyed: the search leaves them out
    const withEmail = sandbox.list('contacts').filter((c) => c.properties.email);
    expect(contacts.map((c) => c.id).sort()).toEqual(withEmail.map((c) => c.id).sort());
    const zoe = contacts.find((c) => c.id === '101');
    expect(zoe).toEqual({
      id: '101',
      email: 'zoe.angstrom@example.se',
      firstname: 'Zoë',
      lastname: 'Ångström',
      phone: '+46 8 123 45 67',
      company: 'Ångström Optik AB',
      jobtitle: null,
      address: null,
      city: null,
      zip: null,
      state: null,
      country: 'Sweden',
      lifecyclestage: 'customer',
      credit_limit: null,
      erp_customer_id: null,
      createdate: '2024-01-01T00:00:00.000Z',
      lastmodifieddate: zoe?.updatedAt,
      hs_object_id: '101',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: expect.any(String),
      archived: false,
      properties: {},
    });
    const dates = contacts.map((c) => c.lastmodifieddate as string);
    expect(dates).toEqual([...dates].sort());
    expect(of('companies')).toHaveLength(sandbox.list('companies').length);
    expect(of('deals')).toHaveLength(sandbox.list('deals').length);
    const skus = sandbox.list('products').filter((p) => p.properties.hs_sku);
    expect(of('products').map((p) => p.hs_sku)).toHaveLength(skus.length);
    expect(states(messages.filter((m) => m.stream === 'deals')).at(-1)).toEqual({
      cursor: [...sandbox.list('deals').map((d) => d.updatedAt)].sort().at(-1),
      keys: expect.any(Array),
    });
  });

  it('resumes from the state with only the objects changed since, and extra properties', async () => {
    let now = Date.parse('2025-02-01T00:00:00.000Z');
    const { sandbox, connector, config } = await setup({ now: () => new Date(now) });
    const first = await collect(connector.read(config, { streams: ['deals'] }));
    const saved = states(first).at(-1) as JsonObject;
    now += 60_000;
    sandbox.update('deals', '9003', { erp_order_status: 'confirmed' });
    const again = await collect(
      connector.read(
        { ...config, properties: { deals: ['description_missing', 'pipeline'] } },
        { streams: ['deals'], state: { deals: saved } },
      ),
    );
    expect(records(again)).toMatchObject([
      {
        id: '9003',
        erp_order_status: 'confirmed',
        hs_lastmodifieddate: '2025-02-01T00:01:00.000Z',
      },
    ]);
    expect(states(again).at(-1)).toEqual({
      cursor: '2025-02-01T00:01:00.000Z',
      keys: ['["9003"]'],
    });
  });

  it('upserts contacts by email and products by SKU, reporting rejected records with their reason', async () => {
    const { sandbox, connector, config } = await setup({ counts: { contacts: 3, products: 2 } });
    const contacts = await write(connector, config, 'contacts', [
      { email: 'zoe.angstrom@example.se', credit_limit: 2500, erp_customer_id: 'C-1' },
      { email: 'new.person@example.com', firstname: 'New', lastname: null },
      { email: 'bad@example.com', shoe_size: 44 },
    ]);
    expect(contacts).toEqual([
      { index: 0, status: 'accepted', id: '101' },
      { index: 1, status: 'accepted', id: '104' },
      {
        index: 2,
        status: 'rejected',
        reason: expect.stringMatching(/^VALIDATION_ERROR: .*PROPERTY_DOESNT_EXIST.*shoe_size/),
      },
    ]);
    expect(sandbox.get('contacts', '101')?.properties).toMatchObject({
      credit_limit: '2500',
      erp_customer_id: 'C-1',
    });
    expect(sandbox.get('contacts', '104')?.properties.lastname).toBeUndefined();
    const products = await write(connector, config, 'products', [
      { hs_sku: 'WID-001', stock_quantity: 3 },
      { hs_sku: 'NEW-9', name: 'New thing', price: '9.50' },
    ]);
    expect(products.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(sandbox.findBy('products', 'hs_sku', 'NEW-9')?.properties.price).toBe('9.50');
  });

  it('updates deals by id, rejecting unknown ids and invalid stages', async () => {
    const { sandbox, connector, config } = await setup();
    const results = await write(connector, config, 'deals', [
      { id: '9001', erp_order_id: 'SO-1', erp_order_status: 'shipped' },
      { id: '1', erp_order_status: 'shipped' },
      { id: '9002', dealstage: 'won' },
    ]);
    expect(results).toEqual([
      { index: 0, status: 'accepted', id: '9001' },
      { index: 1, status: 'rejected', reason: expect.stringContaining('OBJECT_NOT_FOUND') },
      { index: 2, status: 'rejected', reason: expect.stringContaining('INVALID_OPTION') },
    ]);
    expect(sandbox.get('deals', '9001')?.properties.erp_order_status).toBe('shipped');
  });

  it('fails the check for a bad token without showing it', async () => {
    const { connector, config } = await setup();
    expect(await connector.check(config)).toEqual({ ok: true });
    const bad = await connector.check({ ...config, token: 'pat-na1-stolen-secret' });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('401') });
    expect(JSON.stringify(bad)).not.toContain('pat-na1-stolen-secret');
  });
});
