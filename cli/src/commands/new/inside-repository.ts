import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

interface PackageJson {
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [key: string]: unknown;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A path from `from` to `to` for a config file: always with `./` or `../` in front. */
function relativeFrom(from: string, to: string): string {
  const path = relative(from, to);
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * Turns a scaffolded package into a member of the Ferry repository: Ferry's packages are the
 * workspace ones (`*`), the tools the root already provides (and the CLI, a workspace) leave
 * its devDependencies, and tsconfig.json extends the repository's base (which adds the
 * `@ferry/source` condition, so tsc reads Ferry's packages from their sources).
 */
export async function adaptToRepository(target: string, repository: string): Promise<void> {
  const root = await readJson<PackageJson>(join(repository, 'package.json'));
  const provided = new Set([...Object.keys(root.devDependencies ?? {}), '@ferry/cli']);
  const pkgFile = join(target, 'package.json');
  const pkg = await readJson<PackageJson>(pkgFile);
  for (const key of ['devDependencies', 'peerDependencies'] as const) {
    const deps = pkg[key];
    if (!deps) continue;
    pkg[key] = Object.fromEntries(
      Object.entries(deps)
        .filter(([name]) => key !== 'devDependencies' || !provided.has(name))
        .map(([name, range]) => [name, name.startsWith('@ferry/') ? '*' : range]),
    );
  }
  await writeJson(pkgFile, pkg);

  const tsconfigFile = join(target, 'tsconfig.json');
  const { include } = await readJson<{ include?: string[] }>(tsconfigFile);
  const extendsPath = relativeFrom(target, join(repository, 'tsconfig.base.json'));
  // Written as Biome formats it, since the repository lints the new package.
  await writeFile(
    tsconfigFile,
    `{
  "extends": ${JSON.stringify(extendsPath)},
  "compilerOptions": { "noEmit": true },
  "include": ${JSON.stringify(include ?? ['src', 'test']).replaceAll(',', ', ')}
}
`,
  );
}

/** Where a scaffolded file's `$schema` comment points: the repository's schemas, or node_modules. */
export function schemaLocation(
  target: string,
  repository: string | undefined,
  file: string,
): string {
  return repository
    ? relativeFrom(target, join(repository, 'packages/manifest/schemas', file))
    : `./node_modules/@ferry/manifest/schemas/${file}`;
}
