/**
 * Test support for the Odoo sandbox's own tests: JSON-RPC calls with fetch, as an external
 * client sends them (https://www.odoo.com/documentation/18.0/developer/reference/external_api.html).
 */
import type { OdooSandbox } from './types.ts';

export interface RpcAnswer {
  jsonrpc: string;
  id: unknown;
  result?: unknown;
  error?: { code: number; message: string; data: { name: string; message: string; debug: string } };
}

export function rpcClient(odoo: OdooSandbox) {
  let id = 0;
  const call = async (service: string, method: string, args: unknown[]): Promise<RpcAnswer> => {
    const response = await fetch(`${odoo.url}/jsonrpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        method: 'call',
        id: ++id,
        params: { service, method, args },
      }),
    });
    if (response.status !== 200)
      throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    return (await response.json()) as RpcAnswer;
  };
  const { database, user } = odoo;
  /** execute_kw as the sandbox's first user, with its API key. */
  const kw = (
    model: string,
    method: string,
    args: unknown[],
    kwargs: Record<string, unknown> = {},
  ) => call('object', 'execute_kw', [database, user.id, user.apiKey, model, method, args, kwargs]);
  /** The result of an execute_kw call that must succeed. */
  const ok = async <T = unknown>(...params: Parameters<typeof kw>): Promise<T> => {
    const answer = await kw(...params);
    if (answer.error) throw new Error(`${answer.error.data.name}: ${answer.error.data.message}`);
    return answer.result as T;
  };
  return { call, kw, ok };
}
