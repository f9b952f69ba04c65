import { engineErrors } from '../errors.ts';
import type { AuthDeps, Credentials, Token } from './auth.ts';
import { authError } from './failures.ts';
import { isSuccess } from './response.ts';
import type { ResolvedAuth } from './types.ts';

type Session = Extract<ResolvedAuth, { type: 'session' }>;

/**
 * Logs in for session auth: sends the login request (with the client's defaults, without
 * auth), reads the token with `token(...)`, renders the injected value with `inject.value`
 * and injects it as a header, a query parameter, a cookie or a value inside the JSON body. The session lasts `expiresInMs`
 * when given (renewed a little early, like OAuth2 tokens), else until the API answers 401.
 */
export function sessionToken(auth: Session, deps: AuthDeps): () => Promise<Token> {
  return async () => {
    const method = auth.login.method ?? 'GET';
    const response = await deps.send(auth.login, { withDefaults: true });
    if (!isSuccess(response.status)) throw authError(deps, 'the login request', method, response);
    const raw = await auth.token({ response: response.parsedBody(), headers: response.headers });
    if (raw === undefined || raw === null || raw === '' || raw === false) {
      throw engineErrors.create(
        'FERRY_AUTH_FAILED',
        `connector "${deps.connector}": the login response of ${method} ${deps.redactor.redact(response.url)} has no session token (got ${JSON.stringify(raw)})`,
        { hint: 'Check the session `token` expression against what the login request returns.' },
      );
    }
    const value = await auth.inject.value(auth.inject.in === 'body' ? raw : String(raw));
    if (auth.inject.secret) {
      deps.redactor.add(String(raw));
      deps.redactor.add(String(value));
    }
    deps.log?.('debug', `connector "${deps.connector}": logged in for a new session`, {
      connector: deps.connector,
    });
    const result: Token = { credentials: inject(auth.inject, value) };
    if (auth.expiresInMs !== undefined) result.lifetimeMs = auth.expiresInMs;
    return result;
  };
}

function inject(where: Session['inject'], value: unknown): Omit<Credentials, 'obtainedAt'> {
  switch (where.in) {
    case 'header':
      return { headers: { [where.name.toLowerCase()]: String(value) } };
    case 'query':
      return { query: { [where.name]: String(value) } };
    case 'cookie':
      return { cookie: `${where.name}=${String(value)}` };
    case 'body':
      return { body: { path: where.path ?? [where.name], value } };
  }
}
