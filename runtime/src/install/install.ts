import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { formatIssue, type Issue, validateConnectorPackage } from '@ferry/manifest';
import { forgetConnectors } from './cache.ts';
import { contentHash, fileIntegrity } from './content-hash.ts';
import { installErrors } from './errors.ts';
import { type LockEntry, lockKey, readLockfile, updateLockfile } from './lockfile.ts';
import { type NpmOptions, npmInstallDependencies, npmPack, npmTarballUrl } from './npm.ts';
import { ensureFerryDir, installDir, lockPath } from './paths.ts';
import { missingDependencies } from './provided-deps.ts';
import { classifySpec, type InstallSource } from './spec.ts';
import { extractTarball, type PackageFacts, readPackageFacts } from './tarball.ts';

export interface InstallOptions {
  /** Install again even when this name@version is installed. */
  force?: boolean;
  /** The folder relative paths in specs are resolved from; default the current folder. */
  cwd?: string;
  /** npm registry URL; npm's configuration (the project's .npmrc included) otherwise. */
  registry?: string;
  /** Let npm use its cache before the network. */
  preferOffline?: boolean;
}

export interface InstallResult {
  name: string;
  version: string;
  dir: string;
  /** `unchanged`: that name@version was installed already (and `force` was not given). */
  status: 'installed' | 'reinstalled' | 'unchanged';
  entry: LockEntry;
}

/**
 * Installs connector packages side by side under `.ferry/connectors/<name>/<version>/` and
 * records each in ferry.lock. A spec is an npm `name@range` (packed by npm from the registry),
 * a package folder (packed with `npm pack`, so only its published files are installed) or a
 * tarball. The package is extracted and validated in a staging folder under `.ferry/tmp/`, its
 * `dependencies` installed, and only then moved into place: a failed install leaves nothing.
 */
export async function installConnectors(
  projectDir: string,
  specs: string[],
  options: InstallOptions = {},
): Promise<InstallResult[]> {
  const results: InstallResult[] = [];
  for (const spec of specs) results.push(await installOne(projectDir, spec, options));
  return results;
}

/** What a lock entry demands of a reinstall: the same tarball, and the spec it recorded. */
export interface LockedInstall {
  integrity: string;
  spec?: string;
}

export async function installOne(
  projectDir: string,
  spec: string,
  options: InstallOptions,
  fromLock?: LockedInstall,
): Promise<InstallResult> {
  const source = await classifySpec(spec, options.cwd ?? process.cwd());
  const npm: NpmOptions = {
    cwd: projectDir,
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.preferOffline ? { preferOffline: true } : {}),
  };
  const tmp = join(await ensureFerryDir(projectDir), 'tmp');
  await mkdir(tmp, { recursive: true });
  const work = await mkdtemp(join(tmp, 'install-'));
  try {
    const tarball = await obtainTarball(source, work, npm);
    if (fromLock && tarball.integrity !== fromLock.integrity) {
      throw installErrors.create(
        'FERRY_LOCK_INTEGRITY_MISMATCH',
        `${source.spec} now packs to ${tarball.integrity}, but ferry.lock records ${fromLock.integrity}`,
        {
          file: lockPath(projectDir),
          details: { expected: fromLock.integrity, actual: tarball.integrity },
        },
      );
    }
    const staged = join(work, 'package');
    await mkdir(staged);
    await extractTarball(tarball.file, staged);
    const facts = await readPackageFacts(staged, source.spec);
    const target = installDir(projectDir, facts.name, facts.version);
    const locked = (await readLockfile(projectDir)).connectors[lockKey(facts.name, facts.version)];
    const present = await exists(target);
    if (present && locked && !options.force) {
      return {
        name: facts.name,
        version: facts.version,
        dir: target,
        status: 'unchanged',
        entry: locked,
      };
    }
    await validateStaged(staged, source, facts);
    const missing = await missingDependencies(target, facts.dependencies);
    if (Object.keys(missing).length > 0)
      await npmInstallDependencies(staged, missing, join(work, 'deps'), npm);
    const entry: LockEntry = {
      name: facts.name,
      version: facts.version,
      source: source.type,
      ...(source.type === 'registry' ? { spec: fromLock?.spec ?? source.spec } : {}),
      resolved: await resolvedOf(source, facts, npm),
      integrity: tarball.integrity,
      contentHash: await contentHash(staged),
    };
    await moveIntoPlace(staged, target, join(work, 'previous'));
    forgetConnectors(target);
    await updateLockfile(projectDir, (lock) => {
      lock.connectors[lockKey(facts.name, facts.version)] = entry;
    });
    return {
      name: facts.name,
      version: facts.version,
      dir: target,
      status: present ? 'reinstalled' : 'installed',
      entry,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function obtainTarball(
  source: InstallSource,
  work: string,
  npm: NpmOptions,
): Promise<{ file: string; integrity: string }> {
  if (source.type === 'tarball')
    return { file: source.path, integrity: await fileIntegrity(source.path) };
  const packed = await npmPack(source.type === 'folder' ? source.path : source.spec, work, npm);
  return { file: packed.file, integrity: packed.integrity };
}

async function resolvedOf(
  source: InstallSource,
  facts: PackageFacts,
  npm: NpmOptions,
): Promise<string> {
  if (source.type !== 'registry') return `file:${source.path}`;
  return (await npmTarballUrl(facts.name, facts.version, npm)) ?? `${facts.name}@${facts.version}`;
}

/** Validates the staged package; issues name the files where the user can fix them. */
async function validateStaged(
  staged: string,
  source: InstallSource,
  facts: PackageFacts,
): Promise<void> {
  const result = await validateConnectorPackage(staged);
  if (result.ok) return;
  const label = source.type === 'folder' ? source.path : `${facts.name}@${facts.version}`;
  const issues: Issue[] = result.issues.map((issue) => ({
    ...issue,
    file: issue.file.startsWith(staged) ? join(label, relative(staged, issue.file)) : issue.file,
  }));
  const shown = issues.slice(0, 10).map(formatIssue).join('\n');
  const more = issues.length > 10 ? `\n... and ${issues.length - 10} more` : '';
  throw installErrors.create(
    'FERRY_INSTALL_PACKAGE_INVALID',
    `${facts.name}@${facts.version} (${source.spec}) is not a valid connector; nothing was installed:\n${shown}${more}`,
    {
      file: issues[0]?.file ?? label,
      ...(issues[0]?.path ? { path: issues[0].path } : {}),
      details: { issues },
    },
  );
}

/** Renames the staged folder to the target; an existing target is swapped out, and back on failure. */
async function moveIntoPlace(staged: string, target: string, previous: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const replacing = await exists(target);
  if (replacing) await rename(target, previous);
  try {
    await rename(staged, target);
  } catch (error) {
    if (replacing) await rename(previous, target);
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
