import { describe, expect, it } from 'vitest';
import { compileHostCheck, parseHostRule } from './permissions.ts';
import { rejection, sendJson, startServer, testClient } from './test-server.ts';

const noRedaction = (text: string) => text;

function allowed(entries: string[], url: string): boolean {
  try {
    compileHostCheck('c', entries)(url, noRedaction);
    return true;
  } catch {
    return false;
  }
}

describe('parseHostRule', () => {
  it('reads hosts, wildcards, ports and full URLs', () => {
    expect(parseHostRule('API.example.com')).toEqual({ host: 'api.example.com', wildcard: false });
    expect(parseHostRule('*.example.com')).toEqual({ host: '.example.com', wildcard: true });
    expect(parseHostRule('localhost:8080')).toEqual({
      host: 'localhost',
      wildcard: false,
      port: '8080',
    });
    expect(parseHostRule('[::1]:9000')).toEqual({ host: '[::1]', wildcard: false, port: '9000' });
    expect(parseHostRule('https://x.example.com/api')).toEqual({
      host: 'x.example.com',
      wildcard: false,
    });
    expect(parseHostRule('http://x.example.com:81/api')).toEqual({
      host: 'x.example.com',
      wildcard: false,
      port: '81',
    });
  });
});

describe('compileHostCheck', () => {
  it('matches exact hosts, case-insensitively, on any port unless one is given', () => {
    expect(allowed(['api.example.com'], 'https://API.example.com/x')).toBe(true);
    expect(allowed(['api.example.com'], 'http://api.example.com:8080/x')).toBe(true);
    expect(allowed(['api.example.com'], 'https://example.com/x')).toBe(false);
    expect(allowed(['api.example.com:8080'], 'http://api.example.com:8080/')).toBe(true);
    expect(allowed(['api.example.com:8080'], 'http://api.example.com:8081/')).toBe(false);
    expect(allowed(['api.example.com:443'], 'https://api.example.com/')).toBe(true);
  });

  it('matches subdomains at any depth for a wildcard, but not the bare domain', () => {
    expect(allowed(['*.example.com'], 'https://a.example.com/')).toBe(true);
    expect(allowed(['*.example.com'], 'https://a.b.example.com/')).toBe(true);
    expect(allowed(['*.example.com'], 'https://example.com/')).toBe(false);
    expect(allowed(['*.example.com'], 'https://badexample.com/')).toBe(false);
  });

  it('treats a full URL entry as its host', () => {
    expect(allowed(['https://x.example.com/api'], 'https://x.example.com/other')).toBe(true);
    expect(allowed(['https://x.example.com/api'], 'https://y.example.com/api')).toBe(false);
  });

  it('names the host and the allowed list in FERRY_HTTP_HOST_NOT_ALLOWED', () => {
    const check = compileHostCheck('github', ['api.github.com', '*.githubusercontent.com']);
    let error: unknown;
    try {
      check('https://evil.example.net/steal?key=s3cr3t', (t) => t.replaceAll('s3cr3t', '***'));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'FERRY_HTTP_HOST_NOT_ALLOWED',
      details: { host: 'evil.example.net' },
    });
    const message = (error as Error).message;
    expect(message).toContain('"evil.example.net"');
    expect(message).toContain('api.github.com, *.githubusercontent.com');
    expect(message).not.toContain('s3cr3t');
  });
});

describe('createHttpClient: permissions', () => {
  it('refuses a host outside the list before any request is sent', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, {}));
    const client = testClient({ baseUrl: server.url, allowedHosts: ['api.example.com'] });
    const error = await rejection(client.get('/x'));
    expect(error.code).toBe('FERRY_HTTP_HOST_NOT_ALLOWED');
    expect(error.message).toContain('"127.0.0.1:');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a token URL outside the list, and lets allowed hosts through', async () => {
    const tokenServer = await startServer((_req, res) => sendJson(res, 200, { access_token: 't' }));
    const api = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
    const apiPort = new URL(api.url).port;
    const client = testClient({
      baseUrl: api.url,
      allowedHosts: [`127.0.0.1:${apiPort}`],
      auth: {
        type: 'oauth2',
        grant: 'client_credentials',
        tokenUrl: `${tokenServer.url.replace('127.0.0.1', 'localhost')}/token`,
        clientId: 'id',
        clientSecret: 'secret',
        credentialsIn: 'body',
        tokenPath: 'access_token',
        expiresInPath: 'expires_in',
      },
    });
    const error = await rejection(client.get('/x'));
    expect(error.code).toBe('FERRY_HTTP_HOST_NOT_ALLOWED');
    expect(error.message).toContain('"localhost:');
    expect(tokenServer.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(0);

    const open = testClient({ baseUrl: api.url, allowedHosts: [api.url] });
    expect((await open.get('/x')).json()).toEqual({ ok: true });
  });
});
