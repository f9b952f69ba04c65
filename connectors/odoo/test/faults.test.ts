// Reads and writes through 429s (Retry-After: 1) and bursts of 503s from the proxy in front of
// Odoo: nothing is lost, nothing is written twice, and the records Odoo refuses come back as
// rejections with Odoo's reasons.

import { collect, records } from '@ferry/declarative/testing';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { describe, expect, it } from 'vitest';
import { startOdoo } from './odoo.ts';

// A read makes a handful of requests, a write a few dozen: a fault every few requests each.
const READ_FAULTS = {
  rateLimit: { every: 4, retryAfter: 1 },
  errors: { every: 5, burst: 2, status: 503 },
};
const WRITE_FAULTS = {
  rateLimit: { every: 9, retryAfter: 1 },
  errors: { every: 8, burst: 2, status: 503 },
};

describe('@ferry/connector-odoo under rate limits and server errors', () => {
  it('reads every record of every stream', async () => {
    const { odoo, connector, config } = await startOdoo({ extraPartners: 130 });
    odoo.faults.set(READ_FAULTS);
    const messages = await collect(connector.read(config));
    const read = (stream: string) =>
      records(messages.filter((m) => m.stream === stream))
        .map((r) => `${r.id}@${r.write_date}`)
        .sort();
    const stored = (model: string, domain: unknown[] = []) =>
      odoo.admin
        .list(model, domain)
        .map((r) => `${r.id}@${r.write_date}`)
        .sort();
    expect(read('partners')).toEqual(stored('res.partner'));
    expect(read('products')).toEqual(stored('product.product'));
    expect(read('sale_orders')).toEqual(stored('sale.order'));
    expect(read('invoices')).toEqual(stored('account.move', [['move_type', '=', 'out_invoice']]));
    expect(odoo.stats.rateLimited).toBeGreaterThan(0);
    expect(odoo.stats.errors).toBeGreaterThan(0);
  });

  it('writes partners and orders once each, and reports the records Odoo refuses with its reasons', async () => {
    const { odoo, connector, config } = await startOdoo({ creditCheck: true });
    odoo.faults.set(WRITE_FAULTS);
    const write = async (stream: string, batch: JsonObject[]) => {
      const results: WriteResult[] = [];
      for await (const part of connector.write(config, stream, [batch])) results.push(...part);
      return results;
    };
    const partners = Array.from({ length: 6 }, (_, i) => ({
      ref: `FAULT-${i}`,
      name: `Fault Tolerant ${i}`,
      email: i === 5 ? 'no-at-sign' : `ft${i}@example.com`,
    }));
    const partnerResults = await write('partners', partners);
    expect(partnerResults.filter((r) => r.status === 'rejected')).toEqual([
      {
        index: 5,
        status: 'rejected',
        reason: 'ValidationError: Invalid Email! Please enter a valid email address. (no-at-sign)',
      },
    ]);
    const created = odoo.admin.list('res.partner', [['ref', '=like', 'FAULT-%']]);
    expect(created.map((p) => [String(p.id), p.ref])).toEqual(
      partnerResults.filter((r) => r.status === 'accepted').map((r) => [r.id, `FAULT-${r.index}`]),
    );

    const orders = await write('sale_orders', [
      {
        client_order_ref: 'F-1',
        partner_ref: 'FAULT-0',
        order_line: [{ product_code: 'FURN_7800' }],
      },
      {
        client_order_ref: 'F-2',
        partner_ref: 'CHC-1',
        order_line: [{ product_code: 'FURN_8220' }],
      },
      {
        client_order_ref: 'F-3',
        partner_ref: 'FAULT-1',
        order_line: [{ product_code: 'E-COM11', product_uom_qty: 3 }],
      },
    ]);
    expect(orders.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(orders[1]?.reason).toMatch(/exceeds the credit limit of 1,000\.00 \(credit hold\)\.$/);
    const stored = odoo.admin.list('sale.order', [['client_order_ref', 'like', 'F-']]);
    expect(stored.map((o) => [String(o.id), o.client_order_ref, o.amount_total])).toEqual([
      [orders[0]?.id, 'F-1', 450],
      [orders[2]?.id, 'F-3', 420],
    ]);
    expect(odoo.stats.rateLimited).toBeGreaterThan(0);
    expect(odoo.stats.errors).toBeGreaterThan(0);
  });
});
