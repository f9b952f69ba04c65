import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { connectorsDir } from './paths.ts';

/** The versions of a connector installed under .ferry/connectors, oldest first. */
export async function installedVersions(projectDir: string, name: string): Promise<string[]> {
  const dir = join(connectorsDir(projectDir), ...name.split('/'));
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && semver.valid(e.name) === e.name)
    .map((e) => e.name)
    .sort(semver.compare);
}

/** Every connector name installed (a folder under .ferry/connectors; scopes nest). */
export async function installedNames(projectDir: string): Promise<string[]> {
  const root = connectorsDir(projectDir);
  const names: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory()) continue;
    if (!entry.name.startsWith('@')) {
      names.push(entry.name);
      continue;
    }
    for (const inner of await readdir(join(root, entry.name), { withFileTypes: true })) {
      if (inner.isDirectory()) names.push(`${entry.name}/${inner.name}`);
    }
  }
  return names.sort();
}
