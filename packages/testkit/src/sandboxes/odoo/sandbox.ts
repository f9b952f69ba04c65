/**
 * startOdooSandbox: a local Odoo 17 external API (JSON-RPC) on 127.0.0.1, seeded, with the
 * sandbox faults (429 with Retry-After, 5xx bursts, resets...) and an admin API. No HTTP auth:
 * Odoo checks credentials inside each JSON-RPC call, so auth failures are JSON-RPC errors (or
 * `false` from login), never 401s.
 * Sources: https://www.odoo.com/documentation/18.0/developer/reference/external_api.html;
 * odoo/odoo `odoo/http.py`; docs/vendor-apis.md section 4.
 */
import { createSandbox } from '../../sandbox/sandbox.ts';
import { odooAdmin } from './admin.ts';
import { OdooDb } from './database.ts';
import { odooModels } from './models.ts';
import { jsonRpc } from './rpc.ts';
import { seed } from './seed.ts';
import type { OdooSandbox, OdooSandboxOptions, OdooUser } from './types.ts';

/** The default user's API key (a fake, shaped like Odoo's 40-hex-digit keys). */
export const ODOO_SANDBOX_API_KEY = '3f9c1b7e5a2d4c6e8f0a1b2c3d4e5f6a7b8c9d0e';

export async function startOdooSandbox(options: OdooSandboxOptions = {}): Promise<OdooSandbox> {
  const database = options.database ?? 'ferry';
  const users: OdooUser[] = options.users ?? [
    {
      id: 2,
      login: 'admin',
      password: 'admin',
      apiKey: ODOO_SANDBOX_API_KEY,
      name: 'Mitchell Admin',
    },
  ];
  const db = new OdooDb(odooModels(), {
    now: options.clock ?? (() => new Date()),
    creditCheck: false,
  });
  seed(db, options.data ?? 'demo', options.extraPartners ?? 0);
  db.options.creditCheck = options.creditCheck ?? false;
  const state = { db, database, users };
  const sandbox = await createSandbox({
    name: 'odoo',
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.faults ? { faults: options.faults } : {}),
    bodies: {
      // What the proxy in front of Odoo (nginx on Odoo.sh and Odoo Online) sends: text, not JSON-RPC.
      rateLimited: () => '429 Too Many Requests',
      serverError: (_ctx, status) =>
        `${status} ${status === 503 ? 'Service Unavailable' : status === 502 ? 'Bad Gateway' : 'Internal Server Error'}`,
      notFound: () => '404 Not Found: The requested URL was not found on the server.',
    },
    routes: [{ method: 'POST', path: '/jsonrpc', handler: (ctx) => jsonRpc(ctx, state) }],
  });
  const first = users[0] as OdooUser;
  return {
    ...sandbox,
    database,
    user: {
      id: first.id,
      login: first.login,
      password: first.password,
      apiKey: first.apiKey ?? first.password,
    },
    admin: odooAdmin(db),
  };
}
