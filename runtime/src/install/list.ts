import { join } from 'node:path';
import { readSource } from '@ferry/manifest';
import semver from 'semver';
import { installedNames, installedVersions } from './installed.ts';
import { type LockEntry, lockKey, readLockfile } from './lockfile.ts';
import { installDir } from './paths.ts';
import { splitNameRange } from './spec.ts';

export interface ListedConnector {
  name: string;
  version: string;
  dir: string;
  /** The ferry.lock entry; absent when the folder is not recorded (the loader refuses it). */
  lock?: LockEntry;
  /** Connections of ferry.yaml whose pin (`name@range`) the loader resolves to this version. */
  usedBy: string[];
}

/**
 * Every installed connector version, with its ferry.lock entry and the connections of the
 * project file (`ferry.yaml` in the project folder unless given) that use it.
 */
export async function listConnectors(
  projectDir: string,
  options: { projectFile?: string } = {},
): Promise<ListedConnector[]> {
  const lock = await readLockfile(projectDir);
  const pins = await connectionPins(options.projectFile ?? join(projectDir, 'ferry.yaml'));
  const listed: ListedConnector[] = [];
  for (const name of await installedNames(projectDir)) {
    const versions = await installedVersions(projectDir, name);
    const users = new Map<string, string[]>();
    for (const [connection, pin] of pins) {
      if (pin.name !== name || semver.validRange(pin.range) === null) continue;
      const chosen = semver.maxSatisfying(versions, pin.range);
      if (chosen) users.set(chosen, [...(users.get(chosen) ?? []), connection]);
    }
    for (const version of versions) {
      const entry = lock.connectors[lockKey(name, version)];
      listed.push({
        name,
        version,
        dir: installDir(projectDir, name, version),
        ...(entry ? { lock: entry } : {}),
        usedBy: users.get(version) ?? [],
      });
    }
  }
  return listed;
}

/** connection id -> its pin, read leniently (an invalid project still lists its pins). */
async function connectionPins(file: string): Promise<[string, { name: string; range: string }][]> {
  const parsed = await readSource(file);
  const connections = (parsed.source?.data as { connections?: unknown } | undefined)?.connections;
  if (!connections || typeof connections !== 'object') return [];
  const pins: [string, { name: string; range: string }][] = [];
  for (const [id, connection] of Object.entries(connections as Record<string, unknown>)) {
    const pin = (connection as { connector?: unknown } | null)?.connector;
    const parts = typeof pin === 'string' ? splitNameRange(pin.trim()) : undefined;
    if (parts) pins.push([id, parts]);
  }
  return pins;
}
