import { describe, expect, it } from 'vitest';
import { rejection, sendJson, startServer, testClient } from './test-server.ts';
import type { CompiledErrorRule } from './types.ts';

type Body = { ok?: boolean; error?: { code: string; text: string } };

describe('error rules', () => {
  it('ignores a matching status: the response comes back with ignored: true', async () => {
    const server = await startServer((_req, res) => sendJson(res, 404, { message: 'gone' }));
    const client = testClient({
      baseUrl: server.url,
      errorRules: [{ statuses: [404], action: 'ignore' }],
    });
    const response = await client.get('/deleted');
    expect(response).toMatchObject({ status: 404, ignored: true });
    expect(response.json()).toEqual({ message: 'gone' });
  });

  it('fails with the rule message and path, even on a status that would be retried', async () => {
    const server = await startServer((_req, res) => sendJson(res, 503, { reason: 'maintenance' }));
    const rule: CompiledErrorRule = {
      statuses: [503],
      action: 'fail',
      message: ({ status, response }) =>
        `down for ${(response as { reason: string }).reason} (${status})`,
      path: '$.http.errors[0]',
    };
    const client = testClient({ baseUrl: server.url, errorRules: [rule] });
    const error = await rejection(client.get('/'));
    expect(error.code).toBe('FERRY_HTTP_STATUS');
    expect(error.message).toContain('down for maintenance (503)');
    expect(error.message).toContain('answered 503 Service Unavailable');
    expect(error.path).toBe('$.http.errors[0]');
    expect(server.requests).toHaveLength(1);
  });

  it('retries on a rule with action retry, then succeeds', async () => {
    const server = await startServer((_req, res, index) =>
      sendJson(res, index < 2 ? 409 : 200, { index }),
    );
    const client = testClient({
      baseUrl: server.url,
      errorRules: [{ statuses: [409], action: 'retry' }],
    });
    expect((await client.get('/')).json()).toEqual({ index: 2 });
    expect(server.requests).toHaveLength(3);
  });

  it('evaluates rules in order: the first match wins', async () => {
    const server = await startServer((_req, res) => sendJson(res, 400, { code: 'soft' }));
    const client = testClient({
      baseUrl: server.url,
      errorRules: [
        {
          statuses: [400],
          when: ({ response }) => (response as { code: string }).code === 'soft',
          action: 'ignore',
        },
        { statuses: [400], action: 'fail' },
      ],
    });
    expect((await client.get('/')).ignored).toBe(true);
  });

  it('finds errors in 200 bodies with `when`: fail, retry and ignore', async () => {
    const bodies: Body[] = [
      { ok: false, error: { code: 'rate_limited', text: 'later' } },
      { ok: true },
      { ok: false, error: { code: 'invalid_auth', text: 'bad token' } },
      { ok: false, error: { code: 'not_found', text: 'no such channel' } },
    ];
    const server = await startServer((_req, res, index) => sendJson(res, 200, bodies[index]));
    const codeIs =
      (code: string) =>
      ({ response }: { response: unknown }) =>
        (response as Body).error?.code === code;
    const client = testClient({
      baseUrl: server.url,
      errorRules: [
        { when: codeIs('rate_limited'), action: 'retry' },
        { when: codeIs('not_found'), action: 'ignore' },
        {
          when: ({ response }) => (response as Body).ok === false,
          action: 'fail',
          message: ({ response }) => (response as Body).error?.text,
        },
      ],
    });
    const first = await client.get('/');
    expect(first.json()).toEqual({ ok: true });
    expect(first.ignored).toBe(false);
    const error = await rejection(client.get('/'));
    expect(error.code).toBe('FERRY_HTTP_STATUS');
    expect(error.message).toContain('bad token');
    expect((await client.get('/')).ignored).toBe(true);
    expect(server.requests).toHaveLength(4);
  });

  it('gives `when` the text when the body is not JSON, and the headers', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html', 'x-trace': 't1' });
      res.end('<html>oops</html>');
    });
    const seen: unknown[] = [];
    const client = testClient({
      baseUrl: server.url,
      errorRules: [
        {
          when: (context) => {
            seen.push(context);
            return true;
          },
          action: 'ignore',
        },
      ],
    });
    expect((await client.get('/')).ignored).toBe(true);
    expect(seen).toEqual([
      {
        status: 500,
        response: '<html>oops</html>',
        headers: expect.objectContaining({ 'x-trace': 't1' }),
      },
    ]);
  });

  it('leaves 2xx responses alone when no rule has `when`', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
    const client = testClient({
      baseUrl: server.url,
      errorRules: [{ statuses: [200], action: 'fail' }],
    });
    expect((await client.get('/')).ignored).toBe(false);
  });
});
