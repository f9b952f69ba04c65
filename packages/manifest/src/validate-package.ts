import { join, relative, resolve } from 'node:path';
import type { Issue, Validation } from './issue.ts';
import { issueAt } from './located.ts';
import { readSource } from './source.ts';
import {
  type LoadedManifest,
  type ManifestOptions,
  validateManifestFile,
} from './validate-manifest.ts';

/** A connector package: its package.json facts and its validated manifest. */
export interface ConnectorPackage extends LoadedManifest {
  packageDir: string;
  packageName: string;
  packageVersion: string;
}

/**
 * Validates a connector package folder: package.json names a manifest (`ferry.manifest`), the
 * manifest is valid, its files exist, and its name and version agree with package.json.
 */
export async function validateConnectorPackage(
  dir: string,
  options: ManifestOptions = {},
): Promise<Validation<ConnectorPackage>> {
  const pkgFile = join(dir, 'package.json');
  const parsed = await readSource(pkgFile);
  if (!parsed.source) return { ok: false, issues: parsed.issues };
  const pkgSource = parsed.source;
  const pkg = (pkgSource.data ?? {}) as {
    name?: unknown;
    version?: unknown;
    ferry?: { manifest?: unknown };
  };
  const manifestRef = pkg.ferry?.manifest;
  if (typeof manifestRef !== 'string') {
    return {
      ok: false,
      issues: [
        issueAt(
          pkgSource,
          'FERRY_PACKAGE_NO_MANIFEST',
          pkg.ferry === undefined ? ['ferry'] : ['ferry', 'manifest'],
          `${relative(process.cwd(), pkgFile) || pkgFile} does not name a Ferry manifest`,
        ),
      ],
    };
  }
  const manifestFile = resolve(dir, manifestRef);
  const result = await validateManifestFile(manifestFile, options);
  const issues: Issue[] = [...result.issues];
  const manifestSource = await readSource(manifestFile);
  const { name, version } = (manifestSource.source?.data ?? {}) as {
    name?: unknown;
    version?: unknown;
  };
  if (
    manifestSource.source &&
    typeof name === 'string' &&
    typeof pkg.name === 'string' &&
    name !== pkg.name
  ) {
    issues.push(
      issueAt(
        manifestSource.source,
        'FERRY_PACKAGE_NAME_MISMATCH',
        ['name'],
        `name '${name}' differs from package.json name '${pkg.name}'`,
        `set name: '${pkg.name}'`,
      ),
    );
  }
  if (
    manifestSource.source &&
    typeof version === 'string' &&
    typeof pkg.version === 'string' &&
    version !== pkg.version
  ) {
    issues.push(
      issueAt(
        manifestSource.source,
        'FERRY_PACKAGE_VERSION_MISMATCH',
        ['version'],
        `version '${version}' differs from package.json version '${pkg.version}'`,
      ),
    );
  }
  if (issues.length > 0 || !result.value) return { ok: false, issues };
  return {
    ok: true,
    issues,
    value: {
      ...result.value,
      packageDir: dir,
      packageName: String(pkg.name),
      packageVersion: String(pkg.version),
    },
  };
}
