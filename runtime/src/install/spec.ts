import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import semver from 'semver';
import { installErrors } from './errors.ts';

/** Where a connector comes from: the npm registry, a package folder, or a tarball. */
export type InstallSource =
  | { type: 'registry'; spec: string; name: string; range: string }
  | { type: 'folder'; spec: string; path: string }
  | { type: 'tarball'; spec: string; path: string };

/** An npm package name (scoped or not), lower case as npm requires for new packages. */
const NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const DIST_TAG = /^[A-Za-z][A-Za-z0-9._-]*$/;
const TARBALL = /\.(tgz|tar\.gz|tar)$/i;
/** npm's rule for a file spec: starts with ., /, ~/, a drive letter, or file:. */
const PATH_LIKE = /^(?:\.|~[/\\]|[/\\]|[A-Za-z]:[/\\]|file:)/;

export function isPackageName(name: string): boolean {
  return NAME.test(name) && name.length <= 214;
}

/**
 * Splits `name@range` at its last `@` (a scope's `@` comes first): `@ferry/x@^1` ->
 * `{ name: '@ferry/x', range: '^1' }`; a name alone gets `defaultRange`. Undefined when the name
 * is not an npm name or the range is empty.
 */
export function splitNameRange(
  spec: string,
  defaultRange = '*',
): { name: string; range: string } | undefined {
  const at = spec.lastIndexOf('@');
  const name = at > 0 ? spec.slice(0, at) : spec;
  const range = at > 0 ? spec.slice(at + 1).trim() : defaultRange;
  if (!isPackageName(name) || range === '') return undefined;
  return { name, range };
}

/**
 * A connection's pin (`name@range`) as the loader reads it: the range must be a semver range
 * (an exact version is one). Throws FERRY_CONNECTOR_PIN_INVALID.
 */
export function parsePin(
  pin: string,
  where: { file?: string; path?: string } = {},
): { name: string; range: string } {
  const parts = splitNameRange(pin.trim());
  if (!parts || semver.validRange(parts.range) === null) {
    throw installErrors.create(
      'FERRY_CONNECTOR_PIN_INVALID',
      `${JSON.stringify(pin)} is not name@range${where.path ? ` (${where.path})` : ''}`,
      where,
    );
  }
  return parts;
}

/**
 * Tells what an install spec names. Paths (./x, ../x, /x, ~/x, file:x, or a name ending in
 * .tgz/.tar.gz) are resolved from `cwd` and must exist; anything else is an npm registry spec
 * `name[@range|@tag]`.
 */
export async function classifySpec(spec: string, cwd: string): Promise<InstallSource> {
  const trimmed = spec.trim();
  if (PATH_LIKE.test(trimmed) || TARBALL.test(trimmed)) {
    const raw = trimmed.replace(/^file:/, '');
    const path = raw.startsWith('~') ? resolve(homedir(), raw.slice(2)) : resolve(cwd, raw);
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      throw installErrors.create('FERRY_INSTALL_SPEC_INVALID', `${path} does not exist`, {
        file: path,
        hint: 'Check the path of the package folder or tarball; relative paths are resolved from the current folder.',
      });
    }
    return info.isDirectory()
      ? { type: 'folder', spec: trimmed, path }
      : { type: 'tarball', spec: trimmed, path };
  }
  const parts = splitNameRange(trimmed, 'latest');
  if (!parts || (semver.validRange(parts.range) === null && !DIST_TAG.test(parts.range))) {
    throw installErrors.create(
      'FERRY_INSTALL_SPEC_INVALID',
      `${JSON.stringify(spec)} is not an npm name@range, nor a path to a folder or tarball`,
      { file: spec },
    );
  }
  return { type: 'registry', spec: `${parts.name}@${parts.range}`, ...parts };
}
