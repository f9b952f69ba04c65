import type { HttpRequest } from '@ferry/sdk';
import { setAt } from '../read/inject.ts';
import { raceSignal } from './abort.ts';
import { oauth2Token } from './oauth2.ts';
import { appendQuery, type PreparedRequest } from './prepare.ts';
import type { Redactor } from './redact.ts';
import type { FerryHttpResponse } from './response.ts';
import { sessionToken } from './session.ts';
import type { HttpClientOptions, ResolvedAuth } from './types.ts';

/** What auth adds to a request. Header names are lower case. */
export interface Credentials {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** `name=value`, appended to the request's Cookie header. */
  cookie?: string;
  /** A value placed inside the JSON body (session auth of JSON-RPC APIs). */
  body?: { path: (string | number)[]; value: unknown };
  /** `performance.now()` when obtained; static credentials have -Infinity. */
  obtainedAt: number;
}

export interface AuthProvider {
  credentials(signal?: AbortSignal): Credentials | Promise<Credentials>;
  /** Token auth: forget `used` after a 401, so the next call obtains new credentials. */
  invalidate?(used: Credentials): void;
}

/** A token fetched from a token endpoint or a login, and how long it lasts. */
export interface Token {
  credentials: Omit<Credentials, 'obtainedAt'>;
  lifetimeMs?: number;
}

/** What auth providers need from their client. */
export interface AuthDeps {
  readonly connector: string;
  readonly redactor: Redactor;
  redact(text: string): string;
  /**
   * Sends a request without auth and without error rules; host checks, the rate limit,
   * timeouts and retries apply. Non-2xx answers are returned, not thrown.
   */
  send(request: HttpRequest, options: { withDefaults: boolean }): Promise<FerryHttpResponse>;
  readonly log: HttpClientOptions['log'];
}

/**
 * How long before its expiry a token is renewed: 30 s, or half its lifetime when that is
 * shorter, so a token that lives 1 s is used for 0.5 s rather than never.
 */
export function refreshSkewMs(lifetimeMs: number): number {
  return Math.min(30_000, lifetimeMs / 2);
}

/**
 * Caches a token until shortly before it expires. Concurrent callers share one in-flight
 * fetch; an abort stops only the caller's wait, not the shared fetch. A failed fetch is not
 * cached: the next caller tries again.
 */
export class TokenSource implements AuthProvider {
  readonly #fetch: () => Promise<Token>;
  #current: Credentials | undefined;
  #renewAt = Number.POSITIVE_INFINITY;
  #inflight: Promise<Credentials> | undefined;

  constructor(fetch: () => Promise<Token>) {
    this.#fetch = fetch;
  }

  credentials(signal?: AbortSignal): Credentials | Promise<Credentials> {
    const current = this.#current;
    if (current !== undefined && performance.now() < this.#renewAt) return current;
    this.#inflight ??= this.#obtain().finally(() => {
      this.#inflight = undefined;
    });
    return raceSignal(this.#inflight, signal);
  }

  invalidate(used: Credentials): void {
    if (this.#current === used) this.#current = undefined;
  }

  async #obtain(): Promise<Credentials> {
    this.#current = undefined;
    const token = await this.#fetch();
    const obtainedAt = performance.now();
    const lifetime = token.lifetimeMs;
    this.#renewAt =
      lifetime === undefined || !Number.isFinite(lifetime)
        ? Number.POSITIVE_INFINITY
        : obtainedAt + lifetime - refreshSkewMs(lifetime);
    this.#current = { ...token.credentials, obtainedAt };
    return this.#current;
  }
}

function fixed(credentials: Omit<Credentials, 'obtainedAt'>): AuthProvider {
  const value: Credentials = { ...credentials, obtainedAt: Number.NEGATIVE_INFINITY };
  return { credentials: () => value };
}

/** The provider for a connection's resolved auth; `undefined` for `none`. */
export function createAuth(auth: ResolvedAuth, deps: AuthDeps): AuthProvider | undefined {
  switch (auth.type) {
    case 'none':
      return undefined;
    case 'api-key':
      deps.redactor.add(auth.value);
      return fixed(
        auth.in === 'header'
          ? { headers: { [auth.name.toLowerCase()]: auth.value } }
          : { query: { [auth.name]: auth.value } },
      );
    case 'bearer':
      deps.redactor.add(auth.token);
      return fixed({ headers: { authorization: `Bearer ${auth.token}` } });
    case 'basic': {
      const encoded = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
      deps.redactor.add(auth.password);
      deps.redactor.add(encoded);
      return fixed({ headers: { authorization: `Basic ${encoded}` } });
    }
    case 'oauth2':
      return new TokenSource(oauth2Token(auth, deps));
    case 'session':
      return new TokenSource(sessionToken(auth, deps));
  }
}

/**
 * Adds credentials to a prepared request, in place (the request belongs to one call): auth
 * headers win over request headers, auth query parameters are set on the URL, a session
 * cookie is appended to the request's own cookies (`baseCookie`).
 */
export function applyCredentials(
  request: PreparedRequest,
  credentials: Credentials,
  baseUrl: string,
  baseCookie: string | undefined,
): void {
  if (credentials.headers !== undefined) Object.assign(request.headers, credentials.headers);
  if (credentials.query !== undefined) {
    request.url = appendQuery(baseUrl, credentials.query);
    request.responseUrl = baseUrl;
  }
  if (credentials.body !== undefined && request.body !== undefined) {
    const { path, value } = credentials.body;
    request.body = JSON.stringify(setAt(JSON.parse(request.body), path, value));
  }
  if (credentials.cookie !== undefined) {
    request.headers.cookie =
      baseCookie === undefined ? credentials.cookie : `${baseCookie}; ${credentials.cookie}`;
  }
}
