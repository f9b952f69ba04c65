import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { x as extract } from 'tar';
import { installErrors } from './errors.ts';
import { isPackageName } from './spec.ts';

/** What the installer needs from a package's package.json. */
export interface PackageFacts {
  name: string;
  version: string;
  dependencies: Record<string, string>;
}

/** Extracts an npm tarball (its top folder, `package/`, stripped) into `dest`. */
export async function extractTarball(file: string, dest: string): Promise<void> {
  try {
    await extract({ file, cwd: dest, strip: 1 });
  } catch (error) {
    throw installErrors.create(
      'FERRY_INSTALL_TARBALL_INVALID',
      `${file} cannot be extracted: ${(error as Error).message}`,
      { file, cause: error },
    );
  }
}

/**
 * Reads name, version and dependencies from an extracted package. The name and version become
 * folder names, so they are checked strictly (an npm name, a semver version).
 */
export async function readPackageFacts(dir: string, origin: string): Promise<PackageFacts> {
  const file = join(dir, 'package.json');
  let pkg: { name?: unknown; version?: unknown; dependencies?: unknown };
  try {
    pkg = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw installErrors.create(
      'FERRY_INSTALL_TARBALL_INVALID',
      `${origin} has no readable package.json: ${(error as Error).message}`,
      { file: origin, cause: error },
    );
  }
  const { name, version } = pkg;
  if (typeof name !== 'string' || !isPackageName(name)) {
    throw installErrors.create(
      'FERRY_INSTALL_TARBALL_INVALID',
      `package.json of ${origin} has no valid npm name (${JSON.stringify(name)})`,
      { file: origin, path: '$.name' },
    );
  }
  if (typeof version !== 'string' || semver.valid(version) !== version) {
    throw installErrors.create(
      'FERRY_INSTALL_TARBALL_INVALID',
      `package.json of ${origin} has no valid semver version (${JSON.stringify(version)})`,
      { file: origin, path: '$.version' },
    );
  }
  const deps = pkg.dependencies;
  const dependencies =
    deps && typeof deps === 'object' && !Array.isArray(deps)
      ? (Object.fromEntries(
          Object.entries(deps).filter(([, v]) => typeof v === 'string'),
        ) as Record<string, string>)
      : {};
  return { name, version, dependencies };
}
