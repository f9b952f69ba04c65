// The JSON-RPC envelope, logins and faults as https://www.odoo.com/documentation/18.0/developer/reference/external_api.html and odoo/http.py describe them.
import { describe, expect, it } from 'vitest';
import { startOdooSandbox } from './sandbox.ts';
import { rpcClient } from './test-client.ts';

const post = (url: string, body: string, type = 'application/json') =>
  fetch(`${url}/jsonrpc`, { method: 'POST', headers: { 'content-type': type }, body });

describe('Odoo sandbox: the JSON-RPC envelope', () => {
  it('echoes the id, ignores the envelope method and answers common.version without credentials', async () => {
    const odoo = await startOdooSandbox({ data: 'empty' });
    const response = await post(
      odoo.url,
      JSON.stringify({
        jsonrpc: '2.0',
        method: 'anything',
        id: 'abc-7',
        params: { service: 'common', method: 'version', args: [] },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: 'abc-7',
      result: expect.objectContaining({ server_version: '17.0', protocol_version: 1 }),
    });
  });

  it('refuses non-object params inside a 200 answer, and malformed JSON or another content type with a 400', async () => {
    const odoo = await startOdooSandbox({ data: 'empty' });
    const listParams = await post(
      odoo.url,
      JSON.stringify({ jsonrpc: '2.0', id: 1, params: [1, 2] }),
    );
    expect(listParams.status).toBe(200);
    expect(await listParams.json()).toMatchObject({
      id: 1,
      error: { code: 200, message: 'Odoo Server Error', data: { name: 'builtins.TypeError' } },
    });
    const malformed = await post(odoo.url, '{"jsonrpc": "2.0", "id": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('Invalid JSON data');
    const form = await post(odoo.url, 'a=1', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(400);
    expect((await fetch(`${odoo.url}/jsonrpc`)).status).toBe(405);
  });
});

describe('Odoo sandbox: authentication', () => {
  it('logs in with the password or the API key, and answers false (not an error) on bad credentials', async () => {
    const odoo = await startOdooSandbox({ data: 'empty' });
    const { call } = rpcClient(odoo);
    expect((await call('common', 'login', ['ferry', 'admin', odoo.user.apiKey])).result).toBe(2);
    expect((await call('common', 'authenticate', ['ferry', 'admin', 'admin', {}])).result).toBe(2);
    const bad = await call('common', 'login', ['ferry', 'admin', 'wrong']);
    expect(bad).toMatchObject({ result: false });
    expect(bad.error).toBeUndefined();
    expect((await call('common', 'login', ['nope', 'admin', 'admin'])).error?.data).toMatchObject({
      name: 'psycopg2.OperationalError',
      message: expect.stringContaining('database "nope" does not exist'),
    });
  });

  it('checks db, uid and key on every execute_kw, with AccessDenied and no traceback', async () => {
    const odoo = await startOdooSandbox({ data: 'empty' });
    const { call } = rpcClient(odoo);
    const args = (uid: unknown, key: unknown) => [
      'ferry',
      uid,
      key,
      'res.country',
      'search_count',
      [[]],
    ];
    expect((await call('object', 'execute_kw', args(2, odoo.user.apiKey))).result).toBe(7);
    for (const [uid, key] of [
      [2, 'wrong-key'],
      [3, odoo.user.apiKey],
      ['2', odoo.user.apiKey],
    ]) {
      const denied = await call('object', 'execute_kw', args(uid, key));
      expect(denied.error?.data).toMatchObject({
        name: 'odoo.exceptions.AccessDenied',
        message: 'Access Denied',
        debug: '',
      });
    }
  });

  it('names private, unknown and forbidden methods and models with the exceptions Odoo raises', async () => {
    const odoo = await startOdooSandbox({
      users: [
        { id: 2, login: 'admin', password: 'admin', apiKey: 'k1' },
        { id: 7, login: 'clerk', password: 'clerk', forbidden: ['account.move'], readOnly: true },
      ],
    });
    const { call, kw } = rpcClient(odoo);
    const names = async (...params: Parameters<typeof kw>) =>
      (await kw(...params)).error?.data.name;
    expect(await names('res.partner', '_compute_display_name', [[1]])).toBe(
      'odoo.exceptions.AccessError',
    );
    expect(await names('res.partner', 'frobnicate', [[1]])).toBe('builtins.AttributeError');
    expect(await names('no.such.model', 'search', [[]])).toBe('builtins.KeyError');
    expect(await names('res.partner', 'search', [[]], { bogus: 1 })).toBe('builtins.TypeError');
    const clerk = (model: string, method: string, args: unknown[]) =>
      call('object', 'execute_kw', ['ferry', 7, 'clerk', model, method, args]);
    expect((await clerk('res.partner', 'search_count', [[]])).result).toBeGreaterThan(0);
    expect((await clerk('account.move', 'search', [[]])).error?.data).toMatchObject({
      name: 'odoo.exceptions.AccessError',
      message: expect.stringContaining(
        "You are not allowed to access 'Journal Entry' (account.move) records.",
      ),
    });
    expect(
      (await clerk('res.partner', 'write', [[1], { phone: '1' }])).error?.data.message,
    ).toContain("You are not allowed to modify 'Contact' (res.partner) records.");
  });
});

describe('Odoo sandbox: faults', () => {
  it('answers 429 with Retry-After and 5xx bursts as a proxy in front of Odoo would, then serves again', async () => {
    const odoo = await startOdooSandbox({ data: 'empty' });
    const { call } = rpcClient(odoo);
    odoo.faults.set({ rateLimit: { next: 1, retryAfter: 1 }, errors: { next: 2, status: 503 } });
    const version = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      params: { service: 'common', method: 'version', args: [] },
    });
    const limited = await post(odoo.url, version);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await post(odoo.url, version)).status).toBe(503);
    expect((await post(odoo.url, version)).status).toBe(503);
    expect((await call('common', 'version', [])).result).toMatchObject({ server_serie: '17.0' });
    expect(odoo.stats).toMatchObject({ rateLimited: 1, errors: 2, served: 1 });
  });
});
