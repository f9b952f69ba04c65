import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startSalesforceSandbox } from './sandbox.ts';
import { connect, requestToken } from './test-client.ts';

describe('the Salesforce sandbox token endpoint and sessions', () => {
  it('issues a token for client credentials, without expires_in, signed over id and issued_at', async () => {
    const now = Date.UTC(2024, 5, 1, 12);
    const sandbox = await startSalesforceSandbox({ now: () => now });
    const { clientId, clientSecret } = sandbox.credentials;
    const answer = await requestToken(sandbox, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(answer.status).toBe(200);
    const body = answer.body as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual([
      'access_token',
      'id',
      'instance_url',
      'issued_at',
      'scope',
      'signature',
      'token_type',
    ]);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      instance_url: sandbox.url,
      issued_at: String(now),
      id: expect.stringMatching(new RegExp(`^${sandbox.url}/id/00D\\w{15}/005\\w{15}$`)),
      access_token: expect.stringMatching(/^00D\w{12}!\w{96}$/),
    });
    const expected = createHmac('sha256', clientSecret)
      .update(`${body.id}${body.issued_at}`)
      .digest('base64');
    expect(body.signature).toBe(expected);
    expect(sandbox.admin.tokensIssued()).toBe(1);
  });

  it('issues a token for a refresh token, with or without the client secret', async () => {
    const sandbox = await startSalesforceSandbox();
    const { clientId, clientSecret, refreshToken } = sandbox.credentials;
    const base = { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken };
    expect((await requestToken(sandbox, base)).status).toBe(200);
    expect((await requestToken(sandbox, { ...base, client_secret: clientSecret })).status).toBe(
      200,
    );
  });

  it('answers token errors as Salesforce does', async () => {
    const sandbox = await startSalesforceSandbox({ clientCredentials: false });
    const { clientId, clientSecret, refreshToken } = sandbox.credentials;
    const cases: [Record<string, string>, string, string][] = [
      [{ grant_type: 'password' }, 'unsupported_grant_type', 'grant type not supported'],
      [
        { grant_type: 'client_credentials', client_id: 'nope', client_secret: clientSecret },
        'invalid_client_id',
        'client identifier invalid',
      ],
      [
        { grant_type: 'client_credentials', client_id: clientId, client_secret: 'wrong' },
        'invalid_client',
        'invalid client credentials',
      ],
      [
        { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
        'invalid_grant',
        'no client credentials user enabled',
      ],
      [
        { grant_type: 'refresh_token', client_id: clientId, refresh_token: `${refreshToken}x` },
        'invalid_grant',
        'expired access/refresh token',
      ],
    ];
    for (const [form, error, description] of cases) {
      const answer = await requestToken(sandbox, form);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error, error_description: description });
    }
    expect(sandbox.admin.tokensIssued()).toBe(0);
  });

  it('ends a session after the session timeout with 401 INVALID_SESSION_ID', async () => {
    let now = Date.UTC(2024, 5, 1);
    const sandbox = await startSalesforceSandbox({ now: () => now, sessionTimeoutMs: 60_000 });
    const client = await connect(sandbox);
    expect((await client.query('SELECT Id FROM Account LIMIT 1')).status).toBe(200);
    now += 60_000;
    const expired = await client.query('SELECT Id FROM Account LIMIT 1');
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
    expect(expired.headers.get('www-authenticate')).toBe('Token');
    const fresh = await connect(sandbox);
    expect((await fresh.query('SELECT Id FROM Account LIMIT 1')).status).toBe(200);
    sandbox.admin.expireSessions();
    expect((await fresh.query('SELECT Id FROM Account LIMIT 1')).status).toBe(401);
  });
});
