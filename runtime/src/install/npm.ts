import { spawn } from 'node:child_process';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { installErrors } from './errors.ts';

/** How npm is run for installs: from the project folder, so its .npmrc applies. */
export interface NpmOptions {
  cwd: string;
  /** A registry URL (`--registry`); npm's own configuration otherwise. */
  registry?: string;
  /** Use npm's cache before the network (`--prefer-offline`). */
  preferOffline?: boolean;
}

export interface Packed {
  file: string;
  name: string;
  version: string;
  integrity: string;
}

/** `npm pack <target> --json` into `dest`: a folder or a registry spec becomes a tarball. */
export async function npmPack(target: string, dest: string, options: NpmOptions): Promise<Packed> {
  const out = await runNpm(
    ['pack', target, '--json', '--pack-destination', dest, '--ignore-scripts'],
    options,
    target,
  );
  const info = parseJson(out, target) as {
    filename?: string;
    name?: string;
    version?: string;
    integrity?: string;
  }[];
  const first = Array.isArray(info) ? info[0] : undefined;
  if (!first?.filename || !first.name || !first.version || !first.integrity) {
    throw installErrors.create(
      'FERRY_INSTALL_NPM_FAILED',
      `npm pack ${target} printed no package (name, version, filename, integrity)`,
      { file: target },
    );
  }
  return {
    file: join(dest, first.filename),
    name: first.name,
    version: first.version,
    integrity: first.integrity,
  };
}

/** The tarball URL the registry gives for name@version (`npm view ... dist.tarball`). */
export async function npmTarballUrl(
  name: string,
  version: string,
  options: NpmOptions,
): Promise<string | undefined> {
  const spec = `${name}@${version}`;
  const out = await runNpm(['view', spec, 'dist.tarball', '--json'], options, spec);
  const url = out.trim() === '' ? undefined : parseJson(out, spec);
  return typeof url === 'string' ? url : undefined;
}

/**
 * Installs a package's `dependencies` (only those: its devDependencies and peers, such as
 * @ferry/sdk, may not be published) into `<packageDir>/node_modules`. Install scripts run:
 * native modules must build, and a connector's code runs with the same rights anyway. npm runs in a staging
 * folder holding a package.json with just those dependencies, and its node_modules is then
 * moved into the package folder.
 */
export async function npmInstallDependencies(
  packageDir: string,
  dependencies: Record<string, string>,
  staging: string,
  options: NpmOptions,
): Promise<void> {
  await mkdir(staging, { recursive: true });
  await writeFile(
    join(staging, 'package.json'),
    JSON.stringify({ name: 'ferry-connector-dependencies', private: true, dependencies }),
  );
  await runNpm(
    [
      'install',
      '--omit=dev',
      '--omit=peer',
      '--legacy-peer-deps',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
    ],
    { ...options, cwd: staging },
    join(packageDir, 'package.json'),
  );
  await rename(join(staging, 'node_modules'), join(packageDir, 'node_modules'));
}

/** Runs npm and returns its stdout; a failure is FERRY_INSTALL_NPM_FAILED with npm's error lines. */
export function runNpm(args: string[], options: NpmOptions, subject: string): Promise<string> {
  const all = [
    ...args,
    '--loglevel=error',
    ...(options.registry ? [`--registry=${options.registry}`] : []),
    ...(options.preferOffline ? ['--prefer-offline'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', all, {
      cwd: options.cwd,
      env: npmEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) =>
      reject(
        installErrors.create(
          'FERRY_INSTALL_NPM_FAILED',
          `npm could not be started: ${error.message}`,
          {
            file: subject,
            hint: 'Ferry installs connectors with npm: put npm on the PATH.',
          },
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve(stdout);
      const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/complete log of this run/i.test(l))
        .slice(0, 6);
      reject(
        installErrors.create(
          'FERRY_INSTALL_NPM_FAILED',
          `npm ${args[0]} failed for ${subject} (exit ${code}):\n${lines.join('\n')}`,
          { file: subject, details: { npm: args[0], exitCode: code } },
        ),
      );
    });
  });
}

/** The environment minus npm's workspace settings, which `npm run -w x` passes to its children. */
function npmEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^npm_config_(workspaces?|include_workspace_root)$/i.test(key)) delete env[key];
  return env;
}

function parseJson(text: string, subject: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw installErrors.create(
      'FERRY_INSTALL_NPM_FAILED',
      `npm printed something other than JSON for ${subject}: ${text.slice(0, 200)}`,
      { file: subject },
    );
  }
}
