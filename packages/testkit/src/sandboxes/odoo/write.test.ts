// create, write and unlink as https://www.odoo.com/documentation/18.0/developer/reference/external_api.html describes them.
import { describe, expect, it } from 'vitest';
import { odooClock } from './clock.ts';
import { startOdooSandbox } from './sandbox.ts';
import { rpcClient } from './test-client.ts';

describe('Odoo sandbox: writing', () => {
  it('creates from a dict (an id) or a list (ids), writes and unlinks (true), stamping write_date to the second', async () => {
    const clock = odooClock('2025-03-01T10:00:00.250Z');
    const odoo = await startOdooSandbox({ clock: clock.now });
    const { ok } = rpcClient(odoo);
    const id = await ok<number>('res.partner', 'create', [
      { name: 'New Co', email: 'hello@new.example' },
    ]);
    expect(id).toBe(13);
    clock.advance(0.5);
    const ids = await ok<number[]>('res.partner', 'create', [
      [{ name: 'A' }, { name: 'B', country_id: 2 }],
    ]);
    expect(ids).toEqual([14, 15]);
    expect(odoo.admin.list('res.partner', [['id', '>=', 13]]).map((r) => r.write_date)).toEqual([
      '2025-03-01 10:00:00',
      '2025-03-01 10:00:00',
      '2025-03-01 10:00:00',
    ]);
    clock.advance(61);
    expect(await ok('res.partner', 'write', [[13, 14], { phone: '+32 2 000 00 00' }])).toBe(true);
    expect(odoo.admin.get('res.partner', 13)).toMatchObject({
      phone: '+32 2 000 00 00',
      create_date: '2025-03-01 10:00:00',
      write_date: '2025-03-01 10:01:01',
    });
    expect(await ok('res.partner', 'unlink', [[15]])).toBe(true);
    expect(odoo.admin.get('res.partner', 15)).toBeUndefined();
  });

  it('raises a ValidationError for an invalid email, in the 200 error envelope, and writes nothing', async () => {
    const odoo = await startOdooSandbox();
    const { kw } = rpcClient(odoo);
    const before = odoo.admin.list('res.partner').length;
    const answer = await kw('res.partner', 'create', [
      [
        { name: 'Fine', email: 'ok@fine.example' },
        { name: 'Bad', email: 'not-an-email' },
      ],
    ]);
    expect(answer).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: {
        code: 200,
        message: 'Odoo Server Error',
        data: {
          name: 'odoo.exceptions.ValidationError',
          message: 'Invalid Email! Please enter a valid email address. (not-an-email)',
          arguments: ['Invalid Email! Please enter a valid email address. (not-an-email)'],
          context: {},
          debug: expect.stringContaining('Traceback'),
        },
      },
    });
    // the whole call rolled back: the valid first record is not kept
    expect(odoo.admin.list('res.partner')).toHaveLength(before);
  });

  it('refuses writes to qty_available, unknown fields, bad selections, missing ids and referenced deletes', async () => {
    const odoo = await startOdooSandbox();
    const { kw } = rpcClient(odoo);
    const error = async (...params: Parameters<typeof kw>) => (await kw(...params)).error?.data;
    expect(await error('product.product', 'write', [[1], { qty_available: 5 }])).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: expect.stringContaining('quantity on hand'),
    });
    expect(await error('res.partner', 'create', [{ name: 'X', nickname: 'x' }])).toMatchObject({
      name: 'builtins.ValueError',
      message: "Invalid field 'nickname' on model 'res.partner'",
    });
    expect((await error('sale.order', 'write', [[1], { state: 'shipped' }]))?.name).toBe(
      'builtins.ValueError',
    );
    expect(await error('res.partner', 'write', [[404], { name: 'x' }])).toMatchObject({
      name: 'odoo.exceptions.MissingError',
    });
    expect(await error('res.partner', 'create', [{ email: 'x@y.example' }])).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: 'Contacts require a name',
    });
    expect(await error('product.product', 'create', [{ list_price: 3 }])).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: expect.stringContaining('a mandatory field is not set'),
    });
    expect(await error('res.partner', 'unlink', [[1]])).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: expect.stringContaining('another model requires the record being deleted'),
    });
    expect(odoo.admin.get('res.partner', 1)).toBeDefined();
  });

  it('refuses the records the rejects fault names with a ValidationError carrying its reason', async () => {
    const odoo = await startOdooSandbox({ data: 'empty' });
    const { kw } = rpcClient(odoo);
    odoo.faults.set({
      rejects: (values) =>
        (values as { name?: string }).name === 'Blocked' ? 'Blocked by a server action' : undefined,
    });
    expect((await kw('res.partner', 'create', [{ name: 'Allowed' }])).result).toBe(1);
    expect((await kw('res.partner', 'create', [{ name: 'Blocked' }])).error?.data).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: 'Blocked by a server action',
    });
    expect(odoo.stats.rejected).toBe(1);
  });
});
