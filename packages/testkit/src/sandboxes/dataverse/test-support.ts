// Test support: a Dataverse sandbox with a token already fetched, and a fetch helper that sends
// the headers the Web API docs put on every request.
import { startDataverseSandbox } from './sandbox.ts';
import type { DataverseSandbox, DataverseSandboxOptions } from './types.ts';

export interface Connected extends DataverseSandbox {
  token: string;
  /** A request to `${url}/api/data/v9.2/${path}` (or an absolute URL) with the bearer token. */
  api(
    path: string,
    init?: { method?: string; headers?: Record<string, string>; json?: unknown },
  ): Promise<Response>;
  /** The parsed JSON body of a GET that must succeed. */
  getJson<T = Record<string, unknown>>(path: string, headers?: Record<string, string>): Promise<T>;
}

export async function tokenFor(dv: DataverseSandbox, form: Record<string, string> = {}) {
  return fetch(dv.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: dv.clientId,
      client_secret: dv.clientSecret,
      scope: `${dv.url}/.default`,
      ...form,
    }),
  });
}

export async function connect(options: DataverseSandboxOptions = {}): Promise<Connected> {
  const dv = await startDataverseSandbox(options);
  const token = ((await (await tokenFor(dv)).json()) as { access_token: string }).access_token;
  const api: Connected['api'] = (path, init = {}) =>
    fetch(path.startsWith('http') ? path : `${dv.url}/api/data/v9.2/${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'odata-maxversion': '4.0',
        'odata-version': '4.0',
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  const getJson = async <T>(path: string, headers: Record<string, string> = {}) => {
    const response = await api(path, { headers });
    if (response.status !== 200)
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return Object.assign(dv, { token, api, getJson }) as Connected;
}
