/**
 * PATCH on `set(<guid>)` or `set(altkey='v')`: an upsert. 204 with `OData-EntityId` for a
 * create and an update alike; `Prefer: return=representation` answers 201 (created) or 200
 * (updated) with the row. `If-Match: *` updates only (404 when missing), `If-None-Match: *`
 * creates only (412 when present), `If-Match: W/"n"` fails with 412 when the row changed. Key
 * columns in the body are dropped on update and win over the URL on create.
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/use-upsert-insert-update-record
 * - https://learn.microsoft.com/power-apps/developer/data-platform/use-alternate-key-reference-record
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/perform-conditional-operations-using-web-api
 */
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext } from '../../sandbox/types.ts';
import type { EntityKey } from './keys.ts';
import { CODES, ODATA_HEADERS, ODataError, odataJson, serviceRoot } from './odata.ts';
import { validatePayload } from './payload.ts';
import { parsePrefer, parseSelect, project } from './query.ts';
import type { DataverseStore } from './store.ts';
import type { Row, TableDef } from './tables.ts';

/** The row a key names, or undefined. */
export function findByKey(store: DataverseStore, table: TableDef, key: EntityKey): Row | undefined {
  return key.kind === 'id' ? store.get(table.set, key.id) : store.find(table.set, key.values);
}

export function notFound(table: TableDef, key: EntityKey): ODataError {
  return new ODataError(
    404,
    '',
    key.kind === 'id'
      ? `${table.logicalName} With Id = ${key.id} Does Not Exist`
      : `A record with the specified key values does not exist in ${table.logicalName} entity`,
  );
}

export const DUPLICATE = 'A record with matching key values already exists.';

export function upsert(
  ctx: SandboxContext,
  table: TableDef,
  store: DataverseStore,
  key: EntityKey,
  keyText: string,
): Reply {
  const payload = validatePayload(ctx.body, table);
  const keyValues: Row = key.kind === 'id' ? { [table.primaryKey]: key.id } : key.values;
  const reason = ctx.rejects({ ...keyValues, ...payload });
  if (reason !== undefined) throw new ODataError(400, CODES.refused, reason);
  const existing = findByKey(store, table, key);
  checkConditions(ctx, table, key, existing);
  const givenId = payload[table.primaryKey];
  let row: Row;
  if (existing) {
    const id = String(existing[table.primaryKey]);
    if (givenId !== undefined && givenId !== id)
      throw new ODataError(
        400,
        CODES.badRequest,
        'Entity Id must be the same as the value set in property bag.',
      );
    const values = { ...payload };
    for (const column of Object.keys(keyValues)) delete values[column];
    row = store.update(table.set, id, values);
  } else {
    if (key.kind === 'id' && givenId !== undefined && givenId !== key.id)
      throw new ODataError(
        400,
        CODES.badRequest,
        'Entity Id must be the same as the value set in property bag.',
      );
    if (typeof givenId === 'string' && store.get(table.set, givenId))
      throw new ODataError(412, CODES.duplicateKey, DUPLICATE);
    row = store.insert(table.set, { ...keyValues, ...payload });
  }
  return written(ctx, table, row, `${table.set}(${keyText})`, existing === undefined);
}

function checkConditions(
  ctx: SandboxContext,
  table: TableDef,
  key: EntityKey,
  existing: Row | undefined,
): void {
  const ifMatch = header(ctx, 'if-match');
  const ifNoneMatch = header(ctx, 'if-none-match');
  if (ifMatch !== undefined) {
    if (!existing) throw notFound(table, key);
    if (ifMatch !== '*' && ifMatch !== `W/"${existing.versionnumber}"`)
      throw new ODataError(
        412,
        CODES.versionMismatch,
        "The version of the existing record doesn't match the RowVersion property provided.",
      );
  }
  // `If-None-Match: null`, which the docs put on every request, is no condition
  if (ifNoneMatch === '*' && existing) throw new ODataError(412, '', DUPLICATE);
}

function header(ctx: SandboxContext, name: string): string | undefined {
  const value = ctx.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === 'null' ? undefined : text.trim();
}

/** The answer to a write: 204 with OData-EntityId, or the row with return=representation. */
export function written(
  ctx: SandboxContext,
  table: TableDef,
  row: Row,
  resource: string,
  created: boolean,
): Reply {
  const root = serviceRoot(ctx);
  const entityId = { 'odata-entityid': `${root}/${resource}` };
  if (!parsePrefer(ctx.headers.prefer).returnRepresentation)
    return { status: 204, headers: { ...ODATA_HEADERS, ...entityId } };
  const select = parseSelect(ctx.query.get('$select'), table);
  return odataJson(
    { '@odata.context': `${root}/$metadata#${table.set}/$entity`, ...project(row, table, select) },
    created ? 201 : 200,
    { ...entityId, 'preference-applied': 'return=representation' },
  );
}
