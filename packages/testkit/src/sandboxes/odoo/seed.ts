/**
 * The seeded dataset: deterministic, small, and awkward on purpose. Unicode names, empty
 * values (false), an archived partner, near-duplicates ("ACME Inc." and "Acme, Inc.", with
 * emails that differ only in case), records sharing a write_date second, orders in every state,
 * a paid, a partly paid and a draft invoice, and a vendor bill (not a customer invoice).
 * Source of the shapes: docs/vendor-apis.md section 4.6; names in the style of Odoo's demo data
 * (https://www.odoo.com/documentation/18.0/developer/reference/external_api.html uses Agrolait).
 */
import { createRecord, writeRecords } from './crud.ts';
import type { OdooDb } from './database.ts';
import { confirmOrders, createInvoice, postInvoices, registerPayment } from './sales.ts';

import { COUNTRIES, PARTNERS, PRODUCTS } from './seed-data.ts';

const SYSTEM = 1;

/** Fills a database with the demo data (or countries only), as the system user. */
export function seed(db: OdooDb, data: 'demo' | 'empty', extraPartners: number): void {
  const real = db.options.now;
  const at = (instant: string) => {
    db.options.now = () => new Date(`${instant.replace(' ', 'T')}Z`);
  };
  try {
    at('2024-01-01 00:00:00');
    for (const [name, code] of COUNTRIES) createRecord(db, 'res.country', { name, code }, SYSTEM);
    if (data === 'demo') demo(db, at);
    for (let i = 1; i <= extraPartners; i++) {
      // Three companies per second, so pages end inside a run of equal write_dates.
      at(
        new Date(Date.UTC(2024, 1, 1) + Math.floor((i - 1) / 3) * 1000)
          .toISOString()
          .slice(0, 19)
          .replace('T', ' '),
      );
      const n = String(i).padStart(4, '0');
      createRecord(
        db,
        'res.partner',
        {
          name: `Customer ${n}`,
          is_company: true,
          email: `customer${n}@example.com`,
          ref: `GEN-${n}`,
        },
        SYSTEM,
      );
    }
  } finally {
    db.options.now = real;
  }
}

function demo(db: OdooDb, at: (instant: string) => void): void {
  for (const [instant, values] of PARTNERS) {
    at(instant);
    createRecord(db, 'res.partner', values, SYSTEM);
  }
  for (const [instant, values, quantity] of PRODUCTS) {
    at(instant);
    const id = createRecord(db, 'product.product', values, SYSTEM);
    if (quantity !== 0) db.stock.set(id, quantity);
  }
  const order = (
    instant: string,
    partner: number,
    ref: string | false,
    lines: [number, number][],
  ) => {
    at(instant);
    const order_line = lines.map(([product_id, product_uom_qty]) => [
      0,
      0,
      { product_id, product_uom_qty },
    ]);
    return createRecord(
      db,
      'sale.order',
      { partner_id: partner, client_order_ref: ref, order_line },
      SYSTEM,
    );
  };
  const s1 = order('2024-01-10 10:00:00', 1, 'HS-DEAL-1001', [[1, 2]]);
  const s2 = order('2024-01-11 10:00:00', 3, 'HS-DEAL-1002', [
    [2, 1],
    [4, 3],
  ]);
  order('2024-01-12 10:00:00', 5, false, [[6, 10]]);
  const s4 = order('2024-01-12 10:00:00', 7, false, [[5, 2]]);
  const s5 = order('2024-01-13 15:45:00', 12, 'HS-DEAL-1005', [[3, 4]]);
  at('2024-01-15 09:00:00');
  confirmOrders(db, [s1, s2], SYSTEM);
  writeRecords(db, 'sale.order', [s4], { state: 'cancel' }, SYSTEM);
  writeRecords(db, 'sale.order', [s5], { state: 'sent' }, SYSTEM);
  at('2024-01-16 09:00:00');
  const inv1 = createInvoice(db, s1, true, SYSTEM);
  const inv2 = createInvoice(db, s2, true, SYSTEM);
  at('2024-01-20 16:20:00');
  registerPayment(db, inv1, undefined, SYSTEM);
  registerPayment(db, inv2, 500, SYSTEM);
  at('2024-01-21 08:00:00');
  const bill = createRecord(
    db,
    'account.move',
    {
      move_type: 'in_invoice',
      partner_id: 5,
      ref: 'MS-BILL-77',
      invoice_date: '2024-01-21',
      amount_total: 1234.56,
      amount_residual: 1234.56,
    },
    SYSTEM,
  );
  postInvoices(db, [bill], SYSTEM);
  createRecord(
    db,
    'account.move',
    {
      move_type: 'out_invoice',
      partner_id: 4,
      invoice_origin: false,
      amount_total: 99.9,
      amount_residual: 99.9,
    },
    SYSTEM,
  );
}
