import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';
import { collect, records, states, type TestServer } from '@ferry/declarative/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeGitHub, makeIssues } from '../test/fake-github.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let server: TestServer;
afterEach(() => server?.close());

describe('@ferry/connector-github against a local GitHub API', () => {
  it('reads repositories and every page of issues, tagging each issue with its repository', async () => {
    server = await fakeGitHub('ghp_test_token', {
      'acme/app': makeIssues(230),
      'acme/lib': makeIssues(3),
    });
    const github = await openConnector(packageDir);
    const config = {
      token: 'ghp_test_token',
      repositories: ['acme/app', 'acme/lib'],
      baseUrl: server.url,
    };
    const messages = await collect(github.read(config));
    const repos = messages.filter((m) => m.type === 'RECORD' && m.stream === 'repositories');
    expect(repos).toHaveLength(2);
    const issues = records(messages.filter((m) => m.stream === 'issues'));
    expect(issues).toHaveLength(233);
    expect(issues[0]).toMatchObject({ id: 1000, repository: 'acme/app' });
    expect(issues.at(-1)).toMatchObject({ repository: 'acme/lib' });
    expect(server.requests.filter((r) => r.path === '/repos/acme/app/issues')).toHaveLength(3);
    expect(server.requests[0]?.headers['x-github-api-version']).toBe('2022-11-28');
  });

  it('resumes issues from the saved state with only updated issues', async () => {
    const issues = makeIssues(5);
    server = await fakeGitHub('t0ken-xyz', { 'acme/app': issues });
    const github = await openConnector(packageDir);
    const config = { token: 't0ken-xyz', repositories: ['acme/app'], baseUrl: server.url };
    const first = await collect(github.read(config, { streams: ['issues'] }));
    const saved = states(first).at(-1);
    expect(saved).toEqual({
      partitions: {
        'acme/app': { cursor: '2024-03-01T09:04:00Z', keys: ['[1004]'], partition: 'acme/app' },
      },
    });
    (issues[1] as { updated_at: string }).updated_at = '2024-03-02T00:00:00Z';
    const second = await collect(
      github.read(config, { streams: ['issues'], state: { issues: saved as never } }),
    );
    expect(records(second).map((r) => r.number)).toEqual([2]);
  });

  it('fails the check with a clear message for a bad token or an unknown repository', async () => {
    server = await fakeGitHub('right-token', { 'acme/app': [] });
    const github = await openConnector(packageDir);
    expect(
      await github.check({ token: 'right-token', repositories: ['acme/app'], baseUrl: server.url }),
    ).toEqual({ ok: true });
    const missing = await github.check({
      token: 'right-token',
      repositories: ['acme/nope'],
      baseUrl: server.url,
    });
    expect(missing).toMatchObject({
      ok: false,
      message: expect.stringContaining('repository not found, or the token cannot see it'),
    });
    const bad = await github.check({
      token: 'wrong-token',
      repositories: ['acme/app'],
      baseUrl: server.url,
    });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('401') });
    expect(JSON.stringify(bad)).not.toContain('wrong-token');
  });
});
