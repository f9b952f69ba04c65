import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeRegressionTest } from '@ferry/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runFerry } from '../../test-cli.ts';
import { runCommand } from './test-command.ts';
import { folderInRepository } from './test-folders.ts';

const VITEST = join(REPO_ROOT, 'node_modules/vitest/vitest.mjs');
const TSC = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
const BIOME = join(REPO_ROOT, 'node_modules/.bin/biome');

interface VitestReport {
  numFailedTests: number;
  numPassedTests: number;
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

// Each template is scaffolded inside the repository (cli/.test-tmp/), where @ferry/sdk,
// @ferry/testkit, vitest and typescript resolve from the repository's node_modules, and is then
// used as its author would: validate, build, lint, its own tests, typecheck.
describe.each([
  { template: 'declarative', stream: 'contacts', built: [] as string[] },
  { template: 'code', stream: 'orders', built: ['orders.js', 'check.js', 'config.js'] },
  { template: 'destination', stream: undefined, built: ['rows.js', 'check.js', 'jsonl-file.js'] },
])('a connector scaffolded from the $template template', ({ template, stream, built }) => {
  let dir: string;
  beforeAll(async () => {
    dir = join(await folderInRepository(), `sample-${template}`);
    const result = await runFerry([
      'new',
      'connector',
      `sample-${template}`,
      '--template',
      template,
      '--dir',
      dir,
      '--yes',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('is a valid connector package (ferry validate exits 0)', async () => {
    const result = await runFerry(['validate', dir]);
    expect(result.stdout).toContain(
      `valid connector package (@ferry/connector-sample-${template} 0.1.0)`,
    );
    expect(result.code).toBe(0);
  });

  it('has the generated config types that npm run generate writes', async () => {
    const result = await runCommand(
      process.execPath,
      ['scripts/generate-config-types.mjs', '--check'],
      dir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('is formatted and linted the way the repository checks it (biome, before a build adds dist/)', async () => {
    const result = await runCommand(BIOME, ['check', '--vcs-enabled=false', dir], REPO_ROOT);
    expect(result.stderr + result.stdout).not.toContain('×');
    expect(result.code).toBe(0);
  });

  it('builds (npm run build)', async () => {
    const result = await runCommand('npm', ['run', 'build'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    if (built.length > 0)
      expect((await readdir(join(dir, 'dist'))).sort()).toEqual(expect.arrayContaining(built));
  });

  it('passes its own tests: regression on the recorded fixtures and the conformance suite', async () => {
    const result = await runCommand(
      process.execPath,
      [VITEST, 'run', '--root', dir, '--reporter=json'],
      dir,
    );
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as VitestReport;
    const tests = report.testResults.flatMap((file) => file.assertionResults);
    const failed = tests.filter((t) => t.status === 'failed').map((t) => t.fullName);
    expect({ failed, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      failed: [],
      stderr: '',
    });
    const names = tests.filter((t) => t.status === 'passed').map((t) => t.fullName);
    expect(names).toContain(
      `conformance: sample-${template} records match their schema with non-null keys`,
    );
    if (stream)
      expect(names).toContain(
        `regression: sample-${template} ${stream}: a replay gives the golden records and state`,
      );
    else expect(names).toContain(`conformance: sample-${template} writes are idempotent`);
  });

  it('typechecks, tests included (tsc --noEmit), with no error in its own files', async () => {
    // Errors inside Ferry's packages (read from their sources in the repository) are theirs.
    const result = await runCommand(process.execPath, [TSC, '--noEmit', '-p', dir], dir);
    const own = result.stdout
      .split('\n')
      .filter((line) => line.includes('error TS') && !line.startsWith('../'));
    expect(own).toEqual([]);
  });

  it(
    stream
      ? 'has the regression test that ferry record writes'
      : 'has no recorded fixtures: it makes no HTTP requests',
    async () => {
      if (!stream) {
        expect((await readdir(dir)).filter((f) => f === 'fixtures')).toEqual([]);
        return;
      }
      const before = await readFile(join(dir, 'test/regression.test.ts'), 'utf8');
      const written = await writeRegressionTest({
        connector: dir,
        fixtures: join(dir, 'fixtures'),
      });
      expect(written.status).toBe('unchanged');
      expect(await readFile(join(dir, 'test/regression.test.ts'), 'utf8')).toBe(before);
    },
  );
});
