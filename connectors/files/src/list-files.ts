import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { filesErrors } from './errors.ts';
import { hasKnownExtension } from './format.ts';
import { globToRegExp, hasGlob, splitGlob } from './glob.ts';

/** One file to read: where it is, and its name relative to the listing's root (the state key). */
export interface ListedFile {
  path: string;
  name: string;
}

/**
 * The files a `path` setting names, sorted by name: a file; a folder's files with a known
 * extension (not recursive); or a glob's matches under its fixed leading folder. Names are
 * relative to that folder, so state does not depend on where the folder is mounted. Hidden
 * entries (a leading dot, which includes the writer's temporary files) are never listed.
 * A file or folder that does not exist is an error; a glob that matches nothing is not (a drop
 * folder may be empty).
 */
export async function listFiles(path: string): Promise<ListedFile[]> {
  if (hasGlob(path)) {
    const { root, pattern } = splitGlob(path);
    await mustExist(root, path);
    const regex = globToRegExp(pattern);
    // Without `**`, no match lies deeper than the pattern's segments.
    const maxDepth = pattern.includes('**') ? Infinity : pattern.split('/').length;
    const found: ListedFile[] = [];
    await walk(root, '', maxDepth, (name, full) => {
      if (regex.test(name)) found.push({ path: full, name });
    });
    return sorted(found);
  }
  const info = await mustExist(path, path);
  if (!info.isDirectory()) return [{ path, name: basename(path) }];
  const entries = await readdir(path, { withFileTypes: true });
  return sorted(
    entries
      .filter((e) => isFile(e) && !e.name.startsWith('.') && hasKnownExtension(e.name))
      .map((e) => ({ path: join(path, e.name), name: e.name })),
  );
}

async function walk(
  dir: string,
  prefix: string,
  depth: number,
  visit: (name: string, full: string) => void,
): Promise<void> {
  if (depth <= 0) return;
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, name, depth - 1, visit);
    else if (isFile(entry)) visit(name, full);
  }
}

const isFile = (entry: Dirent) => entry.isFile() || entry.isSymbolicLink();

const sorted = (files: ListedFile[]) =>
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

async function mustExist(path: string, configured: string) {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const what = path === configured ? path : `${path} (the folder of ${configured})`;
    throw filesErrors.create('FERRY_FILES_NOT_FOUND', `${what} does not exist`, {
      file: path,
    });
  }
}
