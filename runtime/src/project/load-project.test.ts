import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../install/test-fixtures.ts';
import { loadProject } from './load-project.ts';

describe('loadProject', () => {
  it('returns the validated project with its folder, .ferry folder, lock and store paths', async () => {
    const dir = await tempDir('ferry-project-');
    const file = join(dir, 'ferry.yaml');
    await writeFile(
      file,
      'version: 1\nconnections:\n  gh:\n    connector: "@ferry/connector-github@^0.1"\n',
    );
    const loaded = await loadProject(file);
    expect(loaded).toMatchObject({
      file,
      dir,
      ferryDir: join(dir, '.ferry'),
      storePath: join(dir, '.ferry/ferry.db'),
      lockPath: join(dir, 'ferry.lock'),
      project: { version: 1, connections: { gh: { connector: '@ferry/connector-github@^0.1' } } },
    });
    expect(loaded.source.locate(['connections', 'gh'])).toEqual({ line: 4, column: 5 });
  });

  it('carries every issue of an invalid project in one coded error', async () => {
    const dir = await tempDir('ferry-project-');
    const file = join(dir, 'ferry.yaml');
    await writeFile(
      file,
      'version: 1\nconnections:\n  gh:\n    connectr: x\n    config: { token: ghp_plain }\nrecipes:\n  r: { source: { connection: nope, stream: s }, destination: { connection: gh, stream: t } }\n',
    );
    const error = await loadProject(file).catch((e) => e);
    expect(error).toMatchObject({ code: 'FERRY_PROJECT_INVALID', file, line: 4 });
    expect(error.message).toContain(`${file} has 4 problems`);
    expect(error.message).not.toContain('ghp_plain');
    expect((error.details.issues as { code: string }[]).map((i) => i.code).sort()).toEqual([
      'FERRY_PROJECT_INLINE_SECRET',
      'FERRY_PROJECT_UNKNOWN_CONNECTION',
      'FERRY_SCHEMA_MISSING_KEY',
      'FERRY_SCHEMA_UNKNOWN_KEY',
    ]);
  });

  it('says how to get a project file when there is none', async () => {
    const dir = await tempDir('ferry-project-');
    await expect(loadProject(join(dir, 'ferry.yaml'))).rejects.toMatchObject({
      code: 'FERRY_FILE_NOT_FOUND',
      hint: expect.stringContaining('--project'),
    });
  });
});
