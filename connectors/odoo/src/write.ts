/**
 * The write handlers of connector.yaml: contacts upserted by `ref`, products by
 * `default_code`, sales orders created once per `client_order_ref`. Every result carries the
 * Odoo id.
 * Source: docs/vendor-apis.md section 4.8 (upserts need a search, then write or create).
 */
import { defineConnector } from '@ferry/sdk';
import type { Config } from './config.ts';
import { createSaleOrders } from './sale-orders.ts';
import { upsert } from './upsert.ts';

const connector = defineConnector<Config>();

export const writePartners = connector.write((ctx, records) =>
  upsert(ctx, records, { model: 'res.partner', key: 'ref', readOnly: ['country_name'] }),
);

// qty_available is sent as given: Odoo refuses it (stock moves through inventory), and the
// record is rejected with Odoo's reason rather than silently changed.
export const writeProducts = connector.write((ctx, records) =>
  upsert(ctx, records, { model: 'product.product', key: 'default_code', readOnly: [] }),
);

export const writeSaleOrders = connector.write((ctx, records) => createSaleOrders(ctx, records));
