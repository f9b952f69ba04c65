// search_read, search, search_count and read as https://www.odoo.com/documentation/18.0/developer/reference/external_api.html describes them.
import { describe, expect, it } from 'vitest';
import { startOdooSandbox } from './sandbox.ts';
import { rpcClient } from './test-client.ts';

type Partner = Record<string, unknown> & { id: number };

describe('Odoo sandbox: reading', () => {
  it('search_read returns the asked fields, id always, many2one pairs and false for empty values', async () => {
    const odoo = await startOdooSandbox();
    const { ok } = rpcClient(odoo);
    const [agrolait] = await ok<Partner[]>(
      'res.partner',
      'search_read',
      [[['name', '=', 'Agrolait']]],
      {
        fields: ['name', 'email', 'country_id', 'write_date'],
      },
    );
    expect(agrolait).toEqual({
      id: 3,
      name: 'Agrolait',
      email: false,
      country_id: [1, 'Belgium'],
      write_date: '2024-01-02 08:15:00',
    });
  });

  it('pages with offset and limit over a multi-key order, ties broken by the later keys', async () => {
    const odoo = await startOdooSandbox();
    const { ok } = rpcClient(odoo);
    const page = (offset: number) =>
      ok<Partner[]>('res.partner', 'search_read', [[['write_date', '>=', '2024-01-02 08:15:00']]], {
        fields: ['write_date'],
        order: 'write_date desc, id asc',
        offset,
        limit: 4,
      });
    const pages = [await page(0), await page(4), await page(8)];
    expect(pages.map((p) => p.map((r) => r.id))).toEqual([
      [11, 12, 10, 7],
      [8, 6, 4, 5],
      [1, 2, 3],
    ]);
    const all = await ok<number[]>('res.partner', 'search', [[]], {
      order: 'write_date asc, id asc',
    });
    expect(all).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12]);
    expect(await ok('res.partner', 'search_count', [[['is_company', '=', true]]])).toBe(8);
  });

  it('hides archived records unless the domain names active or the context turns active_test off', async () => {
    const odoo = await startOdooSandbox();
    const { ok } = rpcClient(odoo);
    const archived = [['name', 'ilike', 'archived']];
    expect(await ok('res.partner', 'search', [archived])).toEqual([]);
    expect(
      await ok('res.partner', 'search', [[...archived, ['active', 'in', [true, false]]]]),
    ).toEqual([9]);
    expect(
      await ok('res.partner', 'search', [archived], { context: { active_test: false } }),
    ).toEqual([9]);
    // read by id sees archived records
    expect(await ok('res.partner', 'read', [[9], ['active']])).toEqual([{ id: 9, active: false }]);
  });

  it('follows many2one paths in domains and reads unicode names unchanged', async () => {
    const odoo = await startOdooSandbox();
    const { ok } = rpcClient(odoo);
    const orders = await ok<Partner[]>(
      'sale.order',
      'search_read',
      [[['partner_id.country_id.code', '=', 'DE']]],
      {
        fields: ['name', 'partner_id'],
      },
    );
    expect(orders).toEqual([{ id: 3, name: 'S00003', partner_id: [5, 'Müller & Söhne GmbH'] }]);
    const [sakura] = await ok<Partner[]>('res.partner', 'search_read', [[['city', '=', '東京']]], {
      fields: ['name'],
    });
    expect(sakura?.name).toBe('株式会社さくら');
  });

  it('raises MissingError for deleted ids and ValueError for unknown fields and bad orders', async () => {
    const odoo = await startOdooSandbox();
    const { kw } = rpcClient(odoo);
    expect((await kw('res.partner', 'read', [[1, 999], ['name']])).error?.data).toMatchObject({
      name: 'odoo.exceptions.MissingError',
      message: expect.stringContaining('res.partner(999,)'),
    });
    expect(
      (await kw('res.partner', 'search_read', [[]], { fields: ['nope'] })).error?.data,
    ).toMatchObject({
      name: 'builtins.ValueError',
      message: 'Invalid field "nope" on model \'res.partner\'',
    });
    expect(
      (await kw('res.partner', 'search', [[]], { order: 'name; drop table' })).error?.data.name,
    ).toBe('builtins.ValueError');
  });

  it('computes qty_available from stock and lists every field of a record when no fields are given', async () => {
    const odoo = await startOdooSandbox();
    const { ok } = rpcClient(odoo);
    const [desk] = await ok<Partner[]>('product.product', 'search_read', [
      [['default_code', '=', 'FURN_7800']],
    ]);
    expect(desk).toMatchObject({
      id: 1,
      display_name: '[FURN_7800] Desk Combination',
      qty_available: 60,
      list_price: 450,
      type: 'product',
      create_date: '2024-01-02 09:00:00',
    });
    const fields = await ok<Record<string, { type: string }>>('product.product', 'fields_get', []);
    expect(fields.qty_available).toMatchObject({ type: 'float', readonly: true });
  });
});
