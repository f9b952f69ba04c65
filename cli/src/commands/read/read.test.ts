import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestServer } from '@ferry/declarative/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeEcb } from '../../../../connectors/ecb-rates/test/fake-ecb.ts';
import { fakeGitHub, makeIssues } from '../../../../connectors/github/test/fake-github.ts';
import { runFerry } from '../../test-cli.ts';

let server: TestServer;
afterEach(() => server?.close());

async function file(name: string, content: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-read-'));
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('ferry read', () => {
  it('prints the declarative GitHub connector messages as JSON lines and resumes from the STATE lines', async () => {
    server = await fakeGitHub('gh-secret-123', { 'acme/app': makeIssues(120) });
    const config = await file(
      'github.yaml',
      `token: \${env:GH_TOKEN}\nrepositories: [acme/app]\nbaseUrl: ${server.url}\n`,
    );
    const env = { GH_TOKEN: 'gh-secret-123' };
    const first = await runFerry(
      ['read', 'connectors/github', '--config', config, '--streams', 'issues'],
      { env },
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const messages = lines(first.stdout);
    expect(messages.filter((m) => m.type === 'RECORD')).toHaveLength(120);
    expect(messages.every((m) => m.stream === 'issues')).toBe(true);
    expect(messages.at(-1)).toMatchObject({ type: 'STATE', stream: 'issues' });
    expect(first.stdout).not.toContain('gh-secret-123');

    const state = await file('state.jsonl', first.stdout);
    const again = await runFerry(
      ['read', 'connectors/github', '--config', config, '--streams', 'issues', '--state', state],
      { env },
    );
    expect(again.code).toBe(0);
    expect(lines(again.stdout).filter((m) => m.type === 'RECORD')).toHaveLength(0);
  });

  it('runs the TypeScript handler of the ECB connector', async () => {
    server = await fakeEcb([
      ['USD', '2024-05-02', 1.0701],
      ['USD', '2024-05-03', 1.0772],
    ]);
    const config = await file('ecb.json', {
      currencies: ['USD'],
      baseUrl: `${server.url}/service`,
    });
    const result = await runFerry(['read', 'connectors/ecb-rates', '--config', config]);
    expect(result.code).toBe(0);
    expect(lines(result.stdout).map((m) => m.type)).toEqual(['LOG', 'RECORD', 'RECORD', 'STATE']);
  });

  it('exits 1 with an ERROR line naming the code and the manifest path when the API keeps failing', async () => {
    server = await fakeGitHub('tok-1234', {});
    const config = await file('github.json', {
      token: 'tok-1234',
      repositories: ['acme/gone'],
      baseUrl: server.url,
    });
    const result = await runFerry([
      'read',
      'connectors/github',
      '--config',
      config,
      '--streams',
      'repositories',
    ]);
    expect(result.code).toBe(1);
    const error = lines(result.stdout).at(-1);
    expect(error).toMatchObject({
      type: 'ERROR',
      code: 'FERRY_HTTP_STATUS',
      stream: 'repositories',
      path: '$.http.errors[0]',
    });
    expect(result.stderr).toContain('repository not found, or the token cannot see it');
  });

  it('names the missing environment variable of a ${env:...} reference', async () => {
    const config = await file(
      'github.yaml',
      'token: ${env:FERRY_TEST_UNSET}\nrepositories: [a/b]\n',
    );
    const result = await runFerry(['read', 'connectors/github', '--config', config]);
    expect(result.code).toBe(1);
    expect(lines(result.stdout).at(-1)).toMatchObject({ type: 'ERROR', code: 'FERRY_ENV_MISSING' });
  });
});
