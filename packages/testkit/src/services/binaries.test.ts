import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { findExecutable, findPostgresBinaries, postgresBinDirs } from './binaries.ts';

/** A temp folder with subfolders holding fake programs (mode 0755 unless said otherwise). */
async function folders(layout: Record<string, Record<string, number>>) {
  const root = await mkdtemp(join(tmpdir(), 'ferry-pg-bins-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const [folder, programs] of Object.entries(layout)) {
    await mkdir(join(root, folder));
    for (const [program, mode] of Object.entries(programs)) {
      await writeFile(join(root, folder, program), '#!/bin/sh\nexit 0\n');
      await chmod(join(root, folder, program), mode);
    }
  }
  return (folder: string) => join(root, folder);
}

const ALL = { initdb: 0o755, pg_ctl: 0o755, postgres: 0o755 };

describe('finding the PostgreSQL server binaries', () => {
  it('takes the first PATH folder holding initdb, pg_ctl and postgres, all executable', async () => {
    const dir = await folders({
      partial: { initdb: 0o755, pg_ctl: 0o755 },
      'not-executable': { ...ALL, postgres: 0o644 },
      full: ALL,
      'also-full': ALL,
    });
    const PATH = ['partial', 'not-executable', 'full', 'also-full'].map(dir).join(delimiter);
    const found = findPostgresBinaries({ env: { PATH } });
    expect(found.dir).toBe(dir('full'));
    expect(found.searched.slice(0, 4)).toEqual([
      dir('partial'),
      dir('not-executable'),
      dir('full'),
      dir('also-full'),
    ]);
  });

  it('searches the usual install folders after PATH', () => {
    const dirs = postgresBinDirs({ PATH: '/custom/bin' });
    expect(dirs[0]).toBe('/custom/bin');
    expect(dirs).toContain('/usr/local/pgsql/bin');
    expect(dirs).toContain('/opt/homebrew/bin');
  });

  it('searches only the folder given by binDir or FERRY_POSTGRES_BIN', async () => {
    const dir = await folders({ full: ALL, empty: {} });
    const PATH = dir('full');
    expect(findPostgresBinaries({ env: { PATH }, binDir: dir('empty') })).toEqual({
      dir: undefined,
      searched: [dir('empty')],
    });
    expect(findPostgresBinaries({ env: { PATH, FERRY_POSTGRES_BIN: dir('full') } }).dir).toBe(
      dir('full'),
    );
  });

  it('finds nothing when no folder is complete', async () => {
    const dir = await folders({ partial: { postgres: 0o755 } });
    expect(findPostgresBinaries({ dirs: [dir('partial'), dir('missing')] }).dir).toBeUndefined();
  });

  it('finds a single executable by name', async () => {
    const dir = await folders({ a: { runuser: 0o644 }, b: { runuser: 0o755 } });
    expect(findExecutable('runuser', [dir('a'), dir('b')])).toBe(join(dir('b'), 'runuser'));
    expect(findExecutable('runuser', [dir('a')])).toBeUndefined();
  });
});
