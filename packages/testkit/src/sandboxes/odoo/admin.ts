/**
 * The admin API: what a test or a demo does behind the API's back (inspect records, change
 * stock, confirm, invoice, pay), through the same model logic as RPC calls, as the system user
 * (uid 1), without faults; a failed call rolls back.
 * Sources: docs/vendor-apis.md section 4.6 (qty_available is changed through inventory, not
 * written); https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html
 */
import { createRecord, existing, unlinkRecords, writeRecords } from './crud.ts';
import type { OdooDb } from './database.ts';
import type { Row } from './fields.ts';
import { confirmOrders, createInvoice, registerPayment } from './sales.ts';
import type { OdooAdmin, OdooRecord } from './types.ts';

const SYSTEM = 1;

export function odooAdmin(db: OdooDb): OdooAdmin {
  const atomic = <T>(run: () => T): T => {
    const restore = db.snapshot();
    try {
      return run();
    } catch (error) {
      restore();
      throw error;
    }
  };
  const ids = (value: number | number[]) => (Array.isArray(value) ? value : [value]);
  const read = (model: string, row: Row) => db.read(model, row, db.fieldNames(model)) as OdooRecord;
  return {
    list: (model, domain = []) =>
      db.search(model, domain, { order: 'id', activeTest: false }).map((row) => read(model, row)),
    get(model, id) {
      const row = db.table(model).get(id);
      return row ? read(model, row) : undefined;
    },
    create: (model, values) => atomic(() => createRecord(db, model, values, SYSTEM)),
    write: (model, value, values) => {
      atomic(() => writeRecords(db, model, ids(value), values, SYSTEM));
    },
    unlink: (model, value) => {
      atomic(() => unlinkRecords(db, model, ids(value), SYSTEM));
    },
    setStock(productId, quantity) {
      const [product] = existing(db, 'product.product', [productId], SYSTEM);
      db.stock.set(productId, quantity);
      if (product) product.write_date = db.now();
    },
    confirmOrder: (orderId) => {
      atomic(() => confirmOrders(db, [orderId], SYSTEM));
    },
    createInvoice: (orderId, options = {}) =>
      atomic(() => createInvoice(db, orderId, options.post !== false, SYSTEM)),
    registerPayment: (invoiceId, amount) => {
      atomic(() => registerPayment(db, invoiceId, amount, SYSTEM));
    },
  };
}
