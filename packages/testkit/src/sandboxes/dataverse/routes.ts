/**
 * The Web API routes under /api/data/v9.2: `WhoAmI`, and per entity set GET (a collection or
 * one row), PATCH (upsert), POST (create) and DELETE.
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/update-delete-entities-using-web-api
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/create-entity-web-api
 */
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext, SandboxRoute } from '../../sandbox/types.ts';
import { listCollection } from './collection.ts';
import { type EntityKey, parseKey, parseSegment } from './keys.ts';
import { API_PATH, answering, CODES, ODataError, odataJson, serviceRoot } from './odata.ts';
import { validatePayload } from './payload.ts';
import { parseSelect, project } from './query.ts';
import type { DataverseStore } from './store.ts';
import type { TableDef } from './tables.ts';
import { DUPLICATE, findByKey, notFound, upsert, written } from './upsert.ts';

interface Target {
  table: TableDef;
  key?: EntityKey;
  keyText?: string;
}

export function webApiRoutes(
  store: DataverseStore,
  ids: { userId: string; businessUnitId: string; organizationId: string },
): SandboxRoute[] {
  const target = (ctx: SandboxContext): Target => {
    const segment = parseSegment(ctx.params.segment ?? '');
    const table = segment && store.def(segment.set);
    if (!segment || !table)
      throw new ODataError(
        404,
        CODES.segmentNotFound,
        `Resource not found for the segment '${segment?.set ?? ctx.params.segment}'.`,
      );
    if (segment.key === undefined) return { table };
    return { table, key: parseKey(segment.key, table), keyText: segment.key };
  };
  const notAllowed = (method: string) =>
    new ODataError(
      405,
      CODES.badRequest,
      `The requested resource does not support http method '${method}'.`,
    );
  const route = (method: string, handle: (ctx: SandboxContext, t: Target) => Reply) => ({
    method,
    path: `${API_PATH}/:segment`,
    handler: (ctx: SandboxContext) => answering(() => handle(ctx, target(ctx))),
  });

  return [
    {
      method: 'GET',
      path: `${API_PATH}/WhoAmI`,
      handler: (ctx) =>
        odataJson({
          '@odata.context': `${serviceRoot(ctx)}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
          BusinessUnitId: ids.businessUnitId,
          UserId: ids.userId,
          OrganizationId: ids.organizationId,
        }),
    },
    route('GET', (ctx, { table, key }) => {
      if (!key) return listCollection(ctx, table, store);
      const row = findByKey(store, table, key);
      if (!row) throw notFound(table, key);
      const select = parseSelect(ctx.query.get('$select'), table);
      return odataJson({
        '@odata.context': `${serviceRoot(ctx)}/$metadata#${table.set}/$entity`,
        ...project(row, table, select),
      });
    }),
    route('PATCH', (ctx, { table, key, keyText }) => {
      if (!key || keyText === undefined) throw notAllowed('PATCH');
      return upsert(ctx, table, store, key, keyText);
    }),
    route('POST', (ctx, { table, key }) => {
      if (key) throw notAllowed('POST');
      const payload = validatePayload(ctx.body, table);
      const reason = ctx.rejects(payload);
      if (reason !== undefined) throw new ODataError(400, CODES.refused, reason);
      const givenId = payload[table.primaryKey];
      if (typeof givenId === 'string' && store.get(table.set, givenId))
        throw new ODataError(412, CODES.duplicateKey, DUPLICATE);
      const row = store.insert(table.set, payload);
      return written(ctx, table, row, `${table.set}(${row[table.primaryKey]})`, true);
    }),
    route('DELETE', (_ctx, { table, key }) => {
      if (!key) throw notAllowed('DELETE');
      const row = findByKey(store, table, key);
      if (!row) throw notFound(table, key);
      store.remove(table.set, String(row[table.primaryKey]));
      return { status: 204, headers: { 'odata-version': '4.0' } };
    }),
  ];
}
