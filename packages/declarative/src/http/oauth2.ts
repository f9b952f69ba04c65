import { engineErrors } from '../errors.ts';
import type { AuthDeps, Token } from './auth.ts';
import { authError } from './failures.ts';
import { isSuccess } from './response.ts';
import type { ResolvedAuth } from './types.ts';

type OAuth2 = Extract<ResolvedAuth, { type: 'oauth2' }>;

/** Reads a dot path (`data.token`) from a parsed body. */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A token response as an object: JSON, or a form-encoded body (some older providers). */
function tokenBody(parsed: unknown): unknown {
  if (typeof parsed !== 'string') return parsed;
  return Object.fromEntries(new URLSearchParams(parsed.trim()));
}

/**
 * Fetches OAuth2 tokens with the client_credentials or refresh_token grant: a form POST to
 * the token URL, client credentials in the body or as HTTP basic auth, scopes joined by a
 * space. The token and its lifetime (seconds) are read at `tokenPath` and `expiresInPath`; a
 * rotated `refresh_token` in the answer replaces the old one in memory. Every credential is
 * added to the redactor.
 */
export function oauth2Token(auth: OAuth2, deps: AuthDeps): () => Promise<Token> {
  let refreshToken = auth.refreshToken;
  const { redactor } = deps;
  redactor.add(auth.clientSecret);
  redactor.add(refreshToken);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth.credentialsIn === 'basic') {
    const encoded = Buffer.from(`${auth.clientId ?? ''}:${auth.clientSecret ?? ''}`).toString(
      'base64',
    );
    redactor.add(encoded);
    headers.authorization = `Basic ${encoded}`;
  }
  const tokenPath = auth.tokenPath || 'access_token';
  const expiresInPath = auth.expiresInPath || 'expires_in';

  return async () => {
    const form: Record<string, string> = { ...auth.extraParams, grant_type: auth.grant };
    if (auth.grant === 'refresh_token') {
      if (refreshToken === undefined || refreshToken === '') {
        throw engineErrors.create(
          'FERRY_AUTH_FAILED',
          `connector "${deps.connector}": OAuth2 refresh_token grant without a refresh token`,
          { hint: 'Set the refresh token in the connection config.' },
        );
      }
      form.refresh_token = refreshToken;
    }
    if (auth.credentialsIn !== 'basic') {
      if (auth.clientId !== undefined) form.client_id = auth.clientId;
      if (auth.clientSecret !== undefined) form.client_secret = auth.clientSecret;
    }
    if (auth.scopes !== undefined && auth.scopes.length > 0) form.scope = auth.scopes.join(' ');

    const response = await deps.send(
      { method: 'POST', url: auth.tokenUrl, form, headers },
      { withDefaults: false },
    );
    if (!isSuccess(response.status))
      throw authError(deps, 'the OAuth2 token endpoint', 'POST', response);
    const body = tokenBody(response.parsedBody());
    const token = readPath(body, tokenPath);
    if ((typeof token !== 'string' && typeof token !== 'number') || token === '') {
      throw engineErrors.create(
        'FERRY_AUTH_FAILED',
        `connector "${deps.connector}": the OAuth2 token response of POST ${redactor.redact(response.url)} has no token at "${tokenPath}"`,
        { hint: 'Check `tokenPath` in the auth settings against what the token endpoint returns.' },
      );
    }
    const accessToken = String(token);
    redactor.add(accessToken);
    const rotated = readPath(body, 'refresh_token');
    if (typeof rotated === 'string' && rotated !== '') {
      redactor.add(rotated);
      refreshToken = rotated;
    }
    const rawExpiresIn = readPath(body, expiresInPath);
    const expiresIn =
      rawExpiresIn === null || rawExpiresIn === '' ? Number.NaN : Number(rawExpiresIn);
    const lifetimeMs = Number.isFinite(expiresIn) && expiresIn >= 0 ? expiresIn * 1000 : undefined;
    deps.log?.('debug', `connector "${deps.connector}": obtained an OAuth2 access token`, {
      connector: deps.connector,
      grant: auth.grant,
      expiresInMs: lifetimeMs,
    });
    const result: Token = { credentials: { headers: { authorization: `Bearer ${accessToken}` } } };
    if (lifetimeMs !== undefined) result.lifetimeMs = lifetimeMs;
    return result;
  };
}
