import { access, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { shown } from '../../output.ts';
import { scaffoldErrors } from './errors.ts';

/**
 * Checks that `target` may receive `paths` (relative to it): a folder that does not exist or is
 * empty always may; one with files only with `force`, which replaces the files of the same
 * names and never deletes anything. Returns the files that will be replaced.
 */
export async function checkTarget(
  target: string,
  paths: string[],
  force: boolean,
): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) {
    throw scaffoldErrors.create('FERRY_NEW_TARGET_EXISTS', `${shown(target)} is a file`, {
      file: target,
      hint: 'Choose another name or --dir.',
    });
  }
  const entries = await readdir(target);
  if (entries.length > 0 && !force) {
    throw scaffoldErrors.create(
      'FERRY_NEW_TARGET_EXISTS',
      `${shown(target)} already exists and is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'})`,
      { file: target },
    );
  }
  const replaced: string[] = [];
  for (const path of paths) {
    if (
      await access(join(target, path)).then(
        () => true,
        () => false,
      )
    )
      replaced.push(path);
  }
  return replaced;
}

/** Where a connector goes without --dir: connectors/<name> in the Ferry repository, else ./<name>. */
export function defaultTarget(short: string, repository: string | undefined, cwd: string): string {
  return repository ? join(repository, 'connectors', short) : resolve(cwd, short);
}
