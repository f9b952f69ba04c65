import semver from 'semver';
import { manifestErrors } from './errors/codes.ts';
import type { FerryError } from './errors/ferry-error.ts';
import { RUNTIME_API_VERSION } from './version.ts';

/**
 * Checks a connector's `runtime` range against the running runtime API version, the way
 * fastify-plugin checks a plugin's range. Returns the coded error, or undefined when it fits.
 */
export function runtimeIncompatibility(
  connector: { name: string; runtime: string },
  where: { file?: string; line?: number; column?: number } = {},
  version: string = RUNTIME_API_VERSION,
): FerryError | undefined {
  const location = { ...where, path: '$.runtime' };
  if (semver.validRange(connector.runtime) === null) {
    return manifestErrors.create(
      'FERRY_RUNTIME_RANGE_INVALID',
      `runtime ${JSON.stringify(connector.runtime)} of ${connector.name} is not a semver range`,
      location,
    );
  }
  if (!semver.satisfies(version, connector.runtime, { includePrerelease: true })) {
    return manifestErrors.create(
      'FERRY_RUNTIME_INCOMPATIBLE',
      `${connector.name} expects runtime ${connector.runtime}, but this Ferry provides runtime ${version}`,
      { ...location, details: { expected: connector.runtime, actual: version } },
    );
  }
  return undefined;
}

/** Throws the coded error when a connector's runtime range excludes the running version. */
export function assertRuntimeCompatible(
  connector: { name: string; runtime: string },
  where: { file?: string } = {},
  version: string = RUNTIME_API_VERSION,
): void {
  const error = runtimeIncompatibility(connector, where, version);
  if (error) throw error;
}
