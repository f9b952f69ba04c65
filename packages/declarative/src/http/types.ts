import type { HttpRequest, HttpResponse, QueryValue } from '@ferry/sdk';
import type { MaybePromise } from '../expression/expression.ts';
import type { HeaderLimitOptions } from './header-limit.ts';

/**
 * Auth with every template already rendered from config (the engine renders them once per
 * connection). Session auth keeps two functions: how to read the token from the login response,
 * and how to render the injected value from the token.
 */
export type ResolvedAuth =
  | { type: 'none' }
  | { type: 'api-key'; in: 'header' | 'query'; name: string; value: string }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | {
      type: 'oauth2';
      grant: 'client_credentials' | 'refresh_token';
      tokenUrl: string;
      clientId?: string;
      clientSecret?: string;
      refreshToken?: string;
      scopes?: string[];
      /** Client credentials in the form body (default) or as HTTP basic auth. */
      credentialsIn: 'body' | 'basic';
      extraParams?: Record<string, string>;
      /** Dot path of the token in the token response; default 'access_token'. */
      tokenPath: string;
      /** Dot path of the lifetime in seconds; default 'expires_in'. */
      expiresInPath: string;
    }
  | {
      type: 'session';
      /** The login request, rendered (url may be a path joined to the base URL). */
      login: HttpRequest;
      /** Reads the token from the login response: { response: body, headers }. */
      token: (context: {
        response: unknown;
        headers: Record<string, string>;
      }) => MaybePromise<unknown>;
      /** How long a session lasts; without it, it is renewed only on a 401. */
      expiresInMs?: number;
      inject: {
        in: 'header' | 'query' | 'cookie' | 'body';
        /** Header, query or cookie name. */
        name: string;
        /** For `in: body`: keys and indexes into the JSON body. */
        path?: (string | number)[];
        /** The injected value from the token; a body value keeps its JSON type. */
        value: (token: unknown) => MaybePromise<unknown>;
        /** False for an identifier that is not a credential (Odoo's uid): not redacted. */
        secret: boolean;
      };
    };

/** An error rule with its templates compiled: match by status and/or a body expression. */
export interface CompiledErrorRule {
  statuses?: number[];
  when?: (context: {
    status: number;
    response: unknown;
    headers: Record<string, string>;
  }) => MaybePromise<unknown>;
  action: 'ignore' | 'fail' | 'abort' | 'retry';
  message?: (context: {
    status: number;
    response: unknown;
    headers: Record<string, string>;
  }) => MaybePromise<unknown>;
  /** The manifest JSON path of the rule, for error messages. */
  path?: string;
}

export interface RetryPolicy {
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
  /** Statuses retried; default 408, 429 and every 5xx. */
  statuses: number[] | 'default';
}

export interface HttpClientOptions {
  /** The connector name, for error messages and logs. */
  connector: string;
  baseUrl?: string;
  auth: ResolvedAuth;
  headers?: Record<string, string>;
  query?: Record<string, QueryValue>;
  timeoutMs: number;
  retry: RetryPolicy;
  /** A client-side limit shared by every request of this client (one client per connection). */
  rateLimit?: { requests: number; perMs: number };
  /** The limit the API announces in its response headers. */
  headerLimit?: HeaderLimitOptions;
  errorRules: CompiledErrorRule[];
  /** Hosts the connector may reach ('api.example.com', '*.example.com', 'host:port'); undefined allows any. */
  allowedHosts?: string[];
  /** Secret values (config fields marked x-secret, tokens) to redact from errors and logs. */
  secrets: string[];
  /** Sees every exchange as sent (auth applied) and answered: the testkit records cassettes with it. */
  onExchange?: (
    request: { method: string; url: string; headers: Record<string, string>; body?: string },
    response: HttpResponse,
  ) => void;
  /** Where the client reports retries and token refreshes. */
  log?: (
    level: 'debug' | 'info' | 'warn',
    message: string,
    fields?: Record<string, unknown>,
  ) => void;
}
