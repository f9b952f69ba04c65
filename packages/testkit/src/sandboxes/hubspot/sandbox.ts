// A local HubSpot CRM v3 objects API: contacts, companies, deals and products with list, get,
// search and batch read/create/update/upsert/archive, private-app bearer auth, HubSpot's error
// bodies, per-token rate limits with their headers, and seeded data. What it follows and what it
// chose where the docs are silent: docs/vendor-apis.md section 1, which cites
// https://developers.hubspot.com/docs/guides/crm/using-object-apis,
// https://developers.hubspot.com/docs/api-reference/search/guide,
// https://developers.hubspot.com/docs/api-reference/error-handling and
// https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
import { createSandbox } from '../../sandbox/sandbox.ts';
import { createAdmin } from './admin.ts';
import type { HubspotApi } from './api.ts';
import { errorBody, rateLimitedBody, unauthorizedBody } from './bodies.ts';
import { TokenLimits } from './limits.ts';
import { PropertyRegistry } from './properties.ts';
import { readRoutes } from './read-routes.ts';
import { searchRoute } from './search.ts';
import { seed } from './seed.ts';
import { ObjectStore } from './store.ts';
import type { HubspotSandbox, HubspotSandboxOptions } from './types.ts';
import { writeRoutes } from './write-routes.ts';

export const DEFAULT_HUBSPOT_TOKEN = 'pat-na1-sandbox-token';

/**
 * Starts the sandbox on 127.0.0.1 and a free port. Inside a vitest test it closes when the test
 * ends; elsewhere call `close()`.
 */
export async function startHubspotSandbox(
  options: HubspotSandboxOptions = {},
): Promise<HubspotSandbox> {
  const token = options.token ?? DEFAULT_HUBSPOT_TOKEN;
  const now = options.now ?? (() => new Date());
  const registry = new PropertyRegistry(options.properties);
  const store = new ObjectStore(registry, now);
  seed(store, options.counts ?? {}, options.seed ?? 1);
  const api: HubspotApi = {
    store,
    registry,
    limits:
      options.limits === false
        ? undefined
        : new TokenLimits(options.limits ?? {}, () => now().toISOString().slice(0, 10)),
    scopes: options.scopes ? new Set(options.scopes) : undefined,
    indexLagMs: options.indexLagMs ?? 0,
    now,
  };
  const sandbox = await createSandbox({
    name: 'hubspot',
    seed: options.seed,
    faults: options.faults,
    auth: { check: (ctx) => ctx.headers.authorization === `Bearer ${token}` },
    bodies: {
      unauthorized: unauthorizedBody,
      // injected 429s answer as the ten-second limit does
      rateLimited: (ctx) => rateLimitedBody(ctx, 'TEN_SECONDLY_ROLLING'),
      serverError: (ctx) =>
        errorBody(ctx, 'INTERNAL_ERROR', 'internal error', { subCategory: 'SANDBOX_FAULT' }),
      notFound: (ctx) =>
        errorBody(ctx, 'OBJECT_NOT_FOUND', `No route for ${ctx.method} ${ctx.path}`),
    },
    // search before `/:id`, so that POST .../search is not taken for an id
    routes: [searchRoute(api), ...writeRoutes(api), ...readRoutes(api)],
  });
  const limitHits = api.limits?.refused ?? { TEN_SECONDLY_ROLLING: 0, DAILY: 0, SECONDLY: 0 };
  return Object.assign(sandbox, createAdmin(store), { token, limitHits });
}
