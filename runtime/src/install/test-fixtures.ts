import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test and benchmark support: the example connectors of this repository. */
export const GITHUB_CONNECTOR = fileURLToPath(
  new URL('../../../connectors/github', import.meta.url),
);
export const ECB_CONNECTOR = fileURLToPath(
  new URL('../../../connectors/ecb-rates', import.meta.url),
);

export async function tempDir(prefix = 'ferry-install-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export interface CopyOptions {
  /** A new package name (the manifest's `name` follows). */
  name?: string;
  /** A new package version (the manifest says it in its description). */
  version?: string;
  /** Extra entries for package.json `files` (e.g. `src` for an unbuilt handler). */
  files?: string[];
  /** The manifest's `runtime` range. */
  runtime?: string;
  /** Parent folder of the copy; a new temp folder otherwise. */
  into?: string;
}

/**
 * Copies a connector package folder (without node_modules and build caches) to a temp folder
 * and edits its package.json and manifest: how tests make a second version or another name.
 */
export async function copyConnector(from: string, options: CopyOptions = {}): Promise<string> {
  const dir = join(options.into ?? (await tempDir('ferry-connector-')), basename(from));
  await cp(from, dir, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|\.turbo|dist)$/.test(src),
  });
  const pkgFile = join(dir, 'package.json');
  const pkg = JSON.parse(await readFile(pkgFile, 'utf8'));
  const manifestFile = join(dir, pkg.ferry.manifest);
  let manifest = await readFile(manifestFile, 'utf8');
  if (options.name) {
    manifest = manifest.replace(`name: "${pkg.name}"`, `name: "${options.name}"`);
    pkg.name = options.name;
  }
  if (options.version) {
    pkg.version = options.version;
    manifest = manifest.replace(/^title: (.*)$/m, `title: $1 ${options.version}`);
  }
  if (options.runtime)
    manifest = manifest.replace(/^runtime: .*$/m, `runtime: "${options.runtime}"`);
  if (options.files) pkg.files = [...new Set([...(pkg.files ?? []), ...options.files])];
  await writeFile(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  await writeFile(manifestFile, manifest);
  return dir;
}

/**
 * The ECB connector as an installable folder: its package.json `files` lists `dist` (not
 * built in this repository) but not `schemas`; the copy adds `schemas` and `src`, so the
 * handler runs from its TypeScript source.
 */
export function installableEcb(options: CopyOptions = {}): Promise<string> {
  return copyConnector(ECB_CONNECTOR, {
    ...options,
    files: ['schemas', 'src', ...(options.files ?? [])],
  });
}

/**
 * A small declarative connector that can write: `@acme/connector-crm` with `contacts` (read and
 * write), `events` (write only) and a config with `x-secret` fields, as a package folder.
 */
export async function crmConnector(version = '1.0.0'): Promise<string> {
  const dir = join(await tempDir('ferry-crm-'), 'crm');
  await cp(new URL('./fixtures-crm/', import.meta.url), dir, { recursive: true });
  const pkgFile = join(dir, 'package.json');
  const pkg = JSON.parse(await readFile(pkgFile, 'utf8'));
  await writeFile(pkgFile, `${JSON.stringify({ ...pkg, version }, null, 2)}\n`);
  return dir;
}
