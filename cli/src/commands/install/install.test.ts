import { execFile } from 'node:child_process';
import { appendFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  copyConnector,
  GITHUB_CONNECTOR,
  installableEcb,
  tempDir,
} from '../../../../runtime/src/install/test-fixtures.ts';
import { runFerry } from '../../test-cli.ts';

const GITHUB = '@ferry/connector-github';
const ECB = '@ferry/connector-ecb-rates';
const ferry = (args: string[], cwd: string) => runFerry(args, { cwd, timeoutMs: 120_000 });

interface Row {
  name: string;
  version: string;
  status: string;
  source: string;
  resolved: string;
  usedBy: string[];
}

let project: string;
let githubV2: string;
let ecb: string;

beforeAll(async () => {
  project = await tempDir('ferry-cli-install-');
  githubV2 = await copyConnector(GITHUB_CONNECTOR, { version: '0.2.0' });
  ecb = await installableEcb();
  await writeFile(
    join(project, 'ferry.yaml'),
    [
      'version: 1',
      'connections:',
      `  gh-old: { connector: "${GITHUB}@~0.1.0" }`,
      `  gh-new: { connector: "${GITHUB}@^0.2.0" }`,
      `  rates: { connector: "${ECB}@^0.1.0" }`,
      '',
    ].join('\n'),
  );
});

describe('ferry install, list and uninstall', () => {
  it('installs package folders side by side, and a second install of the same version does nothing', async () => {
    const first = await ferry(['install', GITHUB_CONNECTOR, ecb, '--prefer-offline'], project);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      `installed: ${GITHUB}@0.1.0 -> .ferry/connectors/@ferry/connector-github/0.1.0\n` +
        `installed: ${ECB}@0.1.0 -> .ferry/connectors/@ferry/connector-ecb-rates/0.1.0\n`,
    );
    const second = await ferry(['install', githubV2], project);
    expect(second.stdout).toContain(`installed: ${GITHUB}@0.2.0`);
    const again = await ferry(['install', GITHUB_CONNECTOR], project);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      `already installed: ${GITHUB}@0.1.0 (use --force to install it again)\n`,
    );
    expect(await readdir(join(project, '.ferry/connectors/@ferry/connector-github'))).toEqual([
      '0.1.0',
      '0.2.0',
    ]);
  });

  it('lists both versions with their source and the connections that pin them', async () => {
    const json = await ferry(['list', '--json'], project);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Row[];
    expect(rows.map((r) => [r.name, r.version, r.status, r.source, r.usedBy])).toEqual([
      [ECB, '0.1.0', 'ok', 'folder', ['rates']],
      [GITHUB, '0.1.0', 'ok', 'folder', ['gh-old']],
      [GITHUB, '0.2.0', 'ok', 'folder', ['gh-new']],
    ]);
    expect(rows[1]?.resolved).toBe(`file:${GITHUB_CONNECTOR}`);
    const text = await ferry(['list'], project);
    expect(text.stdout.split('\n')[0]).toMatch(/^NAME\s+VERSION\s+STATUS\s+SOURCE\s+USED BY$/);
    expect(text.stdout).toMatch(
      /@ferry\/connector-github\s+0\.2\.0\s+ok\s+folder file:\S+\s+gh-new/,
    );
  });

  it('shows an install whose files were changed as modified, and --force repairs it', async () => {
    const file = join(project, '.ferry/connectors/@ferry/connector-github/0.1.0/connector.yaml');
    await appendFile(file, '# edited\n');
    const listed = JSON.parse((await ferry(['list', '--json'], project)).stdout) as Row[];
    expect(listed.find((r) => r.version === '0.1.0' && r.name === GITHUB)?.status).toBe('modified');
    const forced = await ferry(['install', GITHUB_CONNECTOR, '--force'], project);
    expect(forced.stdout).toContain(`reinstalled: ${GITHUB}@0.1.0`);
    const after = JSON.parse((await ferry(['list', '--json'], project)).stdout) as Row[];
    expect(after.every((r) => r.status === 'ok')).toBe(true);
  });

  it('uninstalls one version, warns about a connection left without one, and refuses what is not installed', async () => {
    const removed = await ferry(['uninstall', `${GITHUB}@0.2.0`], project);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe(`removed: ${GITHUB}@0.2.0\n`);
    expect(removed.stderr).toContain(
      "warning: connection 'gh-new' of ferry.yaml has no installed version",
    );
    const rows = JSON.parse((await ferry(['list', '--json'], project)).stdout) as Row[];
    expect(rows.map((r) => `${r.name}@${r.version}`)).toEqual([`${ECB}@0.1.0`, `${GITHUB}@0.1.0`]);

    const missing = await ferry(['uninstall', `${GITHUB}@0.2.0`], project);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('FERRY_CONNECTOR_NOT_INSTALLED');
    expect(missing.stderr).toContain('installed versions: 0.1.0');
    const range = await ferry(['uninstall', `${GITHUB}@^0.1`], project);
    expect(range.code).toBe(1);
    expect(range.stderr).toContain('FERRY_INSTALL_SPEC_INVALID');

    const all = await ferry(['uninstall', ECB], project);
    expect(all.stdout).toBe(`removed: ${ECB}@0.1.0\n`);
  });
});

