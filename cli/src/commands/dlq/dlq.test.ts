import { readFile, writeFile } from 'node:fs/promises';
import { openProject } from '@ferry/runtime';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runFerry } from '../../test-cli.ts';
import { customers, installedProject } from '../daemon/test-project.ts';
import { emptyProject, seededProject } from '../runs/test-store.ts';

// The first test to need the connectors installs them (building better-sqlite3: a minute or two).
const INSTALL_TIMEOUT = 300_000;

describe('ferry dlq list', () => {
  it('lists dead letters as a table or JSON, filtered by recipe and status', async () => {
    const { dir, letters } = await seededProject();
    const table = await runFerry(['dlq', 'list'], { cwd: dir });
    expect(table.stderr).toBe('');
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+RECIPE\s+STAGE\s+CODE\s+STATUS\s+CREATED \(UTC\)\s+REASON$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 5))).toEqual(
      letters.map((l) => [l.id, 'customers', 'validate', 'FERRY_RECORD_INVALID', 'pending']),
    );
    expect(lines[1]).toMatch(/\/email must be string$/);

    const json = await runFerry(['dlq', 'list', '--json', '--recipe', 'customers'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toEqual(letters);
    expect(
      JSON.parse(
        (await runFerry(['dlq', 'list', '--json', '--recipe', 'orders'], { cwd: dir })).stdout,
      ),
    ).toEqual([]);
    expect((await runFerry(['dlq', 'list', '--status', 'replayed'], { cwd: dir })).stdout).toBe(
      'No dead letters.\n',
    );
    const limited = await runFerry(['dlq', 'list', '--limit', '1'], { cwd: dir });
    expect(limited.stdout).toContain('(1 of 2; use --limit to see more)');
    expect((await runFerry(['dlq', 'list', '--status', 'lost'], { cwd: dir })).code).toBe(2);
  });

  it('prints "No dead letters." when nothing ran yet', async () => {
    const { dir } = await emptyProject();
    expect(await runFerry(['dlq', 'list'], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: 'No dead letters.\n',
    });
  });
});

describe('ferry dlq replay', () => {
  it(
    'delivers dead letters again after the cause is fixed in ferry.yaml, all or by id',
    async () => {
      // Every 10th record has a name that is not a number: the mapping fails for it.
      const rows = customers(30).map((r) => ({
        ...r,
        name: (r.id as number) % 10 === 0 ? 'n/a' : String(r.id),
      }));
      const project = await installedProject({
        rows,
        recipe: { mapping: { id: '$number(name)' } },
      });
      const opened = await openProject({ projectFile: project.file, workers: false });
      try {
        expect(await opened.runner.run('customers', { trigger: 'manual' })).toMatchObject({
          status: 'succeeded',
          counts: { written: 27, deadLettered: 3 },
        });
      } finally {
        await opened.close();
      }
      const pending = JSON.parse(
        (await runFerry(['dlq', 'list', '--json', '--status', 'pending'], { cwd: project.dir }))
          .stdout,
      ) as { id: string; stage: string; code: string; record: { id: number } }[];
      expect(pending.map((l) => [l.record.id, l.stage, l.code]).sort()).toEqual([
        [10, 'map', 'FERRY_MAPPING_FAILED'],
        [20, 'map', 'FERRY_MAPPING_FAILED'],
        [30, 'map', 'FERRY_MAPPING_FAILED'],
      ]);

      // The fix: map the key from `id`.
      const yaml = await readFile(project.file, 'utf8');
      await writeFile(project.file, yaml.replace('"$number(name)"', '"id"'));

      const two = pending.filter((l) => l.record.id !== 30).map((l) => l.id);
      const some = await runFerry(
        ['dlq', 'replay', 'customers', '--ids', two.join(','), '--no-workers'],
        { cwd: project.dir, timeoutMs: 60_000 },
      );
      expect(some.stderr).toBe('');
      expect(some.code).toBe(0);
      expect(some.stdout).toMatch(
        /^customers: replayed 2 dead letters: run [0-9a-f-]{36} succeeded \(read 2, written 2, dead-lettered again 0\)\n$/,
      );

      // With worker threads, from the repository root (see the daemon test for why).
      const rest = await runFerry(
        ['dlq', 'replay', 'customers', '--json', '--project', project.file],
        {
          cwd: REPO_ROOT,
          timeoutMs: 60_000,
        },
      );
      expect(rest.code).toBe(0);
      expect(JSON.parse(rest.stdout)).toMatchObject({
        recipe: 'customers',
        trigger: 'replay',
        status: 'succeeded',
        counts: { read: 1, written: 1 },
      });
      expect((await runFerry(['dlq', 'replay', 'customers'], { cwd: project.dir })).stdout).toBe(
        'customers: no pending dead letters to replay.\n',
      );
      const replayed = JSON.parse(
        (await runFerry(['dlq', 'list', '--json', '--status', 'replayed'], { cwd: project.dir }))
          .stdout,
      );
      expect(replayed).toHaveLength(3);
      expect(project.written().map((r) => r.id)).toEqual(expect.arrayContaining([10, 20, 30]));

      const unknown = await runFerry(['dlq', 'replay', 'nope'], { cwd: project.dir });
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('FERRY_RECIPE_NOT_FOUND');
    },
    INSTALL_TIMEOUT,
  );
});
