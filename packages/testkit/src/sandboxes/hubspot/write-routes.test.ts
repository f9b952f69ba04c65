import { describe, expect, it } from 'vitest';
import { hubspot, manualClock } from './test-support.ts';

const CONTACTS = '/crm/v3/objects/contacts';
const byId = (results: { id: string }[]) =>
  [...results].sort((a, b) => Number(a.id) - Number(b.id));

describe('HubSpot sandbox: batch writes', () => {
  it('upserts by email: updates the existing contact, creates the new one, bumps the dates', async () => {
    const clock = manualClock();
    const { sandbox, call } = await hubspot({ counts: { contacts: 3 }, now: clock.now });
    clock.advance(1500);
    const answer = await call('POST', `${CONTACTS}/batch/upsert`, {
      inputs: [
        { idProperty: 'email', id: 'zoe.angstrom@example.se', properties: { credit_limit: 5000 } },
        { idProperty: 'email', id: 'new@example.com', properties: { firstname: 'Nova' } },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'COMPLETE',
      startedAt: '2025-03-01T12:00:01.500Z',
    });
    const [updated, created] = byId(answer.json.results);
    expect(updated).toMatchObject({
      id: '101',
      new: false,
      // the idProperty is echoed, so clients can match results by it
      properties: {
        email: 'zoe.angstrom@example.se',
        credit_limit: '5000',
        lastmodifieddate: '2025-03-01T12:00:01.500Z',
      },
      updatedAt: '2025-03-01T12:00:01.500Z',
    });
    expect(created).toMatchObject({
      id: '104',
      new: true,
      properties: { email: 'new@example.com', firstname: 'Nova', hs_object_id: '104' },
      createdAt: '2025-03-01T12:00:01.500Z',
    });
    expect(sandbox.get('contacts', '101')?.properties.firstname).toBe('Zoë');
  });

  it('reports invalid inputs in a 207 errors[] keyed by the input id, and writes the others', async () => {
    const { sandbox, call } = await hubspot({
      counts: { products: 4 },
      faults: {
        rejects: (input) =>
          (input as { id?: string }).id === 'BLOCKED-1' ? 'blocked by a test' : undefined,
      },
    });
    const answer = await call('POST', '/crm/v3/objects/products/batch/upsert', {
      inputs: [
        { idProperty: 'hs_sku', id: 'WID-001', properties: { stock_quantity: '7' } },
        { idProperty: 'hs_sku', id: 'NEW-1', properties: { name: 'New', colour: 'red' } },
        { idProperty: 'hs_sku', id: 'NEW-2', properties: { price: 'cheap' } },
        { idProperty: 'hs_sku', id: 'NEW-3', properties: { hs_object_id: '1' } },
        { idProperty: 'name', id: 'Widget', properties: { price: '1' } },
        { idProperty: 'hs_sku', id: 'BLOCKED-1', properties: { name: 'x' } },
      ],
    });
    expect(answer.status).toBe(207);
    expect(answer.json.numErrors).toBe(5);
    expect(answer.json.results.map((r: { id: string }) => r.id)).toEqual(['13001']);
    const errors = Object.fromEntries(
      answer.json.errors.map((e: { context: { ids: string[] } }) => [e.context.ids[0], e]),
    );
    expect(errors['NEW-1']).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      context: { ids: ['NEW-1'], propertyName: ['colour'] },
    });
    expect(errors['NEW-1'].message).toBe(
      'Property values were not valid: [{"isValid":false,"message":"Property \\"colour\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"colour"}]',
    );
    expect(errors['NEW-2'].message).toContain('INVALID_FLOAT');
    expect(errors['NEW-3'].message).toContain('READ_ONLY_VALUE');
    expect(errors.Widget.message).toContain('not a unique property');
    expect(errors['BLOCKED-1']).toMatchObject({ message: 'blocked by a test' });
    expect(sandbox.findBy('products', 'hs_sku', 'WID-001')?.properties.stock_quantity).toBe('7');
    expect(sandbox.list('products')).toHaveLength(4);
  });

  it('answers CONFLICT for a create with an email another contact has (case kept apart)', async () => {
    const { call } = await hubspot({ counts: { contacts: 4 } });
    const answer = await call('POST', `${CONTACTS}/batch/create`, {
      inputs: [
        { properties: { email: 'ana.lopez@acme.example' }, objectWriteTraceId: 't-1' },
        { properties: { email: 'ANA.LOPEZ@acme.example' }, objectWriteTraceId: 't-2' },
      ],
    });
    expect(answer.status).toBe(207);
    expect(answer.json.errors).toEqual([
      {
        status: 'error',
        category: 'CONFLICT',
        message: 'Contact already exists. Existing ID: 103',
        context: { objectWriteTraceId: ['t-1'], existingId: ['103'] },
      },
    ]);
    expect(answer.json.results).toMatchObject([{ objectWriteTraceId: 't-2' }]);
    const clean = await call('POST', `${CONTACTS}/batch/create`, {
      inputs: [{ properties: { email: 'x@example.com' } }],
    });
    expect(clean.status).toBe(201);
  });

  it('updates by id, with OBJECT_NOT_FOUND for unknown ids', async () => {
    const { call } = await hubspot();
    const answer = await call('POST', '/crm/v3/objects/deals/batch/update', {
      inputs: [
        { id: '9001', properties: { erp_order_status: 'shipped', dealstage: 'closedwon' } },
        { id: '1', properties: { erp_order_status: 'shipped' } },
        { id: '9002', properties: { dealstage: 'won' } },
      ],
    });
    expect(answer.status).toBe(207);
    expect(answer.json.results).toMatchObject([
      { id: '9001', properties: { erp_order_status: 'shipped' } },
    ]);
    expect(answer.json.errors).toMatchObject([
      { category: 'OBJECT_NOT_FOUND', context: { ids: ['1'] } },
      { category: 'VALIDATION_ERROR', context: { ids: ['9002'] } },
    ]);
    expect(answer.json.errors[1].message).toContain('INVALID_OPTION');
  });

  it('refuses whole batches of more than 100 inputs, or with the same id twice', async () => {
    const { sandbox, call } = await hubspot({ counts: { contacts: 0 } });
    const inputs = Array.from({ length: 101 }, (_, i) => ({
      idProperty: 'email',
      id: `p${i}@example.com`,
      properties: {},
    }));
    const tooMany = await call('POST', `${CONTACTS}/batch/upsert`, { inputs });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.category).toBe('VALIDATION_ERROR');
    const twice = await call('POST', `${CONTACTS}/batch/upsert`, {
      inputs: [inputs[0], inputs[0]],
    });
    expect(twice.status).toBe(400);
    expect(twice.json.message).toContain('Duplicate IDs');
    expect(sandbox.list('contacts')).toHaveLength(0);
  });

  it('returns results in an order unrelated to the inputs, so clients must match by key', async () => {
    const { call } = await hubspot({ counts: { contacts: 0 } });
    const emails = Array.from({ length: 20 }, (_, i) => `p${i}@example.com`);
    const answer = await call('POST', `${CONTACTS}/batch/upsert`, {
      inputs: emails.map((id) => ({ idProperty: 'email', id, properties: {} })),
    });
    const echoed = answer.json.results.map(
      (r: { properties: { email: string } }) => r.properties.email,
    );
    expect(echoed).not.toEqual(emails);
    expect([...echoed].sort()).toEqual([...emails].sort());
  });

  it('archives objects with 204, freeing their unique values', async () => {
    const { sandbox, call } = await hubspot({ counts: { products: 2 } });
    const gone = await call('POST', '/crm/v3/objects/products/batch/archive', {
      inputs: [{ id: '13001' }],
    });
    expect(gone.status).toBe(204);
    expect(sandbox.findBy('products', 'hs_sku', 'WID-001')).toBeUndefined();
    expect(sandbox.create('products', { hs_sku: 'WID-001' }).id).toBe('13003');
  });
});
