/**
 * `POST /jsonrpc`: the JSON-RPC 2.0 envelope (the envelope `method` is ignored, `params` must be
 * an object, `id` is echoed), the services `common` (version, login, authenticate), `object`
 * (execute_kw, execute) and `db` (list, server_version), and errors as HTTP 200 answers. There
 * is no session: every `execute_kw` carries db, uid and password or API key, checked each time.
 *
 * Sources: odoo/odoo 17.0 `odoo/http.py` (`JsonRPCDispatcher`), `odoo/addons/base/controllers/rpc.py`,
 * `odoo/service/common.py` (login returns False on bad credentials), `odoo/service/model.py`;
 * https://www.odoo.com/documentation/18.0/developer/reference/external_api.html (Logging in,
 * Calling methods); docs/vendor-apis.md sections 4.1, 4.2 and 4.5.
 */
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext } from '../../sandbox/types.ts';
import type { OdooDb } from './database.ts';
import { execute } from './methods.ts';
import { accessDenied, OdooError } from './odoo-error.ts';
import type { OdooUser } from './types.ts';

export interface RpcState {
  db: OdooDb;
  database: string;
  users: OdooUser[];
}

const VERSION = {
  server_version: '17.0',
  server_version_info: [17, 0, 0, 'final', 0, ''],
  server_serie: '17.0',
  protocol_version: 1,
};

/** Answers one JSON-RPC request. */
export function jsonRpc(ctx: SandboxContext, state: RpcState): Reply {
  const type = String(ctx.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim();
  if (type !== 'application/json' && type !== 'application/json-rpc')
    return badRequest(
      `Request inferred type is compatible with ['http'] but /jsonrpc is type=json.`,
    );
  if (ctx.body === undefined) return badRequest('Invalid JSON data');
  const envelope = ctx.body as { id?: unknown; params?: unknown };
  const id = isObject(envelope) ? (envelope.id ?? null) : null;
  try {
    if (!isObject(envelope))
      throw new OdooError(
        'builtins.AttributeError',
        `'${pythonType(envelope)}' object has no attribute 'get'`,
      );
    const params = envelope.params ?? {};
    if (!isObject(params))
      throw new OdooError('builtins.TypeError', `'${pythonType(params)}' object is not a mapping`);
    const { service, method, args } = params as {
      service?: unknown;
      method?: unknown;
      args?: unknown;
    };
    if (typeof service !== 'string' || typeof method !== 'string')
      throw new OdooError(
        'builtins.TypeError',
        "jsonrpc() missing required positional arguments: 'service' and 'method'",
      );
    const rejects = (values: unknown) => ctx.rejects(values);
    const result = dispatch(state, service, method, Array.isArray(args) ? args : [], rejects);
    return ctx.json({ jsonrpc: '2.0', id, result });
  } catch (error) {
    if (!(error instanceof OdooError)) throw error;
    return ctx.json({ jsonrpc: '2.0', id, error: error.toRpc() });
  }
}

function dispatch(
  state: RpcState,
  service: string,
  method: string,
  args: unknown[],
  rejects: (values: unknown) => string | undefined,
): unknown {
  if (service === 'common') {
    if (method === 'version') return VERSION;
    if (method === 'login' || method === 'authenticate') {
      if (args.length < 3)
        throw new OdooError(
          'builtins.TypeError',
          `exp_${method}() missing required positional arguments`,
        );
      requireDatabase(state, args[0]);
      return findUser(state, args[1], args[2])?.id ?? false;
    }
    throw new OdooError('builtins.KeyError', `'exp_${method}'`);
  }
  if (service === 'db') {
    if (method === 'list') return [state.database];
    if (method === 'server_version') return VERSION.server_version;
    throw new OdooError('builtins.KeyError', `'exp_${method}'`);
  }
  if (service === 'object') {
    if (method !== 'execute_kw' && method !== 'execute')
      throw new OdooError('builtins.NameError', `Method not available ${method}`);
    const [database, uid, key, model, name, ...rest] = args;
    requireDatabase(state, database);
    const user = state.users.find((u) => u.id === uid && (u.password === key || u.apiKey === key));
    if (typeof uid !== 'number' || !user) throw accessDenied();
    if (typeof model !== 'string' || typeof name !== 'string')
      throw new OdooError(
        'builtins.TypeError',
        'execute_kw() needs a model name and a method name',
      );
    const positional = method === 'execute_kw' ? (rest[0] ?? []) : rest;
    const kwargs = method === 'execute_kw' ? (rest[1] ?? {}) : {};
    if (!isObject(kwargs))
      throw new OdooError(
        'builtins.TypeError',
        `argument after ** must be a mapping, not ${pythonType(kwargs)}`,
      );
    return execute({
      db: state.db,
      user,
      model,
      method: name,
      args: positional as unknown[],
      kwargs,
      rejects,
    });
  }
  throw new OdooError('builtins.NameError', `Unknown service ${service}`);
}

/** Odoo opens the database before anything else; an unknown one fails in psycopg2. */
function requireDatabase(state: RpcState, database: unknown): void {
  if (database !== state.database)
    throw new OdooError(
      'psycopg2.OperationalError',
      `connection to server failed: FATAL:  database "${String(database)}" does not exist`,
    );
}

/** A user whose login and password (or API key) match; Odoo's login answers false otherwise. */
function findUser(state: RpcState, login: unknown, secret: unknown): OdooUser | undefined {
  return state.users.find(
    (u) =>
      u.login === login &&
      typeof secret === 'string' &&
      (u.password === secret || u.apiKey === secret),
  );
}

function badRequest(description: string): Reply {
  return {
    status: 400,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>${description}</p>\n`,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pythonType(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'NoneType';
  return typeof value === 'string' ? 'str' : typeof value === 'number' ? 'int' : typeof value;
}
