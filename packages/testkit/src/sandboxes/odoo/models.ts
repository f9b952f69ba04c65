/**
 * The models the sandbox serves, in Odoo 17's shape (a subset of each model's fields):
 * res.country, res.partner and product.product here, the sales and invoicing models in
 * sale-models.ts.
 *
 * Sources: odoo/odoo 17.0 `odoo/addons/base/models/res_partner.py` (`_order`, check_name),
 * `addons/product/models/product_product.py` (display name "[code] name"),
 * `addons/stock/models/product.py` (qty_available: computed, not stored); field reference
 * through `fields_get` as https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
 * describes; docs/vendor-apis.md section 4.6.
 */
import { char, float, m2o, selection } from './fields.ts';
import type { ModelDef } from './model.ts';
import { validationError } from './odoo-error.ts';
import { move, saleOrder, saleOrderLine } from './sale-models.ts';

// Not stock Odoo (which accepts any text): a constraint a connector must survive, per the brief.
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const country: ModelDef = {
  name: 'res.country',
  description: 'Country',
  order: 'name',
  fields: { name: char('Country Name', { required: true }), code: char('Country Code') },
  displayName: (row) => String(row.name),
};

const partner: ModelDef = {
  name: 'res.partner',
  description: 'Contact',
  order: 'name, id desc',
  fields: {
    name: char('Name'),
    email: char('Email'),
    phone: char('Phone'),
    street: char('Street'),
    city: char('City'),
    zip: char('Zip'),
    country_id: m2o('Country', 'res.country'),
    vat: char('Tax ID'),
    ref: char('Reference'),
    is_company: { type: 'boolean', string: 'Is a Company' },
    credit_limit: float('Credit Limit'),
    customer_rank: { type: 'integer', string: 'Customer Rank' },
    active: { type: 'boolean', string: 'Active' },
  },
  displayName: (row) => String(row.name || ''),
  defaults: () => ({ active: true }),
  constrain(row) {
    if (!row.name) throw validationError('Contacts require a name');
    if (typeof row.email === 'string' && !EMAIL.test(row.email))
      throw validationError(`Invalid Email! Please enter a valid email address. (${row.email})`);
  },
};

const product: ModelDef = {
  name: 'product.product',
  description: 'Product Variant',
  order: 'default_code, name, id',
  fields: {
    name: char('Name', { required: true }),
    default_code: char('Internal Reference'),
    barcode: char('Barcode'),
    list_price: float('Sales Price'),
    type: selection('Product Type', ['consu', 'service', 'product']),
    qty_available: {
      type: 'float',
      string: 'Quantity On Hand',
      compute: (row, db) => db.stock.get(row.id) ?? 0,
      refuseWrite:
        'You cannot set the quantity on hand of a product directly: record an inventory adjustment (stock.quant) instead.',
    },
    active: { type: 'boolean', string: 'Active' },
  },
  displayName: (row) => (row.default_code ? `[${row.default_code}] ${row.name}` : String(row.name)),
  defaults: () => ({ active: true, type: 'consu', list_price: 1 }),
};

/** Every model of the sandbox, by technical name. */
export function odooModels(): Record<string, ModelDef> {
  return Object.fromEntries(
    [country, partner, product, saleOrder, saleOrderLine, move].map((m) => [m.name, m]),
  );
}
