/**
 * The sales and invoicing models: sale.order (sequence S00001..., credit check on create,
 * action_confirm), sale.order.line (product onchange defaults) and account.move (draft '/',
 * action_post), in Odoo 17's shape.
 * Sources: odoo/odoo 17.0 `addons/sale/models/sale_order.py`, `sale_order_line.py`,
 * `addons/account/models/account_move.py`; https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
 * (x2many commands in https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html); docs/vendor-apis.md section 4.6.
 */
import type { OdooDb } from './database.ts';
import { char, float, m2o, type Row, selection } from './fields.ts';
import type { ModelDef } from './model.ts';
import { userError } from './odoo-error.ts';
import {
  confirmOrders,
  creditCheck,
  invoiceStatus,
  lineAmount,
  orderAmount,
  postInvoices,
  touch,
} from './sales.ts';

export const saleOrder: ModelDef = {
  name: 'sale.order',
  description: 'Sales Order',
  order: 'date_order desc, id desc',
  fields: {
    name: char('Order Reference', { required: true }),
    partner_id: m2o('Customer', 'res.partner', { required: true }),
    client_order_ref: char('Customer Reference'),
    state: selection('Status', ['draft', 'sent', 'sale', 'done', 'cancel']),
    date_order: { type: 'datetime', string: 'Order Date' },
    amount_total: { type: 'float', string: 'Total', compute: (row, db) => orderAmount(db, row) },
    invoice_status: {
      ...selection('Invoice Status', ['upselling', 'invoiced', 'to invoice', 'no']),
      compute: (row, db) => invoiceStatus(db, row),
    },
    order_line: {
      type: 'one2many',
      string: 'Order Lines',
      relation: 'sale.order.line',
      inverse: 'order_id',
    },
    note: char('Terms and conditions'),
  },
  displayName: (row) => String(row.name),
  defaults(db: OdooDb, values) {
    if (values.name) return { state: 'draft', date_order: db.now() };
    const next = (db.sequences['sale.order'] ?? 0) + 1;
    db.sequences['sale.order'] = next;
    return { name: `S${String(next).padStart(5, '0')}`, state: 'draft', date_order: db.now() };
  },
  afterSave: (row, db, operation) => {
    if (operation === 'create') creditCheck(db, row);
  },
  beforeUnlink(row) {
    if (row.state !== 'draft' && row.state !== 'cancel')
      throw userError(
        'You can not delete a sent quotation or a confirmed sales order. You must first cancel it.',
      );
  },
  methods: {
    action_confirm: (db, ids, uid) => confirmOrders(db, ids, uid),
  },
};

export const saleOrderLine: ModelDef = {
  name: 'sale.order.line',
  description: 'Sales Order Line',
  order: 'order_id, id',
  fields: {
    order_id: m2o('Order Reference', 'sale.order', { required: true, ondelete: 'cascade' }),
    product_id: m2o('Product', 'product.product', { required: true }),
    name: char('Description'),
    product_uom_qty: float('Quantity'),
    price_unit: float('Unit Price'),
    price_subtotal: { type: 'float', string: 'Subtotal', compute: (row) => lineAmount(row) },
  },
  displayName: (row, db) => `${db.displayName('sale.order', row.order_id as number)} - ${row.name}`,
  // The product onchange: description and price from the product unless given.
  defaults(db, values) {
    const product = db.table('product.product').get(values.product_id as number);
    if (!product) return { product_uom_qty: 1 };
    return {
      product_uom_qty: 1,
      name: db.model('product.product').displayName(product, db),
      price_unit: product.list_price,
    };
  },
  // The order's stored total changes with its lines, and with it the order's write_date.
  afterSave: (row: Row, db) => touch(db, 'sale.order', row.order_id as number),
};

export const move: ModelDef = {
  name: 'account.move',
  description: 'Journal Entry',
  order: 'invoice_date desc, name desc, id desc',
  fields: {
    name: char('Number'),
    move_type: selection('Type', [
      'entry',
      'out_invoice',
      'out_refund',
      'in_invoice',
      'in_refund',
      'out_receipt',
      'in_receipt',
    ]),
    partner_id: m2o('Partner', 'res.partner'),
    invoice_origin: char('Origin'),
    ref: char('Reference'),
    state: selection('Status', ['draft', 'posted', 'cancel']),
    payment_state: selection('Payment Status', [
      'not_paid',
      'in_payment',
      'paid',
      'partial',
      'reversed',
      'invoicing_legacy',
    ]),
    invoice_date: { type: 'date', string: 'Invoice/Bill Date' },
    invoice_date_due: { type: 'date', string: 'Due Date' },
    amount_total: float('Total'),
    amount_residual: float('Amount Due'),
  },
  displayName: (row) => (row.name === '/' ? `Draft Invoice (* ${row.id})` : String(row.name)),
  defaults: () => ({ name: '/', move_type: 'entry', state: 'draft', payment_state: 'not_paid' }),
  beforeUnlink(row) {
    if (row.state === 'posted')
      throw userError('You cannot delete an entry which has been posted once.');
  },
  methods: { action_post: (db, ids, uid) => postInvoices(db, ids, uid) },
};
