import type { Connector } from '@ferry/declarative';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { describe, expect, it } from 'vitest';
import { configFor, startOdoo } from '../test/odoo.ts';

async function write(
  connector: Connector,
  config: JsonObject,
  stream: string,
  batch: JsonObject[],
) {
  const results: WriteResult[] = [];
  for await (const part of connector.write(config, stream, [batch])) results.push(...part);
  return results;
}

describe('@ferry/connector-odoo writes against the Odoo sandbox', () => {
  it('writes a partner without a ref on its id (a two-way sync updating a record it has linked)', async () => {
    const { odoo, connector, config } = await startOdoo();
    const id = odoo.admin.create('res.partner', {
      name: 'Walk-in Customer',
      email: 'walkin@shop.example',
    });
    const results = await write(connector, config, 'partners', [
      { id, phone: '+33 1 23 45 67 89' },
    ]);
    expect(results).toEqual([{ index: 0, status: 'accepted', id: String(id) }]);
    expect(odoo.admin.get('res.partner', id)).toMatchObject({
      name: 'Walk-in Customer',
      phone: '+33 1 23 45 67 89',
    });
  });

  it('upserts partners by ref: updates the one match, creates the rest, rejects what Odoo or the key refuse', async () => {
    const { odoo, connector, config } = await startOdoo();
    odoo.admin.create('res.partner', { name: 'Agrolait (old)', ref: 'AGR-7', active: false });
    const results = await write(connector, config, 'partners', [
      { ref: 'ACME-001', name: 'ACME Inc.', phone: '+1 555-0111', id: 999, write_date: 'x' },
      { ref: 'NEW-1', name: 'Ørsted Nordic ApS', email: 'hej@orsted.example', country_code: 'DE' },
      { ref: 'NEW-2', name: 'Broken', email: 'broken-at-example' },
      { name: 'No key' },
      { ref: 'AGR-7', name: 'Agrolait' },
      { ref: 'NEW-3', name: 'Nowhere', country_code: 'XX' },
      { ref: 'NEW-1', name: 'Ørsted Nordic ApS', city: 'Aarhus' },
    ]);
    expect(results).toEqual([
      { index: 0, status: 'accepted', id: '1' },
      { index: 1, status: 'accepted', id: '14' },
      {
        index: 2,
        status: 'rejected',
        reason:
          'ValidationError: Invalid Email! Please enter a valid email address. (broken-at-example)',
      },
      {
        index: 3,
        status: 'rejected',
        reason: "the record has no 'ref', the key res.partner records are upserted on",
      },
      {
        index: 4,
        status: 'rejected',
        reason:
          "2 res.partner records have ref 'AGR-7' (ids 3, 13): cannot tell which one to update",
      },
      { index: 5, status: 'rejected', reason: "no res.country has code 'XX'" },
      { index: 6, status: 'accepted', id: '14' },
    ]);
    expect(odoo.admin.get('res.partner', 1)).toMatchObject({
      phone: '+1 555-0111',
      name: 'ACME Inc.',
    });
    expect(odoo.admin.get('res.partner', 14)).toMatchObject({
      ref: 'NEW-1',
      country_id: [3, 'Germany'],
      city: 'Aarhus',
    });
    expect(odoo.admin.list('res.partner', [['name', 'in', ['Broken', 'Nowhere']]])).toEqual([]);
  });

  it('upserts products by default_code and rejects a write to the computed qty_available', async () => {
    const { odoo, connector, config } = await startOdoo();
    const results = await write(connector, config, 'products', [
      { default_code: 'FURN_8220', name: 'Four Person Desk', list_price: 2400 },
      { default_code: 'NEW-SKU', name: 'Standing Desk', list_price: 899.99, type: 'product' },
      { default_code: 'E-COM11', name: 'Cabinet with Doors', qty_available: 40 },
      { default_code: 'BAD-TYPE', name: 'Odd', type: 'gizmo' },
    ]);
    expect(results.map((r) => [r.status, r.id ?? r.reason])).toEqual([
      ['accepted', '2'],
      ['accepted', '7'],
      ['rejected', expect.stringMatching(/^UserError: You cannot set the quantity on hand/)],
      ['rejected', 'ValueError: Wrong value for product.product.type: "gizmo"'],
    ]);
    expect(odoo.admin.get('product.product', 2)?.list_price).toBe(2400);
    expect(odoo.admin.get('product.product', 3)?.qty_available).toBe(0);
  });

  it('creates a sales order once per client_order_ref, resolving partner_ref and product_code', async () => {
    const { odoo, connector, config } = await startOdoo();
    const order = {
      client_order_ref: 'HS-DEAL-3001',
      partner_ref: 'DA-82',
      note: 'From the CRM',
      order_line: [
        { product_code: 'FURN_7800', product_uom_qty: 2 },
        { product_id: 4, product_uom_qty: 1, price_unit: 75 },
      ],
    };
    const first = await write(connector, config, 'sale_orders', [order]);
    expect(first).toEqual([{ index: 0, status: 'accepted', id: '6' }]);
    expect(odoo.admin.get('sale.order', 6)).toMatchObject({
      partner_id: [12, 'Deco Addict'],
      amount_total: 975,
      state: 'draft',
      note: 'From the CRM',
    });
    const again = await write(connector, config, 'sale_orders', [
      order,
      { ...order, client_order_ref: 'HS-DEAL-1001' },
    ]);
    expect(again).toEqual([
      { index: 0, status: 'accepted', id: '6' },
      { index: 1, status: 'accepted', id: '1' },
    ]);
    expect(odoo.admin.list('sale.order')).toHaveLength(6);
    const refused = await write(connector, config, 'sale_orders', [
      { client_order_ref: 'HS-DEAL-3002', partner_ref: 'NOPE', order_line: [] },
      { client_order_ref: 'HS-DEAL-3003', partner_id: 12, order_line: [{ product_code: 'NOPE' }] },
      { client_order_ref: 'HS-DEAL-3004', partner_id: 12, order_line: [7] },
      { partner_id: 12, order_line: [] },
    ]);
    expect(refused.map((r) => r.reason)).toEqual([
      "no res.partner has ref 'NOPE'",
      "order_line[0]: no product.product has default_code 'NOPE'",
      'order_line[0] is 7: to create an order, give each line as { product_id or product_code, product_uom_qty, price_unit }',
      "the record has no 'client_order_ref', the key that makes creating orders idempotent",
    ]);
  });

  it('rejects an order over the credit limit with the credit hold message', async () => {
    const { odoo, connector, config } = await startOdoo({ creditCheck: true });
    const results = await write(connector, config, 'sale_orders', [
      {
        client_order_ref: 'HS-DEAL-4001',
        partner_ref: 'CHC-1',
        order_line: [{ product_code: 'FURN_8220', product_uom_qty: 1 }],
      },
      {
        client_order_ref: 'HS-DEAL-4002',
        partner_ref: 'CHC-1',
        order_line: [{ product_code: 'SRV-INST', product_uom_qty: 2 }],
      },
    ]);
    expect(results).toEqual([
      {
        index: 0,
        status: 'rejected',
        reason:
          'UserError: Order S00006 for Credit Hold Corp: 2,350.00 plus open orders of 0.00 exceeds the credit limit of 1,000.00 (credit hold).',
      },
      { index: 1, status: 'accepted', id: '7' },
    ]);
    expect(
      odoo.admin.list('sale.order', [['partner_id', '=', 11]]).map((o) => o.client_order_ref),
    ).toEqual(['HS-DEAL-4002']);
  });

  it('fails the write with FERRY_ODOO_ACCESS when the user may not write, and FERRY_AUTH_FAILED for a bad key', async () => {
    const { odoo, connector } = await startOdoo({
      users: [
        { id: 2, login: 'reader', password: 'pw', apiKey: 'reader-key-0123456789', readOnly: true },
      ],
    });
    const config = configFor(odoo);
    await expect(
      write(connector, config, 'partners', [{ ref: 'ACME-001', name: 'ACME Inc.' }]),
    ).rejects.toMatchObject({
      code: 'FERRY_ODOO_ACCESS',
      message: expect.stringContaining(
        "You are not allowed to modify 'Contact' (res.partner) records.",
      ),
    });
    await expect(
      write(connector, { ...config, apiKey: 'wrong-key-0123456789' }, 'partners', [
        { ref: 'X', name: 'X' },
      ]),
    ).rejects.toMatchObject({ code: 'FERRY_AUTH_FAILED' });
  });
});
