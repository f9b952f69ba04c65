// The conformance suite (every check a Ferry connector must pass) against the Odoo sandbox of
// @ferry/testkit. `ferry test` runs the same checks.
import { describeConformance, startOdooSandbox } from '@ferry/testkit';
import { afterAll } from 'vitest';
import { configFor, packageDir } from './odoo.ts';

const odoo = await startOdooSandbox();
afterAll(() => odoo.close());

// The sandbox is deterministic: the ids a new partner, product and order get are known (13, 7
// and 6), so that the suite can find the samples it wrote when it reads them back by id.
describeConformance({
  connector: packageDir,
  config: configFor(odoo),
  writeSamples: {
    partners: [
      { id: 3, ref: 'AGR-7', name: 'Agrolait', phone: '+32 10 00 00 00' },
      { id: 13, ref: 'CONF-1', name: 'Conformance Co', email: 'conformance@example.com' },
    ],
    products: [
      { id: 2, default_code: 'FURN_8220', name: 'Four Person Desk', list_price: 2390 },
      { id: 7, default_code: 'CONF-LAMP', name: 'Conformance Lamp', list_price: 19.9 },
    ],
    sale_orders: [
      {
        id: 6,
        client_order_ref: 'CONF-DEAL-1',
        partner_ref: 'DA-82',
        order_line: [{ product_code: 'FURN_7800', product_uom_qty: 1 }],
      },
    ],
  },
});
