import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Issue, Validation } from './issue.ts';
import { readSource } from './source.ts';
import { validateManifestSource } from './validate-manifest.ts';
import { validateConnectorPackage } from './validate-package.ts';
import { validateProjectSource } from './validate-project.ts';

export type ValidatedKind = 'package' | 'manifest' | 'project';

export interface PathValidation extends Validation<unknown> {
  kind?: ValidatedKind;
  file: string;
}

const PROJECT_FILES = ['ferry.yaml', 'ferry.yml', 'ferry.json'];

/**
 * Validates whatever a path names: a connector package folder, a project folder or file
 * (ferry.yaml), or a manifest file. The kind is told by the file name, then by the content.
 */
export async function validatePath(path: string): Promise<PathValidation> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return notFound(path, `${path} does not exist`);
  if (info.isDirectory()) {
    if (await isFile(join(path, 'package.json')))
      return tag('package', join(path, 'package.json'), await validateConnectorPackage(path));
    for (const name of PROJECT_FILES) {
      const file = join(path, name);
      if (await isFile(file)) return validateFile(file);
    }
    return notFound(path, `${path} holds neither a package.json nor a ferry.yaml`);
  }
  if (basename(path) === 'package.json')
    return tag('package', path, await validateConnectorPackage(dirname(path)));
  return validateFile(path);
}

async function validateFile(file: string): Promise<PathValidation> {
  const parsed = await readSource(file);
  if (!parsed.source) return { ok: false, issues: parsed.issues, file };
  const data = parsed.source.data as Record<string, unknown> | null;
  const looksLikeProject =
    PROJECT_FILES.includes(basename(file)) ||
    (data !== null &&
      typeof data === 'object' &&
      !('streams' in data) &&
      ('connections' in data || 'recipes' in data));
  if (looksLikeProject) return tag('project', file, validateProjectSource(parsed.source));
  return tag('manifest', file, await validateManifestSource(parsed.source));
}

function tag(kind: ValidatedKind, file: string, result: Validation<unknown>): PathValidation {
  return { ...result, kind, file };
}

function notFound(path: string, message: string): PathValidation {
  const issue: Issue = {
    code: 'FERRY_FILE_NOT_FOUND',
    file: path,
    path: '$',
    message,
    hint: 'Give a connector package folder, a manifest file (connector.yaml) or a project file (ferry.yaml).',
  };
  return { ok: false, issues: [issue], file: path };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
