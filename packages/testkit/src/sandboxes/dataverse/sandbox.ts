/**
 * A Microsoft Dataverse (Dynamics 365) environment on 127.0.0.1: an Entra ID token endpoint and
 * the Web API (OData v4) for accounts and contacts, with seeded data, change tracking, upserts
 * by key or alternate key, and Dataverse's error bodies, on the shared sandbox base (faults,
 * request log, cleanup when the test ends).
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors
 * - https://learn.microsoft.com/power-apps/developer/data-platform/authenticate-oauth
 * - https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
 */
import { seededRandom } from '../../sandbox/random.ts';
import { createSandbox } from '../../sandbox/sandbox.ts';
import { Entra } from './entra.ts';
import { CODES } from './odata.ts';
import { webApiRoutes } from './routes.ts';
import { guidFrom, seedAccounts, seedContacts } from './seed.ts';
import { serviceProtectionBody } from './service-protection.ts';
import { DataverseStore } from './store.ts';
import { TABLES } from './tables.ts';
import type { DataverseAdmin, DataverseSandbox, DataverseSandboxOptions } from './types.ts';

export async function startDataverseSandbox(
  options: DataverseSandboxOptions = {},
): Promise<DataverseSandbox> {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? (() => new Date());
  const store = new DataverseStore(Object.values(TABLES), clock);
  const accounts = seedAccounts(options.accounts ?? 24, seed);
  store.load('accounts', accounts);
  store.load(
    'contacts',
    seedContacts(
      options.contacts ?? 36,
      seed,
      accounts.map((a) => String(a.accountid)),
    ),
  );

  const random = seededRandom(seed + 99);
  const tenantId = options.tenantId ?? guidFrom(random);
  const entra = new Entra({
    tenantId,
    clientId: options.clientId ?? guidFrom(random),
    clientSecret: options.clientSecret ?? 'sandbox~client.secret-0123456789abcdef',
    lifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    clock,
  });
  const ids = {
    userId: guidFrom(random),
    businessUnitId: guidFrom(random),
    organizationId: guidFrom(random),
  };

  const sandbox = await createSandbox({
    name: 'dataverse',
    seed,
    ...(options.faults ? { faults: options.faults } : {}),
    auth: {
      check: (ctx) => entra.accepts(ctx),
      // Dataverse's 401 carries no documented body; the challenge names the authority (unverified)
      headers: {
        'www-authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/${tenantId}/oauth2/authorize`,
        'odata-version': '4.0',
      },
    },
    bodies: {
      rateLimited: () => serviceProtectionBody('requests'),
      serverError: () => ({
        error: { code: CODES.generic, message: 'An unexpected error occurred.' },
      }),
      unauthorized: () => undefined,
      notFound: (ctx) => ({
        error: {
          code: CODES.segmentNotFound,
          message: `Resource not found for the segment '${ctx.path.split('/').at(-1)}'.`,
        },
      }),
    },
    routes: [entra.route(), ...webApiRoutes(store, ids)],
  });

  const admin: DataverseAdmin = {
    rows: (set) => store.rows(set).map((row) => ({ ...row })),
    get: (set, id) => {
      const row = store.get(set, id);
      return row && { ...row };
    },
    create: (set, values) => ({ ...store.insert(set, values) }),
    update: (set, id, values) => ({ ...store.update(set, id, values) }),
    delete: (set, id) => store.remove(set, id),
    get version() {
      return store.version;
    },
  };
  return {
    sandbox,
    url: sandbox.url,
    tokenUrl: `${sandbox.url}/${tenantId}/oauth2/v2.0/token`,
    tenantId,
    clientId: entra.options.clientId,
    clientSecret: entra.options.clientSecret,
    admin,
    get tokensIssued() {
      return entra.issued;
    },
    close: () => sandbox.close(),
  };
}
