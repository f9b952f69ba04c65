// GET /crm/v3/objects/{type} (limit <= 100, after = the next record's id, properties as CSV,
// archived), GET /crm/v3/objects/{type}/{id} (idProperty), POST .../batch/read. Sources:
// https://developers.hubspot.com/docs/guides/crm/using-object-apis and the CRM objects OpenAPI
// spec (HubSpot/HubSpot-public-api-spec-collection), summarised in docs/vendor-apis.md 1.2.
import type { SandboxContext, SandboxRoute } from '../../sandbox/types.ts';
import { batchInputs, type HubspotApi, objectRoute, present } from './api.ts';
import { errorBody } from './bodies.ts';
import type { HubspotObject, HubspotObjectType } from './types.ts';

const LABEL = { contacts: 'CONTACT', companies: 'COMPANY', deals: 'DEAL', products: 'PRODUCT' };

const csv = (value: string | null) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function readRoutes(api: HubspotApi): SandboxRoute[] {
  const { store, registry } = api;

  const list = (ctx: SandboxContext, type: HubspotObjectType) => {
    const limit = Number(ctx.query.get('limit') ?? 10);
    // max 100 per the object guide; HubSpot's answer to more is undocumented (unverified)
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return ctx.json(
        errorBody(ctx, 'VALIDATION_ERROR', `limit must be 1 to 100, got ${ctx.query.get('limit')}`),
        400,
      );
    const objects = store.list(type, ctx.query.get('archived') === 'true');
    const after = ctx.query.get('after');
    const from = after === null ? 0 : firstAtOrAfter(objects, Number(after));
    const page = objects.slice(from, from + limit);
    const names = registry.returned(type, csv(ctx.query.get('properties')));
    const next = objects[from + limit];
    const body: Record<string, unknown> = { results: page.map((o) => present(o, names)) };
    if (next) {
      const query = new URLSearchParams(ctx.query);
      query.set('after', next.id);
      const link = `http://${ctx.headers.host}${ctx.path}?${query}`;
      body.paging = { next: { after: next.id, link } };
    }
    return ctx.json(body);
  };

  const getOne = (ctx: SandboxContext, type: HubspotObjectType) => {
    const id = ctx.params.id as string;
    const idProperty = ctx.query.get('idProperty');
    const archived = ctx.query.get('archived') === 'true';
    const object = idProperty ? store.findBy(type, idProperty, id) : store.get(type, id, archived);
    // the 404 body is a field report (docs/vendor-apis.md 1.6)
    if (!object) return ctx.json(errorBody(ctx, 'OBJECT_NOT_FOUND', 'resource not found'), 404);
    return ctx.json(present(object, registry.returned(type, csv(ctx.query.get('properties')))));
  };

  const batchRead = (ctx: SandboxContext, type: HubspotObjectType) => {
    const parsed = batchInputs(ctx);
    if ('refused' in parsed) return parsed.refused;
    const body = ctx.body as { properties?: string[]; idProperty?: string };
    const archived = ctx.query.get('archived') === 'true';
    const startedAt = api.now().toISOString();
    const found: HubspotObject[] = [];
    const missing: string[] = [];
    for (const input of parsed.inputs) {
      const id = String(input.id ?? '');
      const object = body.idProperty
        ? store.findBy(type, body.idProperty, id)
        : store.get(type, id, archived);
      if (object) found.push(object);
      else missing.push(id);
    }
    const names = registry.returned(type, body.properties);
    const answer: Record<string, unknown> = {
      status: 'COMPLETE',
      results: found.map((o) => present(o, names)),
      startedAt,
      completedAt: api.now().toISOString(),
    };
    if (missing.length === 0) return ctx.json(answer);
    // the message and the ids context are field reports (unverified)
    answer.numErrors = 1;
    answer.errors = [
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: `Could not get some ${LABEL[type]} objects, they may be deleted or not exist. Check that ids are valid.`,
        context: { ids: missing },
      },
    ];
    return ctx.json(answer, 207);
  };

  return [
    objectRoute(api, 'GET', '', { access: 'read' }, list),
    objectRoute(api, 'POST', '/batch/read', { access: 'read' }, batchRead),
    objectRoute(api, 'GET', '/:id', { access: 'read' }, getOne),
  ];
}

/** The index of the first object whose numeric id is >= `id` (objects are in id order). */
function firstAtOrAfter(objects: HubspotObject[], id: number): number {
  let low = 0;
  let high = objects.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (Number((objects[mid] as HubspotObject).id) < id) low = mid + 1;
    else high = mid;
  }
  return low;
}