describe('ferry install (sources and failures)', () => {
  it('installs a tarball into the project that --project names, and prints JSON', async () => {
    const cwd = await tempDir('ferry-cli-tgz-');
    const { stdout } = await promisify(execFile)('npm', ['pack', GITHUB_CONNECTOR, '--json'], {
      cwd,
    });
    const [packed] = JSON.parse(stdout) as { filename: string; integrity: string }[];
    await mkdir(join(cwd, 'crm'));
    const result = await ferry(
      ['install', packed?.filename as string, '--project', 'crm/ferry.yaml', '--json'],
      cwd,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        name: GITHUB,
        version: '0.1.0',
        dir: 'crm/.ferry/connectors/@ferry/connector-github/0.1.0',
        status: 'installed',
        source: 'tarball',
        resolved: `file:${join(cwd, packed?.filename as string)}`,
        integrity: packed?.integrity,
      },
    ]);
    expect(await readdir(join(cwd, 'crm'))).toEqual(['.ferry', 'ferry.lock']);

    // A fresh clone has ferry.lock but no .ferry/: `ferry install` with no spec restores it.
    await rm(join(cwd, 'crm/.ferry'), { recursive: true });
    const restored = await ferry(['install', '--project', 'crm/ferry.yaml'], cwd);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toBe(
      `installed: ${GITHUB}@0.1.0 -> crm/.ferry/connectors/@ferry/connector-github/0.1.0\n`,
    );
    const nothing = await ferry(['install', '--project', 'crm/ferry.yaml'], cwd);
    expect(nothing.stdout).toBe(
      'nothing to install: everything crm/ferry.lock records is installed\n',
    );
  });

  it('exits 1 with the code, the file and the fix', async () => {
    const cwd = await tempDir('ferry-cli-bad-');
    const missing = await ferry(['install', './nowhere'], cwd);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^FERRY_INSTALL_SPEC_INVALID .*nowhere: .*does not exist\n {4}fix: /,
    );

    const broken = await copyConnector(GITHUB_CONNECTOR, { runtime: '^7' });
    const invalid = await ferry(['install', broken], cwd);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('FERRY_INSTALL_PACKAGE_INVALID');
    expect(invalid.stderr).toContain(
      `${join(broken, 'connector.yaml')}:7:10  $.runtime  FERRY_RUNTIME_INCOMPATIBLE`,
    );
    expect(await readdir(join(cwd, '.ferry/tmp'))).toEqual([]);

    const usage = await ferry(['install', '--bogus'], cwd);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown option '--bogus'");
  });
});
