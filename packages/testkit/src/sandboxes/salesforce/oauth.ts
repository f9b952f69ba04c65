/**
 * POST /services/oauth2/token (form-encoded; Salesforce also reads the parameters from the query
 * string): the client_credentials and refresh_token grants. The answer has access_token,
 * signature, scope, instance_url, id, token_type and issued_at, and no expires_in: a session
 * ends after the org's session timeout, then API calls answer 401 INVALID_SESSION_ID.
 * Token errors are 400 `{ error, error_description }` (shape from the field, not the docs).
 * https://help.salesforce.com/apex/HTViewHelpDoc?id=xcloud.remoteaccess_oauth_client_credentials_flow.htm
 * https://help.salesforce.com/apex/HTViewHelpDoc?id=service.conversation_transcript_api_sample1.htm
 * https://developer.salesforce.com/docs/atlas.en-us.256.0.api.meta/api/sforce_api_calls_concepts_errorhandling.htm
 */
import { createHmac } from 'node:crypto';
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext } from '../../sandbox/types.ts';
import { salesforceId } from './ids.ts';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** A refresh token issued to this client earlier (the refresh_token grant accepts it). */
  refreshToken: string;
  /** Whether the app has a client-credentials ("run as") user. */
  clientCredentials: boolean;
}

const ORG_ID = salesforceId('00D', 1);
const USER_ID = salesforceId('005', 1);
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The access tokens issued, and whether each is still a live session. */
export class Sessions {
  readonly #issuedAt = new Map<string, number>();
  #count = 0;

  constructor(
    readonly now: () => number,
    public timeoutMs: number,
    private readonly random: () => number,
  ) {}

  issue(): { token: string; issuedAt: number } {
    let secret = '';
    for (let i = 0; i < 96; i++) secret += BASE62[Math.floor(this.random() * 62)];
    const token = `${ORG_ID.slice(0, 15)}!${secret}`;
    const issuedAt = this.now();
    this.#issuedAt.set(token, issuedAt);
    this.#count += 1;
    return { token, issuedAt };
  }

  /** True for a token issued here whose session has not timed out. */
  valid(token: string): boolean {
    const issuedAt = this.#issuedAt.get(token);
    return issuedAt !== undefined && this.now() - issuedAt < this.timeoutMs;
  }

  /** Ends every session (as an admin revoking them, or the timeout passing). */
  expireAll(): void {
    this.#issuedAt.clear();
  }

  get issued(): number {
    return this.#count;
  }
}

const oauthError = (error: string, description: string): Reply => ({
  status: 400,
  json: { error, error_description: description },
});

export function tokenHandler(client: OAuthClient, sessions: Sessions, instanceUrl: () => string) {
  return (ctx: SandboxContext): Reply => {
    const params = new URLSearchParams(ctx.query);
    for (const [key, value] of ctx.form()) params.set(key, value);
    const basic = /^basic\s+(\S+)$/i.exec(String(ctx.headers.authorization ?? ''))?.[1];
    if (basic) {
      const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
      if (id) params.set('client_id', decodeURIComponent(id));
      if (secret !== undefined) params.set('client_secret', decodeURIComponent(secret));
    }
    const grant = params.get('grant_type');
    if (grant !== 'client_credentials' && grant !== 'refresh_token')
      return oauthError('unsupported_grant_type', 'grant type not supported');
    if (params.get('client_id') !== client.clientId)
      return oauthError('invalid_client_id', 'client identifier invalid');
    const secret = params.get('client_secret');
    if (grant === 'client_credentials') {
      if (secret !== client.clientSecret)
        return oauthError('invalid_client', 'invalid client credentials');
      if (!client.clientCredentials)
        return oauthError('invalid_grant', 'no client credentials user enabled');
    } else {
      // a secret is optional for the refresh token flow, but must be right when sent
      if (secret !== null && secret !== client.clientSecret)
        return oauthError('invalid_client', 'invalid client credentials');
      if (params.get('refresh_token') !== client.refreshToken)
        return oauthError('invalid_grant', 'expired access/refresh token');
    }
    const { token, issuedAt } = sessions.issue();
    const id = `${instanceUrl()}/id/${ORG_ID}/${USER_ID}`;
    const issued = String(issuedAt);
    return {
      status: 200,
      json: {
        access_token: token,
        signature: createHmac('sha256', client.clientSecret)
          .update(id + issued)
          .digest('base64'),
        scope: 'api',
        instance_url: instanceUrl(),
        id,
        token_type: 'Bearer',
        issued_at: issued,
      },
    };
  };
}
