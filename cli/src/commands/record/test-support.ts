// Test support for `ferry record|test|diff`: copies of the GitHub connector inside the repository
// (cli/.test-tmp/, gitignored, so that @ferry/* resolve), and its generated test run by vitest
// in a child process.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../../test-cli.ts';

const TMP = fileURLToPath(new URL('../../../.test-tmp/', import.meta.url));
export const GITHUB = join(REPO_ROOT, 'connectors', 'github');

/** A full copy of the GitHub connector (its tests included), its manifest edited. */
export async function copyGitHub(name: string, edit: (m: string) => string = (m) => m) {
  await mkdir(TMP, { recursive: true });
  const dir = join(await mkdtemp(join(TMP, `${name}-`)), 'github');
  await cp(GITHUB, dir, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|fixtures|\.turbo)$/.test(source),
  });
  // The copy sits deeper in the repository: point its configs at the shared ones again.
  const up = (file: string) => relative(dir, join(REPO_ROOT, file));
  await writeFile(
    join(dir, 'vitest.config.ts'),
    `export { default } from '${up('vitest.shared.ts')}';\n`,
  );
  const tsconfig = JSON.parse(await readFile(join(dir, 'tsconfig.json'), 'utf8'));
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ ...tsconfig, extends: up('tsconfig.base.json') }),
  );
  await editManifest(dir, edit);
  return dir;
}

export async function editManifest(dir: string, edit: (m: string) => string): Promise<void> {
  const file = join(dir, 'connector.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

/** The issues stream with its `title` field dropped by a transform. */
export const dropTitle = (manifest: string) =>
  manifest.replace('      transforms:\n', '      transforms:\n        - remove: [title]\n');

/** Runs vitest on one test file of a connector folder, as a child process. */
export function runVitest(
  dir: string,
  file: string,
): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
  );
  const vitest = join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitest, 'run', file], {
      cwd: dir,
      env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A JSON config file in a fresh temporary folder. */
export async function configFile(content: object): Promise<string> {
  await mkdir(TMP, { recursive: true });
  const file = join(await mkdtemp(join(TMP, 'config-')), 'config.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}
