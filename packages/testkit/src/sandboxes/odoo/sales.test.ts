// sale.order and account.move behaviour (odoo/odoo addons/sale, addons/account), docs/vendor-apis.md 4.6.
import { describe, expect, it } from 'vitest';
import { odooClock } from './clock.ts';
import { startOdooSandbox } from './sandbox.ts';
import { rpcClient } from './test-client.ts';

const line = (product_id: number, product_uom_qty: number, price_unit?: number) => [
  0,
  0,
  { product_id, product_uom_qty, ...(price_unit === undefined ? {} : { price_unit }) },
];

describe('Odoo sandbox: sales orders and invoices', () => {
  it('creates an order with its lines, names it from the sequence and totals it; action_confirm makes it a sale', async () => {
    const odoo = await startOdooSandbox();
    const { ok } = rpcClient(odoo);
    const id = await ok<number>('sale.order', 'create', [
      {
        partner_id: 12,
        client_order_ref: 'HS-DEAL-2001',
        order_line: [line(1, 2), line(4, 1.5, 90)],
      },
    ]);
    const [order] = await ok<Record<string, unknown>[]>('sale.order', 'read', [[id]], {
      fields: ['name', 'state', 'amount_total', 'invoice_status', 'order_line', 'partner_id'],
    });
    expect(order).toEqual({
      id,
      name: 'S00006',
      state: 'draft',
      amount_total: 1035,
      invoice_status: 'no',
      order_line: [7, 8],
      partner_id: [12, 'Deco Addict'],
    });
    const lines = await ok('sale.order.line', 'read', [
      [7, 8],
      ['name', 'price_unit', 'price_subtotal'],
    ]);
    expect(lines).toEqual([
      { id: 7, name: '[FURN_7800] Desk Combination', price_unit: 450, price_subtotal: 900 },
      { id: 8, name: '[SRV-INST] Installation', price_unit: 90, price_subtotal: 135 },
    ]);
    await ok('sale.order', 'action_confirm', [[id]]);
    expect(odoo.admin.get('sale.order', id)).toMatchObject({
      state: 'sale',
      invoice_status: 'to invoice',
    });
    expect(
      (await rpcClient(odoo).kw('sale.order', 'action_confirm', [[id]])).error?.data.name,
    ).toBe('odoo.exceptions.UserError');
  });

  it('with creditCheck, refuses creating or confirming an order over the credit limit, naming the credit hold', async () => {
    const odoo = await startOdooSandbox({ creditCheck: true });
    const { kw, ok } = rpcClient(odoo);
    // Credit Hold Corp (id 11) may owe 1,000.00
    const first = await ok<number>('sale.order', 'create', [
      { partner_id: 11, order_line: [line(3, 5)] },
    ]);
    const over = await kw('sale.order', 'create', [{ partner_id: 11, order_line: [line(3, 3)] }]);
    expect(over.error?.data).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message:
        'Order S00007 for Credit Hold Corp: 420.00 plus open orders of 700.00 exceeds the credit limit of 1,000.00 (credit hold).',
    });
    expect(odoo.admin.list('sale.order', [['partner_id', '=', 11]]).map((o) => o.id)).toEqual([
      first,
    ]);
    // a quotation raised while the check was off is refused at confirmation
    odoo.admin.write('res.partner', 11, { credit_limit: 600 });
    expect((await kw('sale.order', 'action_confirm', [[first]])).error?.data.message).toContain(
      'exceeds the credit limit of 600.00 (credit hold)',
    );
    expect(odoo.admin.get('sale.order', first)?.state).toBe('draft');
    // paid orders no longer count: ACME has 900.00 invoiced and paid
    odoo.admin.write('res.partner', 1, { credit_limit: 1000 });
    expect(
      (await kw('sale.order', 'create', [{ partner_id: 1, order_line: [line(1, 2)] }])).result,
    ).toBeTypeOf('number');
  });

  it('invoices a confirmed order, registers partial then full payment, and bumps write_dates', async () => {
    const clock = odooClock('2025-05-02T08:00:00Z');
    const odoo = await startOdooSandbox({ clock: clock.now });
    const { admin } = odoo;
    const order = admin.create('sale.order', { partner_id: 4, order_line: [line(2, 2)] });
    admin.confirmOrder(order);
    clock.advance(60);
    const invoice = admin.createInvoice(order);
    expect(admin.get('account.move', invoice)).toMatchObject({
      name: 'INV/2025/00003',
      move_type: 'out_invoice',
      state: 'posted',
      payment_state: 'not_paid',
      partner_id: [4, 'Société Générale des Eaux'],
      invoice_origin: 'S00006',
      amount_total: 4700,
      amount_residual: 4700,
      invoice_date: '2025-05-02',
      write_date: '2025-05-02 08:01:00',
    });
    expect(admin.get('sale.order', order)).toMatchObject({
      invoice_status: 'invoiced',
      write_date: '2025-05-02 08:01:00',
    });
    clock.advance(60);
    admin.registerPayment(invoice, 700);
    expect(admin.get('account.move', invoice)).toMatchObject({
      payment_state: 'partial',
      amount_residual: 4000,
    });
    admin.registerPayment(invoice);
    expect(admin.get('account.move', invoice)).toMatchObject({
      payment_state: 'paid',
      amount_residual: 0,
      write_date: '2025-05-02 08:02:00',
    });
    expect(() => admin.registerPayment(invoice)).toThrow(/nothing left to pay/);
    expect(() => admin.createInvoice(order)).toThrow(/no invoiceable line/);
  });

  it('sets stock through the admin API, bumping the product write_date', async () => {
    const clock = odooClock('2025-06-01T12:00:00Z');
    const odoo = await startOdooSandbox({ clock: clock.now });
    const { ok } = rpcClient(odoo);
    odoo.admin.setStock(3, 17);
    const [cabinet] = await ok<Record<string, unknown>[]>('product.product', 'read', [
      [3],
      ['qty_available', 'write_date'],
    ]);
    expect(cabinet).toEqual({ id: 3, qty_available: 17, write_date: '2025-06-01 12:00:00' });
    expect(() => odoo.admin.setStock(99, 1)).toThrow(/does not exist/);
  });
});
