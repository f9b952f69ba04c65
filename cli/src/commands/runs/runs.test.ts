import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFerry } from '../../test-cli.ts';
import { emptyProject, seededProject } from './test-store.ts';

describe('ferry runs', () => {
  it('lists runs newest first as a compact table, filtered by recipe and status', async () => {
    const { dir, runs } = await seededProject();
    const all = await runFerry(['runs'], { cwd: dir });
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^RUN\s+RECIPE\s+STATUS\s+TRIGGER\s+STARTED \(UTC\)\s+TOOK\s+READ\s+WRITTEN\s+DLQ\s+ERROR$/,
    );
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 4))).toEqual([
      [runs[2]?.id.slice(0, 8), 'customers', 'running', 'webhook'],
      [runs[1]?.id.slice(0, 8), 'orders', 'failed', 'manual'],
      [runs[0]?.id.slice(0, 8), 'customers', 'succeeded', 'cron'],
    ]);
    expect(lines[3]).toMatch(/1\.5s\s+10\s+8\s+2$/);
    expect(lines[2]).toMatch(/FERRY_HTTP_NETWORK$/);

    const failed = await runFerry(['runs', '--status', 'failed'], { cwd: dir });
    expect(failed.stdout.trimEnd().split('\n')).toHaveLength(2);
    const one = await runFerry([
      'runs',
      '--recipe',
      'customers',
      '--limit',
      '1',
      '--json',
      '--project',
      join(dir, 'ferry.yaml'),
    ]);
    expect(JSON.parse(one.stdout)).toEqual([runs[2]]);
  });

  it('prints "No runs." (or [] with --json) before anything ran, without creating a store', async () => {
    const { dir, file } = await emptyProject();
    expect(await runFerry(['runs', '--project', file])).toMatchObject({
      code: 0,
      stdout: 'No runs.\n',
    });
    expect(JSON.parse((await runFerry(['runs', '--json'], { cwd: dir })).stdout)).toEqual([]);
    expect(existsSync(join(dir, '.ferry', 'ferry.db'))).toBe(false);
  });

  it('exits 2 on a bad option and 1 without a project file', async () => {
    const { dir } = await emptyProject();
    const bad = await runFerry(['runs', '--status', 'great'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are running, succeeded, failed, interrupted');
    expect((await runFerry(['runs', '--limit', '0'], { cwd: dir })).code).toBe(2);
    const missing = await runFerry(['runs', '--project', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('FERRY_FILE_NOT_FOUND');
  });
});
