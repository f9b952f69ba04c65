// POST /crm/v3/objects/{type}/search. Source: https://developers.hubspot.com/docs/api-reference/search/guide
// (docs/vendor-apis.md 1.3): `{ total, results, paging? }`, limit <= 200 (default 10), `after` an
// integer offset sent as a string, archived objects never found, and "limited to 10,000 total
// results for any given query. Attempting to page beyond 10,000 will result in a 400 error";
// the sandbox refuses when after + limit > 10,000 (the 400's text is undocumented: unverified).
// Matches are sorted once per query and data version, so paging costs a slice.
import type { SandboxContext, SandboxRoute } from '../../sandbox/types.ts';
import { type HubspotApi, objectRoute, present } from './api.ts';
import { errorBody } from './bodies.ts';
import { compileFilters, compileSort } from './search-filter.ts';
import type { HubspotObject, HubspotObjectType } from './types.ts';

export const SEARCH_CAP = 10_000;

/** The properties `query` searches (HubSpot's default searchable properties, abridged). */
const SEARCHABLE: Record<HubspotObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'phone', 'company'],
  companies: ['name', 'domain', 'phone'],
  deals: ['dealname'],
  products: ['name', 'description', 'hs_sku'],
};

interface SearchBody {
  filterGroups?: unknown;
  sorts?: unknown;
  query?: unknown;
  properties?: string[];
  limit?: unknown;
  after?: unknown;
}

export function searchRoute(api: HubspotApi): SandboxRoute {
  const cache = new Map<string, HubspotObject[]>();

  const matches = (type: HubspotObjectType, body: SearchBody): HubspotObject[] | string => {
    const key = JSON.stringify([
      type,
      api.store.version(type),
      body.filterGroups,
      body.sorts,
      body.query,
    ]);
    const cached = api.indexLagMs === 0 ? cache.get(key) : undefined;
    if (cached) return cached;
    const filter = compileFilters(api.registry, type, body.filterGroups);
    if ('problem' in filter) return filter.problem;
    const sort = compileSort(api.registry, type, body.sorts);
    if ('problem' in sort) return sort.problem;
    const text = typeof body.query === 'string' ? body.query.toLowerCase() : undefined;
    if (text !== undefined && text.length > 3000) return 'query is longer than 3,000 characters';
    // objects changed within the index lag are not searchable yet
    const visibleBefore = api.now().getTime() - api.indexLagMs;
    const found = api.store
      .list(type)
      .filter(
        (o) =>
          (api.indexLagMs === 0 || Date.parse(o.updatedAt) <= visibleBefore) &&
          filter.ok(o) &&
          (text === undefined ||
            SEARCHABLE[type].some((p) => o.properties[p]?.toLowerCase().includes(text))),
      )
      .sort(sort.ok);
    if (cache.size >= 32) cache.clear();
    cache.set(key, found);
    return found;
  };

  const search = (ctx: SandboxContext, type: HubspotObjectType) => {
    const body = (ctx.body ?? {}) as SearchBody;
    const refuse = (message: string) => ctx.json(errorBody(ctx, 'VALIDATION_ERROR', message), 400);
    const limit = body.limit === undefined ? 10 : Number(body.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      return refuse(`limit must be 1 to 200, got ${JSON.stringify(body.limit)}`);
    const after = body.after === undefined || body.after === '' ? 0 : Number(body.after);
    if (!Number.isInteger(after) || after < 0)
      return refuse(`after must be formatted as an integer, got ${JSON.stringify(body.after)}`);
    if (after + limit > SEARCH_CAP)
      return refuse(
        `The search endpoints are limited to ${SEARCH_CAP.toLocaleString('en')} total results for any given query: after (${after}) + limit (${limit}) goes beyond it. Narrow the filters to page further.`,
      );
    const found = matches(type, body);
    if (typeof found === 'string') return refuse(found);
    const names = api.registry.returned(type, body.properties);
    const answer: Record<string, unknown> = {
      total: found.length,
      results: found.slice(after, after + limit).map((o) => present(o, names)),
    };
    if (after + limit < found.length) answer.paging = { next: { after: String(after + limit) } };
    return ctx.json(answer);
  };

  return objectRoute(api, 'POST', '/search', { access: 'read', search: true }, search);
}
