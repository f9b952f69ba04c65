// Test support for OAuth2: a token endpoint and an API on one real local server.
import { type SeenRequest, sendJson, startServer } from './test-server.ts';
import type { ResolvedAuth } from './types.ts';

export type OAuth2 = Extract<ResolvedAuth, { type: 'oauth2' }>;

/** A token endpoint at /token and an API at /api that accepts the tokens in `valid`. */
export async function oauthServer(options: {
  expiresIn?: number;
  token?: (n: number, req: SeenRequest) => Record<string, unknown>;
  tokenStatus?: number;
  /** False: the API answers 401 to every token. */
  accept?: boolean;
}) {
  const valid = new Set<string>();
  let issued = 0;
  const server = await startServer((req, res) => {
    if (req.url.startsWith('/token')) {
      if (options.tokenStatus !== undefined) {
        return sendJson(res, options.tokenStatus, { error: 'invalid_client', echo: req.body });
      }
      issued++;
      const token = `tok-${issued}`;
      valid.add(token);
      const body = options.token?.(issued, req) ?? {
        access_token: token,
        expires_in: options.expiresIn,
      };
      return sendJson(res, 200, body);
    }
    const auth = req.headers.authorization ?? '';
    if (options.accept === false || !valid.has(auth.replace(/^Bearer /, ''))) {
      return sendJson(res, 401, { message: 'expired' });
    }
    sendJson(res, 200, { auth });
  });
  const tokenRequests = () => server.requests.filter((r) => r.url.startsWith('/token'));
  return { server, valid, tokenRequests };
}

export function oauth(url: string, extra: Partial<OAuth2> = {}): OAuth2 {
  return {
    type: 'oauth2',
    grant: 'client_credentials',
    tokenUrl: `${url}/token`,
    clientId: 'id-1',
    clientSecret: 'cs-secret',
    credentialsIn: 'body',
    tokenPath: 'access_token',
    expiresInPath: 'expires_in',
    ...extra,
  };
}
