import { createHash } from 'node:crypto';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A hash of an installed package's files, node_modules excluded: `sha256-<base64>` over every
 * file's relative path (POSIX separators, sorted) and bytes, and every symlink's target. The
 * loader compares it with ferry.lock to notice files changed after the install.
 */
export async function contentHash(dir: string): Promise<string> {
  const entries = await listFiles(dir);
  const contents = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.path);
      return entry.link ? Buffer.from(`link:${await readlink(path)}`) : readFile(path);
    }),
  );
  const hash = createHash('sha256');
  entries.forEach((entry, i) => {
    const bytes = contents[i] as Buffer;
    hash.update(`${entry.path}\0${bytes.length}\0`);
    hash.update(bytes);
  });
  return `sha256-${hash.digest('base64')}`;
}

/** The tarball's hash in npm's SRI form (`sha512-<base64>`), as `integrity` in package-lock. */
export async function fileIntegrity(file: string): Promise<string> {
  return `sha512-${createHash('sha512')
    .update(await readFile(file))
    .digest('base64')}`;
}

interface FileEntry {
  path: string;
  link: boolean;
}

async function listFiles(root: string, prefix = ''): Promise<FileEntry[]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry): Promise<FileEntry[]> => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(root, path);
      if (entry.isFile() || entry.isSymbolicLink()) return [{ path, link: entry.isSymbolicLink() }];
      return [];
    }),
  );
  return nested.flat().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
