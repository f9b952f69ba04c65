import { access, mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { shown } from '../../output.ts';
import { scaffoldErrors } from './errors.ts';
import { schemaLocation } from './inside-repository.ts';
import type { Ask } from './prompts.ts';
import { findFerryRepository } from './repository.ts';
import { templatesRoot } from './templates.ts';
import { templateFiles, writeTemplateFiles } from './write-template.ts';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * `ferry new project [dir]`: writes dir/ferry.yaml (and a .gitignore for .ferry/ when the folder
 * has none). The folder may hold other files; an existing ferry.yaml is replaced only with
 * --force. Returns the lines to print.
 */
export async function newProject(
  dir: string,
  flags: { name?: string; force?: boolean },
  ask: Ask | undefined,
): Promise<string[]> {
  const target = resolve(dir);
  const file = join(target, 'ferry.yaml');
  if ((await exists(file)) && !flags.force) {
    throw scaffoldErrors.create('FERRY_NEW_TARGET_EXISTS', `${shown(file)} already exists`, {
      file,
      hint: 'Edit it, choose another folder, or pass --force to replace it.',
    });
  }
  const fallback = basename(target);
  const name = flags.name ?? (ask ? await ask.text('Project name', fallback) : fallback);
  const files = await templateFiles([join(await templatesRoot(), 'project')]);
  const keptGitignore = await exists(join(target, '.gitignore'));
  await mkdir(target, { recursive: true });
  await writeTemplateFiles(
    files.filter((f) => !(keptGitignore && f.path === '.gitignore')),
    target,
    {
      NAME: name,
      PROJECT_SCHEMA: schemaLocation(
        target,
        await findFerryRepository(target),
        'project.schema.json',
      ),
    },
  );
  return [
    `created ${shown(file)}`,
    ...(keptGitignore
      ? ['note: keep .ferry/ (the store and the secret key) out of version control']
      : []),
    '',
    'next steps:',
    ...(target === process.cwd() ? [] : [`  cd ${shown(target)}`]),
    '  ferry install <connector>...   # a package name@range, a folder or a tarball',
    '  edit ferry.yaml: connections and recipes (commented examples inside)',
    '  ferry validate ferry.yaml',
    '  ferry run <recipe>',
  ];
}
