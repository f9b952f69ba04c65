// The conformance suite (every check a Ferry connector must pass) against the HubSpot sandbox,
// with its default limits on (100 requests per 10 s, 5 searches a second), writing samples to
// every stream: upserts by email and SKU, updates by id.
import { fileURLToPath } from 'node:url';
import { describeConformance, startHubspotSandbox } from '@ferry/testkit';
import { afterAll } from 'vitest';

const sandbox = await startHubspotSandbox({
  counts: { contacts: 40, companies: 10, deals: 15, products: 10 },
});
afterAll(() => sandbox.close());

describeConformance({
  connector: fileURLToPath(new URL('..', import.meta.url)),
  config: { token: sandbox.token, baseUrl: sandbox.url },
  writeSamples: {
    contacts: [
      {
        email: 'conformance.one@example.com',
        firstname: 'Con',
        lastname: 'Formance',
        credit_limit: 100,
      },
      { email: 'zoe.angstrom@example.se', erp_customer_id: 'C-77', properties: {} },
    ],
    companies: [{ id: '5001', industry: 'RETAIL', numberofemployees: '260' }],
    deals: [{ id: '9001', erp_order_id: 'SO-77', erp_order_status: 'confirmed' }],
    products: [
      { hs_sku: 'CONF-1', name: 'Conformance part', price: '1.00', stock_quantity: 5 },
      { hs_sku: 'WID-001', stock_quantity: 99 },
    ],
  },
});
