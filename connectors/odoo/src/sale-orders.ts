/**
 * Creates sales orders idempotently: an order whose client_order_ref (the customer's
 * reference, e.g. a CRM deal id) already exists is accepted with the existing order's id and
 * left as it is; otherwise it is created with its lines as (0, 0, values) commands. The
 * customer is partner_id or partner_ref, a line's product is product_id or product_code
 * (default_code), resolved in one search per batch. A credit hold or another UserError rejects
 * the order with Odoo's message.
 * Sources: https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
 * (Create records; x2many commands in the ORM reference
 * https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html);
 * docs/vendor-apis.md sections 4.4 and 4.6.
 */
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { type KeyIndex, lookup } from './lookup.ts';
import { type Ctx, callKw, failure, isRecordFault, reasonOf } from './rpc.ts';

const LINE_FIELDS = ['product_uom_qty', 'price_unit', 'name'];

export async function createSaleOrders(ctx: Ctx, records: JsonObject[]): Promise<WriteResult[]> {
  const lines = (r: JsonObject) => (Array.isArray(r.order_line) ? r.order_line : []) as unknown[];
  const existing = await lookup(
    ctx,
    'sale.order',
    'client_order_ref',
    records.map((r) => r.client_order_ref),
  );
  const partners = await lookup(
    ctx,
    'res.partner',
    'ref',
    records.map((r) => r.partner_ref),
  );
  const products = await lookup(
    ctx,
    'product.product',
    'default_code',
    records.flatMap((r) => lines(r).map((l) => (l as JsonObject)?.product_code)),
  );
  const results: WriteResult[] = [];
  for (const [index, record] of records.entries()) {
    const ref = record.client_order_ref;
    if (typeof ref !== 'string' || ref === '') {
      results.push({
        index,
        status: 'rejected',
        reason:
          "the record has no 'client_order_ref', the key that makes creating orders idempotent",
      });
      continue;
    }
    const found = existing.get(ref)?.[0];
    if (found !== undefined) {
      results.push({ index, status: 'accepted', id: String(found) });
      continue;
    }
    const values = orderValues(record, lines(record), partners, products);
    if (typeof values === 'string') {
      results.push({ index, status: 'rejected', reason: values });
      continue;
    }
    const outcome = await callKw<number>(ctx, 'sale.order', 'create', [values]);
    if (!outcome.ok) {
      if (!isRecordFault(outcome.fault)) throw failure(outcome.fault, 'sale.order', 'create');
      results.push({ index, status: 'rejected', reason: reasonOf(outcome.fault) });
      continue;
    }
    existing.set(ref, [outcome.result]);
    results.push({ index, status: 'accepted', id: String(outcome.result) });
  }
  return results;
}

/** The values to create an order with, or why there are none. */
function orderValues(
  record: JsonObject,
  lines: unknown[],
  partners: KeyIndex,
  products: KeyIndex,
): JsonObject | string {
  const partner = resolve(record.partner_id, record.partner_ref, partners, 'res.partner', 'ref');
  if (typeof partner === 'string') return partner;
  const commands: unknown[] = [];
  for (const [i, line] of lines.entries()) {
    if (typeof line !== 'object' || line === null)
      return `order_line[${i}] is ${JSON.stringify(line)}: to create an order, give each line as { product_id or product_code, product_uom_qty, price_unit }`;
    const l = line as JsonObject;
    const product = resolve(
      l.product_id,
      l.product_code,
      products,
      'product.product',
      'default_code',
    );
    if (typeof product === 'string') return `order_line[${i}]: ${product}`;
    const values: JsonObject = { product_id: product };
    for (const field of LINE_FIELDS)
      if (l[field] !== undefined && l[field] !== null) values[field] = l[field];
    commands.push([0, 0, values]);
  }
  const values: JsonObject = {
    partner_id: partner,
    client_order_ref: record.client_order_ref,
    order_line: commands,
  };
  if (typeof record.note === 'string') values.note = record.note;
  return values;
}

/** An id given directly, or found by its business key; a string says why neither works. */
function resolve(
  id: unknown,
  key: unknown,
  index: KeyIndex,
  model: string,
  field: string,
): number | string {
  if (typeof id === 'number') return id;
  if (typeof key !== 'string' || key === '') return `no ${model}: give its id or its ${field}`;
  const ids = index.get(key) ?? [];
  if (ids.length === 0) return `no ${model} has ${field} '${key}'`;
  if (ids.length > 1)
    return `${ids.length} ${model} records have ${field} '${key}' (ids ${ids.join(', ')})`;
  return ids[0] as number;
}
