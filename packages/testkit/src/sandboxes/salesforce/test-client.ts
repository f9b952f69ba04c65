/** Test support: a minimal Salesforce REST client over fetch, for the sandbox's own tests. */
import type { SalesforceSandbox } from './types.ts';

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

/** POSTs a form to the token endpoint. */
export async function requestToken(
  sandbox: SalesforceSandbox,
  form: Record<string, string>,
): Promise<Answer> {
  return answer(
    await fetch(`${sandbox.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    }),
  );
}

/** A client holding a token from the client_credentials grant. */
export async function connect(sandbox: SalesforceSandbox) {
  const { clientId, clientSecret } = sandbox.credentials;
  const token = await requestToken(sandbox, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
  const accessToken = (token.body as { access_token: string }).access_token;
  const send = async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    answer(
      await fetch(`${sandbox.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      }),
    );
  return {
    accessToken,
    get: (path: string, headers?: Record<string, string>) =>
      send('GET', path, headers ? { headers } : {}),
    query: (soql: string, headers?: Record<string, string>) =>
      send(
        'GET',
        `/services/data/v60.0/query?q=${encodeURIComponent(soql)}`,
        headers ? { headers } : {},
      ),
    upsert: (sobject: string, field: string, body: unknown) =>
      send('PATCH', `/services/data/v60.0/composite/sobjects/${sobject}/${field}`, { body }),
  };
}

/** Upsert input records of one type, with their attributes. */
export const typed = (type: string, records: Record<string, unknown>[]) =>
  records.map((r) => ({ attributes: { type }, ...r }));
