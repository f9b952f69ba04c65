/**
 * Finds records by a business key in one search_read per batch (archived records included,
 * since an archived contact with the same reference is still the same contact).
 * Source: https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
 * (Search and read); docs/vendor-apis.md section 4.4 ("There is no upsert: search on a unique
 * field, then write or create").
 */
import { type Ctx, mustCall } from './rpc.ts';

/** Key value -> the ids of the records that have it (several when the key is not unique). */
export type KeyIndex = Map<string, number[]>;

export async function lookup(
  ctx: Ctx,
  model: string,
  field: string,
  values: Iterable<unknown>,
): Promise<KeyIndex> {
  const wanted = [
    ...new Set([...values].filter((v): v is string => typeof v === 'string' && v !== '')),
  ];
  const index: KeyIndex = new Map();
  if (wanted.length === 0) return index;
  const rows = await mustCall<Record<string, unknown>[]>(
    ctx,
    model,
    'search_read',
    [[[field, 'in', wanted]]],
    {
      fields: [field],
      order: 'id asc',
      context: { active_test: false },
    },
  );
  for (const row of rows) {
    const key = row[field] as string;
    index.set(key, [...(index.get(key) ?? []), row.id as number]);
  }
  return index;
}
