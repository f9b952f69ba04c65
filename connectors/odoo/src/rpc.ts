/**
 * Calls Odoo's `object.execute_kw` through the connector's HTTP client (so the host
 * permissions, retries, secret redaction and the session login that injects the uid at
 * params.args[1] all apply), and sorts Odoo's exceptions into what rejects one record and what
 * fails the run.
 * Sources: https://www.odoo.com/documentation/18.0/developer/reference/external_api.html;
 * odoo/odoo `odoo/http.py` (errors inside HTTP 200 answers); docs/vendor-apis.md section 4.5.
 */
import type { ConnectorContext } from '@ferry/sdk';
import type { Config } from './config.ts';
import { odooErrors } from './errors.ts';

export type Ctx = Pick<ConnectorContext<Config>, 'http' | 'config'>;

/** An Odoo exception: its Python class (`odoo.exceptions.ValidationError`) and message. */
export interface OdooFault {
  name: string;
  message: string;
}

export type Outcome<T> = { ok: true; result: T } | { ok: false; fault: OdooFault };

interface RpcBody<T> {
  result?: T;
  error?: { message?: string; data?: { name?: string; message?: string } };
}

export async function callKw<T>(
  ctx: Ctx,
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
): Promise<Outcome<T>> {
  const { db, apiKey } = ctx.config;
  const response = await ctx.http.request({
    method: 'POST',
    url: '/jsonrpc',
    json: {
      jsonrpc: '2.0',
      method: 'call',
      id: 1,
      // args[1] (the uid) is replaced by the session login's answer
      params: {
        service: 'object',
        method: 'execute_kw',
        args: [db, 0, apiKey, model, method, args, kwargs],
      },
    },
  });
  const body = response.json<RpcBody<T>>();
  if (body.error)
    return {
      ok: false,
      fault: {
        name: body.error.data?.name ?? 'unknown',
        message: body.error.data?.message ?? body.error.message ?? 'Odoo Server Error',
      },
    };
  return { ok: true, result: body.result as T };
}

/** A call that must succeed (lookups): any Odoo exception fails the run. */
export async function mustCall<T>(
  ctx: Ctx,
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
): Promise<T> {
  const outcome = await callKw<T>(ctx, model, method, args, kwargs);
  if (!outcome.ok) throw failure(outcome.fault, model, method);
  return outcome.result;
}

/**
 * Exceptions about the record sent: a constraint (ValidationError), a business rule such as a
 * credit hold (UserError), a value Odoo cannot take (ValueError), a record deleted meanwhile
 * (MissingError). Access problems and anything else are about the connection.
 */
export function isRecordFault(fault: OdooFault): boolean {
  return [
    'odoo.exceptions.ValidationError',
    'odoo.exceptions.UserError',
    'odoo.exceptions.MissingError',
    'builtins.ValueError',
  ].includes(fault.name);
}

/** The reason a record is rejected: the exception's class and Odoo's message. */
export const reasonOf = (fault: OdooFault) => `${fault.name.split('.').pop()}: ${fault.message}`;

/** The coded error that fails the run for an exception that is not about one record. */
export function failure(fault: OdooFault, model: string, method: string) {
  const text = `Odoo refused ${model}.${method}: ${fault.name}: ${fault.message}`;
  if (fault.name === 'odoo.exceptions.AccessDenied')
    return odooErrors.create('FERRY_AUTH_FAILED', text);
  if (fault.name === 'odoo.exceptions.AccessError')
    return odooErrors.create('FERRY_ODOO_ACCESS', text);
  return odooErrors.create('FERRY_ODOO_CALL_FAILED', text);
}
