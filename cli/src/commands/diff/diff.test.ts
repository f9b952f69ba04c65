import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { record } from '@ferry/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeGitHub, makeIssues } from '../../../../connectors/github/test/fake-github.ts';
import { runFerry } from '../../test-cli.ts';
import { copyGitHub, dropTitle, GITHUB } from '../record/test-support.ts';

let released: string;

/** The released version (a copy of the GitHub connector) with fixtures recorded against the fake API. */
beforeAll(async () => {
  released = await copyGitHub('diff-a');
  const server = await fakeGitHub('ghp_diff', { 'acme/app': makeIssues(12) });
  try {
    const config = { token: 'ghp_diff', repositories: ['acme/app'], baseUrl: server.url };
    await record({ connector: released, config, fixtures: join(released, 'fixtures') });
  } finally {
    await server.close();
  }
});

describe('ferry diff', () => {
  it("exits 0 when both versions replay the same on a's fixtures", async () => {
    const result = await runFerry(['diff', released, GITHUB]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('  = issues: equal (12 records)');
    expect(result.stdout).toContain('  = repositories: equal (1 records)');
    expect(result.stdout).toContain('equal: 2 stream(s) replay the same in both versions');
    expect(result.code).toBe(0);
  });

  it('exits 1 naming the records that changed, field by field', async () => {
    const candidate = await copyGitHub('diff-b', dropTitle);
    await cp(join(released, 'fixtures'), join(candidate, 'fixtures'), { recursive: true });
    const result = await runFerry([
      'diff',
      GITHUB,
      candidate,
      '--fixtures',
      join(released, 'fixtures'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  ≠ issues:');
    expect(result.stdout).toContain('      changed records (first 5 of 12):');
    expect(result.stdout).toContain('        [1000] title: "Issue 1" -> (missing)');
    expect(result.stdout).toContain('different: 1 of 2 stream(s) differ');

    const json = await runFerry(['diff', GITHUB, candidate, '--json']);
    expect(json.code).toBe(1);
    const diff = JSON.parse(json.stdout);
    expect(diff.equal).toBe(false);
    expect(diff.streams[0]).toMatchObject({
      stream: 'issues',
      counts: { a: 12, b: 12 },
      missingKeys: { a: 0, b: 0 },
      schemaChanges: [],
      stateEqual: true,
    });
  });

  it('asks for fixtures when neither version has any', async () => {
    const result = await runFerry(['diff', GITHUB, GITHUB]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FERRY_FIXTURES_NOT_FOUND');
  });
});
