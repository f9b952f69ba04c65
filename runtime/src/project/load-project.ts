import { dirname, join, resolve } from 'node:path';
import {
  formatIssue,
  manifestErrors,
  type ProjectFile,
  readSource,
  type Source,
  validateProjectSource,
} from '@ferry/manifest';
import { ferryDir, lockPath } from '../install/paths.ts';
import { projectErrors } from './errors.ts';

/** A valid project file with the places Ferry keeps things for it. */
export interface LoadedProject {
  /** The project file, absolute. */
  file: string;
  /** The folder of the project file: installs, the lock and the store are relative to it. */
  dir: string;
  /** `.ferry/` beside the project file. */
  ferryDir: string;
  /** The embedded store: `.ferry/ferry.db`. */
  storePath: string;
  /** ferry.lock beside the project file. */
  lockPath: string;
  project: ProjectFile;
  /** The parsed file, to locate values (line and column) for messages. */
  source: Source;
}

/**
 * Reads and validates a project file. A missing file is FERRY_FILE_NOT_FOUND; an invalid one is
 * FERRY_PROJECT_INVALID carrying every issue (`details.issues`).
 */
export async function loadProject(file = 'ferry.yaml'): Promise<LoadedProject> {
  const path = resolve(file);
  const parsed = await readSource(path);
  if (!parsed.source) {
    const [first] = parsed.issues;
    if (first?.code === 'FERRY_FILE_NOT_FOUND') {
      throw manifestErrors.create('FERRY_FILE_NOT_FOUND', `project file ${path} does not exist`, {
        file: path,
        hint: 'Run the command in the project folder, pass --project <file>, or create one with `ferry new project`.',
      });
    }
    throw invalid(path, parsed.issues);
  }
  const result = validateProjectSource(parsed.source);
  if (!result.ok || !result.value) throw invalid(path, result.issues);
  const dir = dirname(path);
  return {
    file: path,
    dir,
    ferryDir: ferryDir(dir),
    storePath: join(ferryDir(dir), 'ferry.db'),
    lockPath: lockPath(dir),
    project: result.value,
    source: parsed.source,
  };
}

function invalid(file: string, issues: Parameters<typeof formatIssue>[0][]) {
  const shown = issues.slice(0, 10).map(formatIssue).join('\n');
  const more = issues.length > 10 ? `\n... and ${issues.length - 10} more` : '';
  return projectErrors.create(
    'FERRY_PROJECT_INVALID',
    `${file} has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${shown}${more}`,
    {
      file,
      ...(issues[0]?.path ? { path: issues[0].path } : {}),
      ...(issues[0]?.line ? { line: issues[0].line } : {}),
      details: { issues },
    },
  );
}
