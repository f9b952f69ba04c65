import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import semver from 'semver';

/**
 * The dependencies of a connector that the project already provides: packages that resolve
 * from the install folder (through the project's node_modules, as Node resolves them) in a
 * version the range accepts. They are not installed again, which also spares rebuilding native
 * modules (better-sqlite3) for every connector. Returns the dependencies still to install.
 */
export async function missingDependencies(
  installFolder: string,
  dependencies: Record<string, string>,
): Promise<Record<string, string>> {
  const require = createRequire(join(installFolder, 'package.json'));
  const missing: Record<string, string> = {};
  for (const [name, range] of Object.entries(dependencies)) {
    const version = await providedVersion(require, name);
    if (!version || !semver.satisfies(version, range, { includePrerelease: true }))
      missing[name] = range;
  }
  return missing;
}

async function providedVersion(require: NodeJS.Require, name: string): Promise<string | undefined> {
  try {
    const manifest = JSON.parse(
      await readFile(require.resolve(`${name}/package.json`), 'utf8'),
    ) as { version?: string };
    return manifest.version;
  } catch {
    return undefined;
  }
}
