/**
 * A local Salesforce org for tests: the OAuth token endpoint, SOQL queries with query-locator
 * paging, sObject Collections upsert by external id, session timeouts (401 INVALID_SESSION_ID),
 * the org's API request limit (403 REQUEST_LIMIT_EXCEEDED, Sforce-Limit-Info on every REST
 * answer) and the shared fault injection of createSandbox, in Salesforce's wire format.
 * The token endpoint and the API share the sandbox's URL (it is both login host and instance).
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm
 * See docs/vendor-apis.md section 2 for the rest of the sources.
 */
import { seededRandom } from '../../sandbox/random.ts';
import { createSandbox } from '../../sandbox/sandbox.ts';
import type { SandboxContext } from '../../sandbox/types.ts';
import { createAdmin } from './admin.ts';
import { NOT_FOUND } from './errors.ts';
import { ApiUsage } from './limits.ts';
import { Sessions, tokenHandler } from './oauth.ts';
import { queryHandlers } from './query.ts';
import { seed } from './seed.ts';
import { RecordStore } from './store.ts';
import type { SalesforceSandbox, SalesforceSandboxOptions } from './types.ts';
import { apiVersion, upsertHandler } from './upsert.ts';

const TWO_HOURS = 2 * 60 * 60 * 1000;
/** The API versions the sandbox answers to (v20.0 to v66.0); others are 404 NOT_FOUND. */
const VERSIONS = { min: 20, max: 66 };

export async function startSalesforceSandbox(
  options: SalesforceSandboxOptions = {},
): Promise<SalesforceSandbox> {
  const credentials = {
    clientId: options.clientId ?? '3MVG9sandbox.ferry.test.client',
    clientSecret: options.clientSecret ?? 'sandbox-client-secret-0123456789',
    refreshToken: options.refreshToken ?? '5Aep861sandbox.refresh.token.0123456789',
  };
  const now = options.now ?? Date.now;
  const store = new RecordStore(now);
  seed(store, options.seed);
  const usage = new ApiUsage(options.apiUsed ?? 0, options.apiLimit ?? 15_000);
  const sessions = new Sessions(
    now,
    options.sessionTimeoutMs ?? TWO_HOURS,
    seededRandom(options.randomSeed ?? 1),
  );
  const queries = queryHandlers(store, {
    min: options.batchSize?.min ?? 200,
    max: options.batchSize?.max ?? 2000,
    default: options.batchSize?.default ?? 2000,
  });
  const upsert = upsertHandler(store);
  let url = '';

  // every REST call: a known API version, then the org's request limit
  const api = (handler: (ctx: SandboxContext) => ReturnType<typeof upsert>) =>
    usage.guard((ctx) => {
      const version = apiVersion(ctx.params.version as string);
      return version >= VERSIONS.min && version <= VERSIONS.max ? handler(ctx) : NOT_FOUND();
    });

  const sandbox = await createSandbox({
    name: 'salesforce',
    ...(options.randomSeed === undefined ? {} : { seed: options.randomSeed }),
    faults: usage.withHeaders(options.faults ?? {}),
    auth: {
      check(ctx) {
        const token = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(String(ctx.headers.authorization ?? ''));
        return token !== null && sessions.valid(token[1] as string);
      },
      headers: usage.liveHeaders({ 'www-authenticate': 'Token' }),
    },
    bodies: {
      unauthorized: () => [
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
      ],
      // Salesforce has no per-second REST limit; an injected 429 stands for a proxy or gateway
      rateLimited: () => [{ message: 'Too Many Requests', errorCode: 'TOO_MANY_REQUESTS' }],
      serverError: (_ctx, status) =>
        status === 503
          ? [{ message: 'Service Unavailable', errorCode: 'SERVER_UNAVAILABLE' }]
          : [
              {
                message:
                  'An unexpected error occurred. Please include this ErrorId if you contact support: 1849570327-58342 (-1275318394)',
                errorCode: 'UNKNOWN_EXCEPTION',
              },
            ],
      notFound: () => [
        { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' },
      ],
    },
    routes: [
      {
        method: 'POST',
        path: '/services/oauth2/token',
        public: true,
        handler: tokenHandler(
          { ...credentials, clientCredentials: options.clientCredentials ?? true },
          sessions,
          () => url,
        ),
      },
      { method: 'GET', path: '/services/data/:version/query', handler: api(queries.query) },
      { method: 'GET', path: '/services/data/:version/query/:locator', handler: api(queries.more) },
      {
        method: 'PATCH',
        path: '/services/data/:version/composite/sobjects/:sobject/:field',
        handler: api(upsert),
      },
    ],
  });
  url = sandbox.url;

  return {
    ...sandbox,
    faults: {
      set: (partial) => sandbox.faults.set(usage.withHeaders(partial)),
      reset: () => sandbox.faults.reset(),
      get current() {
        return sandbox.faults.current;
      },
    },
    admin: createAdmin(store, usage, sessions),
    credentials,
  };
}
