import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runFerry } from '../../test-cli.ts';

const EXAMPLE = join(REPO_ROOT, 'connectors/github');

async function brokenCopy(edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-cli-'));
  await cp(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  const file = join(dir, 'connector.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
  return dir;
}

describe('ferry validate', () => {
  it('exits 0 for the example connector package', async () => {
    const result = await runFerry(['validate', 'connectors/github']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      'connectors/github is a valid connector package (@ferry/connector-github 0.1.0)',
    );
    expect(result.code).toBe(0);
  });

  it('exits 1 and prints all three mistakes with path and line: unknown key, wrong type, missing key', async () => {
    const dir = await brokenCopy((text) =>
      text
        .replace('\ntitle: GitHub\n', '\n')
        .replace('    primaryKey: id\n    cursorField', '    primaryKey: {}\n    cursorField')
        .replace('  - name: issues\n', '  - name: issues\n    pagesize: 100\n'),
    );
    const result = await runFerry(['validate', join(dir, 'connector.yaml')]);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    const at = (path: string) => lines.find((l) => l.includes(`  ${path}  `)) ?? '';
    expect(at('$.title')).toMatch(
      /connector\.yaml:\d+:\d+ {2}\$\.title {2}FERRY_SCHEMA_MISSING_KEY {2}missing required key 'title'/,
    );
    expect(at('$.streams[1].pagesize')).toMatch(
      /connector\.yaml:75:5 .*FERRY_SCHEMA_UNKNOWN_KEY {2}unknown key 'pagesize'/,
    );
    expect(at('$.streams[1].primaryKey')).toMatch(
      /connector\.yaml:78:17 .*FERRY_SCHEMA_WRONG_TYPE {2}must be a string or a list, got a mapping/,
    );
    expect(result.stderr).toContain('3 problems in');
  });

  it('prints the problems as data with --json', async () => {
    const dir = await brokenCopy((text) =>
      text.replace('  - name: issues\n', '  - name: issues\n    primaryKy: id\n'),
    );
    const result = await runFerry(['validate', dir, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; kind: string; issues: unknown[] };
    expect(report).toMatchObject({ ok: false, kind: 'package' });
    expect(report.issues).toEqual([
      {
        code: 'FERRY_SCHEMA_UNKNOWN_KEY',
        file: expect.stringMatching(/connector\.yaml$/),
        path: '$.streams[1].primaryKy',
        line: 76,
        column: 5,
        message: "unknown key 'primaryKy'",
        hint: "did you mean 'primaryKey'?",
      },
    ]);
  });

  it('fails with FERRY_RUNTIME_INCOMPATIBLE when the runtime range excludes this Ferry', async () => {
    const dir = await brokenCopy((text) => text.replace('runtime: "^1"', 'runtime: ">=2"'));
    const result = await runFerry(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /connector\.yaml:7:10 {2}\$\.runtime {2}FERRY_RUNTIME_INCOMPATIBLE {2}@ferry\/connector-github expects runtime >=2, but this Ferry provides runtime 1\.0\.0/,
    );
  });

  it('reports a path that does not exist', async () => {
    const result = await runFerry(['validate', 'no/such/thing']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FERRY_FILE_NOT_FOUND');
  });
});

describe('ferry help', () => {
  it('prints usage for the program and for a command', async () => {
    const top = await runFerry(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('validate [options] [path]');
    const sub = await runFerry(['validate', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--json');
    expect(sub.stdout).toContain('Exit status: 0 when valid, 1 when there are problems.');
  });

  it('exits 2 on an unknown command', async () => {
    const result = await runFerry(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});
