import { type Connector, openConnector } from '@ferry/declarative';
import {
  type FerryError,
  type Issue,
  isFerryError,
  manifestErrors,
  readSource,
  runtimeIncompatibility,
} from '@ferry/manifest';
import semver from 'semver';
import { cacheConnector, cachedConnector } from './cache.ts';
import { contentHash } from './content-hash.ts';
import { installErrors } from './errors.ts';
import { installedVersions } from './installed.ts';
import { type LockEntry, lockKey, readLockfile } from './lockfile.ts';
import { connectorsDir, installDir, lockPath } from './paths.ts';
import { provideSdk } from './provide-sdk.ts';
import { parsePin } from './spec.ts';

export interface LoadOptions {
  /** The runtime API version to check the connector's `runtime` range against (tests). */
  runtimeVersion?: string;
  /** Where the pin was written, for error messages (ferry.yaml and its JSON path). */
  where?: { file?: string; path?: string };
}

/**
 * Loads the installed connector a pin (`name@range`) names: the highest installed version
 * that satisfies the range, after checking that ferry.lock records it, that its files still
 * hash to the recorded content hash, and that its `runtime` range admits this runtime. Loads are
 * cached per install folder.
 */
export async function loadInstalledConnector(
  projectDir: string,
  pin: string,
  options: LoadOptions = {},
): Promise<Connector> {
  const dir = await resolveInstalled(projectDir, pin, options.where);
  const cached = cachedConnector(dir.path);
  if (cached) return cached;
  return cacheConnector(dir.path, open(projectDir, dir, options));
}

/** The install folder a pin resolves to (highest satisfying version). */
export async function resolveInstalled(
  projectDir: string,
  pin: string,
  where: { file?: string; path?: string } = {},
): Promise<{ name: string; version: string; path: string }> {
  const { name, range } = parsePin(pin, where);
  const versions = await installedVersions(projectDir, name);
  const version = semver.maxSatisfying(versions, range);
  if (!version) {
    const what = versions.length > 0 ? `installed: ${versions.join(', ')}` : 'none is installed';
    throw installErrors.create(
      'FERRY_CONNECTOR_NOT_INSTALLED',
      `no installed version of ${name} satisfies ${range} (${what}) in ${connectorsDir(projectDir)}`,
      {
        file: where.file ?? lockPath(projectDir),
        ...(where.path ? { path: where.path } : {}),
        hint: `Install it: ferry install ${name}@${range}${
          where.file ? ` --project ${where.file}` : ''
        }`,
        details: { name, range, installed: versions },
      },
    );
  }
  return { name, version, path: installDir(projectDir, name, version) };
}

async function open(
  projectDir: string,
  dir: { name: string; version: string; path: string },
  options: LoadOptions,
): Promise<Connector> {
  const entry = (await readLockfile(projectDir)).connectors[lockKey(dir.name, dir.version)];
  if (!entry) {
    throw installErrors.create(
      'FERRY_LOCK_ENTRY_MISSING',
      `${lockPath(projectDir)} has no entry for ${dir.name}@${dir.version}, installed in ${dir.path}`,
      {
        file: lockPath(projectDir),
        path: `$.connectors[${JSON.stringify(lockKey(dir.name, dir.version))}]`,
        hint: `Install it again so that it is recorded: ferry install <its folder, tarball or ${dir.name}@${dir.version}> --force`,
      },
    );
  }
  const actual = await contentHash(dir.path);
  if (actual !== entry.contentHash) {
    throw installErrors.create(
      'FERRY_CONNECTOR_TAMPERED',
      `the files of ${dir.name}@${dir.version} in ${dir.path} changed after it was installed (content hash ${actual}, ferry.lock records ${entry.contentHash})`,
      {
        file: dir.path,
        hint: `Do not edit installed connectors; reinstall it: ferry install ${reinstallSpec(entry)} --force`,
        details: { expected: entry.contentHash, actual },
      },
    );
  }
  provideSdk();
  let connector: Connector;
  try {
    connector = await openConnector(dir.path);
  } catch (error) {
    throw runtimeError(error, dir.path) ?? error;
  }
  if (options.runtimeVersion) await checkRuntime(connector, options.runtimeVersion);
  return connector;
}

/**
 * Validation inside openConnector reports a `runtime` range that excludes this runtime as one
 * issue of FERRY_CONNECTOR_INVALID; the loader raises it as FERRY_RUNTIME_INCOMPATIBLE itself.
 */
function runtimeError(error: unknown, dir: string): FerryError | undefined {
  if (!isFerryError(error) || error.code !== 'FERRY_CONNECTOR_INVALID') return undefined;
  const issues = (error.details?.issues ?? []) as Issue[];
  const issue = issues.find((i) => i.code === 'FERRY_RUNTIME_INCOMPATIBLE');
  if (!issue) return undefined;
  return manifestErrors.create(
    'FERRY_RUNTIME_INCOMPATIBLE',
    `${issue.message} (installed in ${dir})`,
    {
      file: issue.file,
      path: issue.path,
      ...(issue.line ? { line: issue.line, column: issue.column ?? 1 } : {}),
      cause: error,
    },
  );
}

/** The same check against another runtime version (tests); the manifest is parsed only on failure. */
async function checkRuntime(connector: Connector, version: string): Promise<void> {
  const { name, runtime } = connector.spec();
  if (!runtimeIncompatibility({ name, runtime }, {}, version)) return;
  const { source } = await readSource(connector.file);
  const error = runtimeIncompatibility(
    { name, runtime },
    { file: connector.file, ...source?.locate(['runtime']) },
    version,
  );
  if (error) throw error;
}

function reinstallSpec(entry: LockEntry): string {
  if (entry.source === 'registry') return `${entry.name}@${entry.version}`;
  return entry.resolved.replace(/^file:/, '');
}
