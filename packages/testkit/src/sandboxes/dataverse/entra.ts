/**
 * A Microsoft Entra ID token endpoint for the client-credentials grant, as Dataverse apps use it:
 * `POST /{tenant}/oauth2/v2.0/token`, form-encoded `grant_type=client_credentials`, `client_id`,
 * `client_secret` and `scope=<environment URL>/.default`; the answer is `{ token_type,
 * expires_in, ext_expires_in, access_token }`. Refusals carry Entra's `AADSTS` error bodies.
 * Tokens expire by the sandbox clock; the Web API answers 401 to a missing, unknown or expired
 * one.
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/authenticate-oauth
 * - https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 * - https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 */
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext, SandboxRoute } from '../../sandbox/types.ts';
import { origin } from './odata.ts';
import { guidFrom } from './seed.ts';

export interface EntraOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Token lifetime in seconds (Entra's are about an hour). */
  lifetimeSeconds: number;
  clock: () => Date;
}

/** Issues tokens and checks the bearer tokens the Web API receives. */
export class Entra {
  readonly #expiry = new Map<string, number>();
  /** Tokens issued so far (tests count them to see renewals). */
  issued = 0;

  constructor(readonly options: EntraOptions) {}

  /** True when the request carries a token this endpoint issued that has not expired. */
  accepts(ctx: SandboxContext): boolean {
    const token = /^Bearer (\S+)$/.exec(ctx.headers.authorization ?? '')?.[1];
    const expiry = token === undefined ? undefined : this.#expiry.get(token);
    return expiry !== undefined && this.options.clock().getTime() < expiry;
  }

  route(): SandboxRoute {
    return {
      method: 'POST',
      path: '/:tenant/oauth2/v2.0/token',
      public: true,
      handler: (ctx) => this.#token(ctx),
    };
  }

  #token(ctx: SandboxContext): Reply {
    const { tenantId, clientId, clientSecret } = this.options;
    const form = ctx.form();
    const fail = (status: number, error: string, code: number, text: string) =>
      failure(ctx, this.options.clock(), status, error, code, text);
    const missing = (name: string) =>
      fail(
        400,
        'invalid_request',
        900144,
        `The request body must contain the following parameter: '${name}'.`,
      );
    if (ctx.params.tenant !== tenantId)
      return fail(
        400,
        'invalid_request',
        90002,
        `Tenant '${ctx.params.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    const grant = form.get('grant_type');
    if (!grant) return missing('grant_type');
    if (grant !== 'client_credentials')
      return fail(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    const client = form.get('client_id');
    if (!client) return missing('client_id');
    if (client !== clientId)
      return fail(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${client}' was not found in the directory '${tenantId}'.`,
      );
    const secret = form.get('client_secret');
    if (!secret)
      return fail(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    if (secret !== clientSecret)
      return fail(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    const scope = form.get('scope');
    if (!scope) return missing('scope');
    if (!scope.endsWith('/.default'))
      return fail(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    const resource = scope.slice(0, -'/.default'.length).replace(/\/+$/, '');
    if (resource.toLowerCase() !== origin(ctx).toLowerCase())
      return fail(
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${resource} was not found in the tenant named ${tenantId}.`,
      );
    return this.#issue(ctx, resource);
  }

  #issue(ctx: SandboxContext, audience: string): Reply {
    const { lifetimeSeconds, clock, tenantId, clientId } = this.options;
    const expires = clock().getTime() + lifetimeSeconds * 1000;
    const claims = {
      aud: audience,
      tid: tenantId,
      appid: clientId,
      exp: Math.floor(expires / 1000),
    };
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signature = guidFrom(() => ctx.random()).replace(/-/g, '');
    const token = `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.${signature}`;
    this.#expiry.set(token, expires);
    this.issued += 1;
    return {
      status: 200,
      json: {
        token_type: 'Bearer',
        expires_in: lifetimeSeconds,
        ext_expires_in: lifetimeSeconds,
        access_token: token,
      },
    };
  }
}

/** An Entra error body: `error`, `error_description` starting `AADSTS<n>:`, `error_codes`... */
function failure(
  ctx: SandboxContext,
  now: Date,
  status: number,
  error: string,
  code: number,
  text: string,
): Reply {
  const traceId = guidFrom(() => ctx.random());
  const correlationId = guidFrom(() => ctx.random());
  const timestamp = now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
  return {
    status,
    json: {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}
