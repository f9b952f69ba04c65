import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fillPlaceholders, outputName } from './placeholders.ts';

/** One file to write: where it comes from and where it goes, relative to the target folder. */
export interface TemplateFile {
  source: string;
  path: string;
}

/** The files of template folders laid over each other (a later folder's file wins). */
export async function templateFiles(roots: string[]): Promise<TemplateFile[]> {
  const files = new Map<string, TemplateFile>();
  for (const root of roots) {
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const source = join(entry.parentPath, entry.name);
      const path = join(relative(root, entry.parentPath), outputName(entry.name));
      files.set(path, { source, path });
    }
  }
  return [...files.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Writes the files into `target` with their placeholders filled. */
export async function writeTemplateFiles(
  files: TemplateFile[],
  target: string,
  values: Readonly<Record<string, string>>,
): Promise<void> {
  for (const file of files) {
    const out = join(target, file.path);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, fillPlaceholders(await readFile(file.source, 'utf8'), out, values));
  }
}
