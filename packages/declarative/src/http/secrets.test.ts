import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { rejection, sendJson, startServer, testClient } from './test-server.ts';
import type { HttpClientOptions } from './types.ts';

const KEY = 's3cr3t-key+/=';
const TOKEN = 'access-t0ken';

/** Everything an error carries that a user could see: messages, hints and details, causes too. */
function visible(error: unknown): string {
  const parts: string[] = [];
  let current = error as
    | { message?: string; hint?: string; details?: unknown; cause?: unknown }
    | undefined;
  while (current !== undefined && current !== null) {
    parts.push(
      String(current.message),
      String(current.hint),
      JSON.stringify(current.details ?? null),
    );
    current = current.cause as typeof current;
  }
  return parts.join('\n');
}

function expectNoSecret(text: string) {
  for (const secret of [KEY, encodeURIComponent(KEY), TOKEN]) expect(text).not.toContain(secret);
}

/** Collects log lines (message and fields) as one text. */
function logSink(): { text: () => string; log: NonNullable<HttpClientOptions['log']> } {
  const lines: string[] = [];
  return {
    text: () => lines.join('\n'),
    log: (level, message, fields) =>
      lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
  };
}

describe('secrets never appear in errors or logs', () => {
  it('redacts an API key in the URL and a body that echoes it (status error)', async () => {
    const server = await startServer((req, res) =>
      sendJson(res, 400, { error: 'bad request', url: req.url, key: req.headers['x-key'] }),
    );
    const client = testClient({
      baseUrl: server.url,
      auth: { type: 'api-key', in: 'query', name: 'key', value: KEY },
      headers: { 'x-key': KEY },
      secrets: [KEY],
    });
    const error = await rejection(client.get(`/items/${encodeURIComponent(KEY)}`));
    expect(error.code).toBe('FERRY_HTTP_STATUS');
    expect(error.message).toContain('***');
    expectNoSecret(visible(error));
  });

  it('redacts retries: log lines and the exhausted error with its cause', async () => {
    const server = await startServer((req, res) => sendJson(res, 503, { echo: req.url }));
    const sink = logSink();
    const client = testClient({
      baseUrl: server.url,
      auth: { type: 'api-key', in: 'query', name: 'key', value: KEY },
      secrets: [KEY],
      log: sink.log,
    });
    const error = await rejection(client.get('/x'));
    expect(error.code).toBe('FERRY_HTTP_RETRIES_EXHAUSTED');
    expectNoSecret(visible(error));
    expect(sink.text()).toContain('retry 3 of 3');
    expectNoSecret(sink.text());
  });

  it('redacts network errors and timeouts', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const sink = logSink();
    const refused = testClient({
      baseUrl: `http://127.0.0.1:${port}`,
      secrets: [KEY],
      log: sink.log,
    });
    const network = await rejection(refused.get('/x', { key: KEY }));
    expect(network.code).toBe('FERRY_HTTP_RETRIES_EXHAUSTED');
    expectNoSecret(visible(network));
    expectNoSecret(sink.text());

    const silent = await startServer(() => undefined);
    const slow = testClient({
      baseUrl: silent.url,
      timeoutMs: 50,
      secrets: [KEY],
      retry: {
        maxRetries: 0,
        initialDelayMs: 10,
        maxDelayMs: 10,
        factor: 2,
        statuses: 'default',
      },
    });
    const timeout = await rejection(slow.get(`/${KEY}`));
    expect(timeout.code).toBe('FERRY_HTTP_TIMEOUT');
    expectNoSecret(visible(timeout));
  });

  it('redacts a refused host and an error rule message', async () => {
    const blocked = testClient({ allowedHosts: ['api.example.com'], secrets: [KEY] });
    const host = await rejection(blocked.get(`https://evil.example.net/?k=${KEY}`));
    expect(host.code).toBe('FERRY_HTTP_HOST_NOT_ALLOWED');
    expectNoSecret(visible(host));

    const server = await startServer((_req, res) =>
      sendJson(res, 422, { detail: `key ${KEY} revoked` }),
    );
    const client = testClient({
      baseUrl: server.url,
      secrets: [KEY],
      errorRules: [
        {
          statuses: [422],
          action: 'fail',
          message: ({ response }) => (response as { detail: string }).detail,
        },
      ],
    });
    const rule = await rejection(client.get('/'));
    expect(rule.message).toContain('key *** revoked');
    expectNoSecret(visible(rule));
  });

  it('redacts tokens the client obtained itself (OAuth2 access token)', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/token')
        return sendJson(res, 200, { access_token: TOKEN, expires_in: 3600 });
      sendJson(res, 500, { error: 'boom', auth: req.headers.authorization });
    });
    const sink = logSink();
    const client = testClient({
      baseUrl: server.url,
      secrets: [],
      log: sink.log,
      auth: {
        type: 'oauth2',
        grant: 'client_credentials',
        tokenUrl: `${server.url}/token`,
        clientId: 'id',
        clientSecret: KEY,
        credentialsIn: 'basic',
        tokenPath: 'access_token',
        expiresInPath: 'expires_in',
      },
    });
    const error = await rejection(client.get('/api'));
    expect(error.message).toContain('Bearer ***');
    expectNoSecret(visible(error));
    expectNoSecret(sink.text());
  });
});
