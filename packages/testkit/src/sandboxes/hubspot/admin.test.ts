import { describe, expect, it } from 'vitest';
import { hubspot, manualClock } from './test-support.ts';

describe('HubSpot sandbox: admin API', () => {
  it('creates, updates (bumping the modification date), finds and archives objects', async () => {
    const clock = manualClock();
    const { sandbox, call } = await hubspot({ counts: { deals: 0 }, now: clock.now });
    const deal = sandbox.create('deals', {
      dealname: 'Big one',
      amount: 1200,
      dealstage: 'closedwon',
    });
    expect(deal.properties).toMatchObject({
      amount: '1200',
      hs_lastmodifieddate: '2025-03-01T12:00:00.000Z',
      hs_object_id: deal.id,
    });
    clock.advance(5000);
    const changed = sandbox.update('deals', deal.id, { erp_order_id: 'SO-9' });
    expect(changed.updatedAt).toBe('2025-03-01T12:00:05.000Z');
    expect(changed.properties.hs_lastmodifieddate).toBe('2025-03-01T12:00:05.000Z');
    expect(sandbox.findBy('deals', 'erp_order_id', 'SO-9')?.id).toBe(deal.id);
    const seen = await call('GET', `/crm/v3/objects/deals/${deal.id}?properties=erp_order_id`);
    expect(seen.json.properties.erp_order_id).toBe('SO-9');
    expect(sandbox.delete('deals', deal.id)).toBe(true);
    expect(sandbox.list('deals')).toEqual([]);
    expect(sandbox.list('deals', { archived: true })).toHaveLength(1);
  });

  it('validates as the API does, with FERRY_SANDBOX_HUBSPOT_INVALID', async () => {
    const { sandbox } = await hubspot();
    expect(() => sandbox.create('contacts', { shoe_size: '44' })).toThrow(
      expect.objectContaining({ code: 'FERRY_SANDBOX_HUBSPOT_INVALID' }),
    );
    expect(() => sandbox.create('contacts', { email: 'zoe.angstrom@example.se' })).toThrow(
      /already used by 101/,
    );
    expect(() => sandbox.update('contacts', '101', { lastmodifieddate: '1' })).toThrow(
      /READ_ONLY_VALUE/,
    );
  });

  it('accepts declared custom properties, in options or later, unique ones as idProperty', async () => {
    const { sandbox, call } = await hubspot({
      counts: { companies: 1 },
      properties: { companies: [{ name: 'vip', type: 'bool' }] },
    });
    sandbox.declareProperty('companies', { name: 'erp_company_id', type: 'string', unique: true });
    const answer = await call('POST', '/crm/v3/objects/companies/batch/upsert', {
      inputs: [
        { idProperty: 'erp_company_id', id: 'E-1', properties: { vip: 'true', name: 'Acme' } },
      ],
    });
    expect(answer.status).toBe(200);
    expect(sandbox.findBy('companies', 'erp_company_id', 'E-1')?.properties.vip).toBe('true');
  });
});
