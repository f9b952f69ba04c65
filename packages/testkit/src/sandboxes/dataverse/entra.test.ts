import { describe, expect, it } from 'vitest';
import { startDataverseSandbox } from './sandbox.ts';
import { connect, tokenFor } from './test-support.ts';

describe('Dataverse sandbox: Entra token endpoint and bearer auth', () => {
  it('issues a bearer token for client credentials with the environment /.default scope', async () => {
    const dv = await startDataverseSandbox();
    const response = await tokenFor(dv);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(body.access_token).toMatch(/^eyJ[\w-]+\.[\w-]+\.\w+$/);
    expect(dv.tokensIssued).toBe(1);
  });

  it('refuses bad credentials with AADSTS error bodies', async () => {
    const dv = await startDataverseSandbox();
    const cases = [
      [{ client_secret: 'wrong' }, 401, 'invalid_client', 7000215],
      [{ client_id: 'nobody' }, 400, 'unauthorized_client', 700016],
      [{ grant_type: 'password' }, 400, 'unsupported_grant_type', 70003],
      [{ scope: dv.url }, 400, 'invalid_scope', 1002012],
      [{ scope: 'https://other.crm.dynamics.com/.default' }, 400, 'invalid_resource', 500011],
    ] as const;
    for (const [form, status, error, code] of cases) {
      const response = await tokenFor(dv, form);
      expect(response.status, JSON.stringify(form)).toBe(status);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error, error_codes: [code] });
      expect(body.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
    }
    const otherTenant = await fetch(`${dv.url}/contoso.onmicrosoft.com/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(await otherTenant.json()).toMatchObject({
      error: 'invalid_request',
      error_codes: [90002],
    });
    expect(dv.tokensIssued).toBe(0);
  });

  it('answers 401 to a missing, unknown or expired token, with the OData-Version header', async () => {
    let now = Date.parse('2025-03-01T10:00:00Z');
    const dv = await connect({ clock: () => new Date(now), tokenLifetimeSeconds: 60 });
    expect((await dv.api('accounts?$top=1')).status).toBe(200);
    const missing = await fetch(`${dv.url}/api/data/v9.2/accounts`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('authorization_uri=');
    expect(missing.headers.get('odata-version')).toBe('4.0');
    const unknown = await fetch(`${dv.url}/api/data/v9.2/accounts`, {
      headers: { authorization: 'Bearer made-up' },
    });
    expect(unknown.status).toBe(401);
    now += 61_000;
    expect((await dv.api('accounts?$top=1')).status).toBe(401);
    expect(dv.sandbox.stats.unauthorized).toBe(3);
  });
});
