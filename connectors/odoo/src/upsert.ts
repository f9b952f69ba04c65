/**
 * Upserts by a business key (partners by `ref`, products by `default_code`): one search for
 * the batch's keys, then per record a `write` on the one record that has the key, or a
 * `create`. A record without a key that carries its Odoo `id` (a two-way sync updating a
 * partner that has no `ref`) is written on that id. Each record is its own call, so Odoo's per-call transaction keeps one bad record
 * from undoing the others; its ValidationError or UserError becomes that record's rejection.
 * Sources: https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
 * (Create records, Update records); docs/vendor-apis.md sections 4.4 and 4.8.
 */
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { lookup } from './lookup.ts';
import { type Ctx, callKw, failure, isRecordFault, reasonOf } from './rpc.ts';

export interface UpsertSpec {
  model: string;
  /** The field records are matched on. */
  key: string;
  /** Fields of the read schema that are not written (computed, flattened or Odoo's own). */
  readOnly: string[];
}

const ODOO_OWN = ['id', 'display_name', 'create_date', 'write_date'];

export async function upsert(
  ctx: Ctx,
  records: JsonObject[],
  spec: UpsertSpec,
): Promise<WriteResult[]> {
  const { model, key } = spec;
  const existing = await lookup(
    ctx,
    model,
    key,
    records.map((r) => r[key]),
  );
  const countries = await lookup(
    ctx,
    'res.country',
    'code',
    records.map((r) => r.country_code),
  );
  const results: WriteResult[] = [];
  for (const [index, record] of records.entries()) {
    const reject = (reason: string) => results.push({ index, status: 'rejected', reason });
    const value = record[key];
    const hasKey = typeof value === 'string' && value !== '';
    const known = !hasKey && typeof record.id === 'number' ? record.id : undefined;
    if (known === undefined && (typeof value !== 'string' || value === '')) {
      reject(`the record has no '${key}', the key ${model} records are upserted on`);
      continue;
    }
    const ids = known !== undefined ? [known] : (existing.get(value as string) ?? []);
    if (ids.length > 1) {
      reject(
        `${ids.length} ${model} records have ${key} '${value}' (ids ${ids.join(', ')}): cannot tell which one to update`,
      );
      continue;
    }
    const values: JsonObject = {};
    for (const [field, v] of Object.entries(record))
      if (!ODOO_OWN.includes(field) && !spec.readOnly.includes(field)) values[field] = v;
    // country_code (ISO 3166) is a convenience for sources that do not know Odoo's country ids
    if (typeof record.country_code === 'string') {
      const country = countries.get(record.country_code)?.[0];
      if (country === undefined) {
        reject(`no res.country has code '${record.country_code}'`);
        continue;
      }
      delete values.country_code;
      values.country_id = country;
    }
    const [id] = ids;
    const outcome =
      id === undefined
        ? await callKw<number>(ctx, model, 'create', [values])
        : await callKw<boolean>(ctx, model, 'write', [[id], values]);
    if (!outcome.ok) {
      if (!isRecordFault(outcome.fault))
        throw failure(outcome.fault, model, id === undefined ? 'create' : 'write');
      reject(reasonOf(outcome.fault));
      continue;
    }
    const written = id ?? (outcome.result as number);
    // a later record of the batch with the same key updates this one instead of creating another
    if (typeof value === 'string' && value !== '') existing.set(value, [written]);
    results.push({ index, status: 'accepted', id: String(written) });
  }
  return results;
}
