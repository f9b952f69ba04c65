import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The server programs a local PostgreSQL needs, all in one folder. */
export const POSTGRES_PROGRAMS = ['initdb', 'pg_ctl', 'postgres'] as const;

/**
 * The folders searched for the server binaries, in order: PATH, then the usual install
 * folders (Debian/Ubuntu `/usr/lib/postgresql/<version>/bin` and RHEL `/usr/pgsql-<version>/bin`,
 * highest version first; source builds; Homebrew; Postgres.app).
 */
export function postgresBinDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const path = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const usual = [
    ...versioned('/usr/lib/postgresql', (v) => join('/usr/lib/postgresql', v, 'bin')),
    ...versioned('/usr', (v) => (v.startsWith('pgsql-') ? join('/usr', v, 'bin') : undefined)),
    '/usr/local/pgsql/bin',
    '/opt/homebrew/bin',
    ...versioned('/opt/homebrew/opt', (v) =>
      v.startsWith('postgresql') ? join('/opt/homebrew/opt', v, 'bin') : undefined,
    ),
    '/usr/local/bin',
    '/Applications/Postgres.app/Contents/Versions/latest/bin',
  ];
  return [...new Set([...path, ...usual])];
}

/**
 * The first folder holding all of initdb, pg_ctl and postgres as executables, and the folders
 * searched. `binDir` (or FERRY_POSTGRES_BIN) is the only folder searched when given.
 */
export function findPostgresBinaries(
  options: { env?: NodeJS.ProcessEnv; binDir?: string; dirs?: string[] } = {},
): { dir: string | undefined; searched: string[] } {
  const env = options.env ?? process.env;
  const pinned = options.binDir ?? env.FERRY_POSTGRES_BIN;
  const searched = pinned ? [pinned] : (options.dirs ?? postgresBinDirs(env));
  const dir = searched.find((folder) =>
    POSTGRES_PROGRAMS.every((program) => isExecutable(join(folder, program + EXE))),
  );
  return { dir, searched };
}

/** The path of an executable named `name` in the first of `dirs` that holds one. */
export function findExecutable(name: string, dirs: string[]): string | undefined {
  return dirs.map((dir) => join(dir, name + EXE)).find(isExecutable);
}

const EXE = process.platform === 'win32' ? '.exe' : '';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Subfolders of `parent` mapped to candidate folders, highest version first. */
function versioned(parent: string, toDir: (name: string) => string | undefined): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const version = (name: string) => Number(/(\d+(\.\d+)?)/.exec(name)?.[1] ?? 0);
  return names
    .sort((a, b) => version(b) - version(a))
    .map(toDir)
    .filter((dir): dir is string => dir !== undefined);
}
