import { describe, expect, it } from 'vitest';
import { testProject } from '../scheduler/test-project.ts';
import { bearerMatches, isLoopback, signatureMatches, signBody } from './auth.ts';
import { startDaemon } from './daemon.ts';
import { createDaemonLogger, redactValues } from './logger.ts';
import { testDaemon } from './test-daemon.ts';

const TOKEN = 'ferry-api-token-7c1e0d9b';

describe('API token', () => {
  it('is required for /api and /hooks when set, never for /health, /ready, /metrics and the dashboard', async () => {
    const t = await testDaemon({
      recipes: { push: { triggers: [{ webhook: { action: 'run' } }] } },
      daemon: { token: TOKEN },
    });
    const none = await t.request('GET', '/api/recipes');
    expect(none.status).toBe(401);
    expect(none.json.error).toMatchObject({
      code: 'FERRY_API_UNAUTHORIZED',
      hint: expect.stringContaining('FERRY_API_TOKEN'),
    });
    expect(
      (await t.request('GET', '/api/recipes', { headers: { authorization: `Bearer ${TOKEN}x` } }))
        .status,
    ).toBe(401);
    expect(
      (await t.request('GET', '/api/recipes', { headers: { authorization: TOKEN } })).status,
    ).toBe(401);
    expect(
      (await t.request('GET', '/api/recipes', { headers: { authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(200);
    expect((await t.request('POST', '/hooks/push')).status).toBe(401);
    expect((await t.request('POST', '/api/recipes/push/run')).status).toBe(401);
    expect(await t.project.store.listRuns()).toEqual([]);
    for (const path of ['/health', '/ready', '/metrics', '/'])
      expect((await t.request('GET', path)).status).toBe(200);
    // The token never reaches the logs, not even when a client puts it in a URL.
    await t.request('GET', `/api/runs?recipe=${TOKEN}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(t.rawLogs.some((l) => l.includes('/api/runs?recipe=[redacted]'))).toBe(true);
    expect(t.rawLogs.join('')).not.toContain(TOKEN);
  });

  it('must be set to listen on a non-loopback address (FERRY_DAEMON_TOKEN_REQUIRED)', async () => {
    const p = await testProject({ recipes: { a: {} } });
    await expect(
      startDaemon({ runner: p.runner, store: p.store, host: '0.0.0.0', port: 0, token: '' }),
    ).rejects.toMatchObject({
      code: 'FERRY_DAEMON_TOKEN_REQUIRED',
      hint: expect.stringContaining('FERRY_API_TOKEN'),
    });
    const daemon = await startDaemon({
      runner: p.runner,
      store: p.store,
      host: '0.0.0.0',
      port: 0,
      token: TOKEN,
      logger: createDaemonLogger({ level: 'silent' }),
    });
    const response = await fetch(`${daemon.url.replace('0.0.0.0', '127.0.0.1')}/api/recipes`);
    expect(response.status).toBe(401);
    await daemon.close();
    await p.close();
  });

  it('a port in use is FERRY_DAEMON_LISTEN_FAILED', async () => {
    const t = await testDaemon({ recipes: { a: {} } });
    const port = Number(new URL(t.daemon.url).port);
    const p = await testProject({ recipes: { a: {} } });
    await expect(
      startDaemon({
        runner: p.runner,
        store: p.store,
        port,
        token: '',
        logger: createDaemonLogger({ level: 'silent' }),
      }),
    ).rejects.toMatchObject({ code: 'FERRY_DAEMON_LISTEN_FAILED' });
    await p.close();
  });
});

describe('auth helpers', () => {
  it('isLoopback knows 127.0.0.0/8, ::1 and localhost', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])
      expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.4', 'example.com', '10.0.0.1'])
      expect(isLoopback(host)).toBe(false);
  });

  it('bearerMatches and signatureMatches accept only the exact value', () => {
    expect(bearerMatches('Bearer abc', 'abc')).toBe(true);
    expect(bearerMatches('bearer  abc ', 'abc')).toBe(true);
    expect(bearerMatches('Bearer abcd', 'abc')).toBe(false);
    expect(bearerMatches(undefined, 'abc')).toBe(false);
    expect(bearerMatches('Bearer ', '')).toBe(false);
    const body = Buffer.from('{"a":1}');
    expect(signatureMatches(body, signBody(body, 's3cret'), 's3cret')).toBe(true);
    expect(
      signatureMatches(
        body,
        signBody(body, 's3cret').toUpperCase().replace('SHA256', 'sha256'),
        's3cret',
      ),
    ).toBe(true);
    expect(signatureMatches(body, signBody('{"a":2}', 's3cret'), 's3cret')).toBe(false);
    expect(signatureMatches(body, 'sha256=', 's3cret')).toBe(false);
    expect(signatureMatches(body, undefined, 's3cret')).toBe(false);
  });
});

describe('log redaction', () => {
  it('removes authorization headers and every known secret value, also JSON-escaped and URL-encoded', () => {
    const lines: string[] = [];
    const secrets = new Set(['pa"ss word/1']);
    const logger = createDaemonLogger({
      secrets,
      destination: { write: (l: string) => void lines.push(l) },
    });
    logger.info({ headers: { authorization: 'Bearer zzz', accept: '*/*' } }, 'a request');
    logger.info(
      { url: `https://api.example.com/?key=${encodeURIComponent('pa"ss word/1')}` },
      'calling',
    );
    logger.error({ err: new Error('login failed for pa"ss word/1') }, 'failed');
    secrets.add('added-later-1234');
    logger.warn('token added-later-1234 refused');
    const text = lines.join('');
    expect(JSON.parse(lines[0] as string).headers).toEqual({
      authorization: '[redacted]',
      accept: '*/*',
    });
    expect(text).not.toContain('zzz');
    expect(text).not.toContain('pa\\"ss word/1');
    expect(text).not.toContain(encodeURIComponent('pa"ss word/1'));
    expect(text).not.toContain('added-later-1234');
    expect(text.match(/\[redacted\]/g)?.length).toBe(5);
    expect(redactValues('abc', ['ab'])).toBe('abc');
  });
});
