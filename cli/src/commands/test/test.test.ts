import { join } from 'node:path';
import { record, writeRegressionTest } from '@ferry/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeGitHub, makeIssues } from '../../../../connectors/github/test/fake-github.ts';
import { plantedConnector } from '../../../../packages/testkit/src/conformance/test-connectors.ts';
import { runFerry } from '../../test-cli.ts';
import { configFile, copyGitHub } from '../record/test-support.ts';

const TOKEN = 'ghp_cli_test_777';
let github: string;

/** A copy of the GitHub connector with fixtures and the generated test, recorded with the API closed after. */
beforeAll(async () => {
  github = await copyGitHub('test');
  const server = await fakeGitHub(TOKEN, { 'acme/app': makeIssues(40) });
  try {
    const config = { token: TOKEN, repositories: ['acme/app'], baseUrl: server.url };
    await record({ connector: github, config, fixtures: join(github, 'fixtures') });
  } finally {
    await server.close();
  }
  await writeRegressionTest({ connector: github, fixtures: join(github, 'fixtures') });
});

describe('ferry test', () => {
  it('checks a connector offline on its fixtures, then runs its own tests, and exits 0', async () => {
    const result = await runFerry(['test'], { cwd: github, timeoutMs: 120_000 });
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('ferry test . (offline, replaying fixtures)');
    expect(lines).toContain('  ✓ manifest is valid');
    expect(lines).toContain('  ✓ check fails on a bad config');
    expect(lines).toContain('  ✓ incremental read returns only newer records (issues)');
    expect(lines).toContain(
      "  – incremental read returns only newer records (repositories): stream 'repositories' has no cursor field",
    );
    expect(lines).toContain('  – writes are idempotent: no writable stream');
    expect(lines).toContain('  ✓ connector tests (npm test)');
    expect(lines.at(-2)).toBe('ok: 13 passed, 0 failed, 3 not applicable');
    expect(result.code).toBe(0);
  });

  it('exits 1 on a connector with a planted bug, naming the check, the state and the record', async () => {
    const connector = await plantedConnector('cli-state', { ignoreState: true });
    const config = await configFile({ apiKey: 'right-key', path: join(connector, 'items.jsonl') });
    const result = await runFerry(['test', connector, '--config', config]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `  ✗ incremental read returns only newer records (items)\n      stream 'items': the read from state {"cursor":"2024-05-05T10:00:00Z"} returned 5 of 5 records that are not newer:\n        record [1] with updated_at "2024-05-01T10:00:00Z" is older than the state's cursor`,
    );
    expect(result.stdout).toContain('  ✓ records match their schema with non-null keys (items)');
    expect(result.stdout).toContain('  – connector tests: no test script in package.json');
    expect(result.stdout).toContain('FAILED: 7 passed, 2 failed, 2 not applicable');
  });

  it('prints the outcomes as JSON with --json', async () => {
    const connector = await plantedConnector('cli-json', {
      item: '({ id: i === 1 ? null : i + 1, updated_at: `2024-05-0${i + 1}T10:00:00Z` })',
    });
    const config = await configFile({ apiKey: 'right-key', path: join(connector, 'items.jsonl') });
    const result = await runFerry(['test', connector, '--config', config, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(false);
    expect(report.checks).toContainEqual({
      check: 'records match their schema with non-null keys',
      status: 'failed',
      stream: 'items',
      message: expect.stringContaining(
        "record #1 (key [null]) has a null primary key: 'id' is null",
      ),
    });
  });

  it('asks for a config or fixtures when it has neither', async () => {
    const connector = await plantedConnector('cli-none', {});
    const result = await runFerry(['test', connector]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FERRY_FIXTURES_NOT_FOUND');
    expect(result.stderr).toContain(
      'fix: Give a working config (ferry test <connector> --config <file>), or record fixtures first',
    );
  });
});
