import Database from 'better-sqlite3';
import { getTasks } from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../store/types.ts';
import { Scheduler } from './scheduler.ts';
import { customers, sleep, type TestProject, testProject, until } from './test-project.ts';

let project: TestProject | undefined;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  scheduler?.stop();
  scheduler = undefined;
  await project?.close();
  project = undefined;
});

async function setUp(
  recipes: Parameters<typeof testProject>[0]['recipes'],
  more: Partial<Parameters<typeof testProject>[0]> = {},
) {
  project = await testProject({ recipes, rows: customers(20), ...more });
  return project;
}

const runsOf = async (p: TestProject, recipe: string) =>
  (await p.store.listRuns({ recipe, limit: 1000 })).reverse();

/** Moves every run of a recipe back in time, as if the daemon had been down since. */
function backdate(p: TestProject, recipe: string, ms: number) {
  const db = new Database(p.store.file);
  try {
    const rows = db.prepare('SELECT id, started_at FROM runs WHERE recipe = ?').all(recipe) as {
      id: string;
      started_at: string;
    }[];
    for (const row of rows) {
      db.prepare('UPDATE runs SET started_at = ?, finished_at = ? WHERE id = ?').run(
        new Date(Date.parse(row.started_at) - ms).toISOString(),
        new Date(Date.parse(row.started_at) - ms + 100).toISOString(),
        row.id,
      );
    }
  } finally {
    db.close();
  }
}

describe('Scheduler', () => {
  it('starts a recipe on its interval, with trigger "interval", until stopped', async () => {
    const p = await setUp({ sync: { triggers: [{ interval: 200 }] } });
    const started = Date.now();
    scheduler = new Scheduler({ runner: p.runner, store: p.store });
    await scheduler.start();
    const runs = await until(async () => {
      const all = (await runsOf(p, 'sync')).filter((r) => r.status !== 'running');
      return all.length >= 2 && all;
    });
    expect(runs.every((r) => r.trigger === 'interval')).toBe(true);
    expect(Date.parse(runs[0]?.startedAt as string)).toBeGreaterThanOrEqual(started + 200 - 5);
    expect(
      Date.parse(runs[1]?.startedAt as string) - Date.parse(runs[0]?.startedAt as string),
    ).toBeGreaterThanOrEqual(150);
    expect(p.written()).toHaveLength(20);

    scheduler.stop();
    await until(() => !p.runner.isRunning('sync'));
    const count = (await runsOf(p, 'sync')).length;
    await sleep(600);
    expect((await runsOf(p, 'sync')).length).toBe(count);
  });

  it('starts a recipe on a cron expression with seconds, and leaves no cron task after stop', async () => {
    const p = await setUp({ sync: { triggers: [{ cron: '*/1 * * * * *' }] } });
    scheduler = new Scheduler({ runner: p.runner, store: p.store });
    await scheduler.start();
    expect([...getTasks().values()].some((t) => t.name?.startsWith('ferry:sync:'))).toBe(true);
    expect(scheduler.status()[0]?.nextRun).toBeDefined();
    const [run] = await until(
      async () => (await runsOf(p, 'sync')).length > 0 && runsOf(p, 'sync'),
    );
    expect(run?.trigger).toBe('cron');
    scheduler.stop();
    expect([...getTasks().values()].some((t) => t.name?.startsWith('ferry:sync:'))).toBe(false);
  });

  it('skips and counts a tick while the recipe is running, never running it twice at once', async () => {
    const p = await setUp(
      { sync: { triggers: [{ interval: 100 }] } },
      { rows: customers(600), pageDelayMs: 250 },
    );
    const skips: string[] = [];
    scheduler = new Scheduler({
      runner: p.runner,
      store: p.store,
      onSkip: (recipe) => skips.push(recipe),
    });
    await scheduler.start();
    await until(
      async () => (await runsOf(p, 'sync')).filter((r) => r.status === 'succeeded').length >= 2,
    );
    scheduler.stop();
    await until(() => !p.runner.isRunning('sync'));
    expect(skips.length).toBeGreaterThanOrEqual(2);
    expect(scheduler.status()[0]?.skipped).toBe(skips.length);
    const runs = (await runsOf(p, 'sync')) as Required<RunRecord>[];
    for (let i = 1; i < runs.length; i++) {
      expect(Date.parse(runs[i]?.startedAt as string)).toBeGreaterThanOrEqual(
        Date.parse(runs[i - 1]?.finishedAt as string),
      );
    }
  });

  it('waits a random delay in [0, jitter) before each scheduled start', async () => {
    const p = await setUp({
      sync: { triggers: [{ interval: 200 }], policies: { jitter: '400ms' } },
    });
    const started = Date.now();
    scheduler = new Scheduler({ runner: p.runner, store: p.store, random: () => 0.99 });
    await scheduler.start();
    const [run] = await until(
      async () => (await runsOf(p, 'sync')).length > 0 && runsOf(p, 'sync'),
    );
    // 200 ms interval + floor(0.99 * 400) = 396 ms of jitter.
    expect(Date.parse(run?.startedAt as string)).toBeGreaterThanOrEqual(started + 596 - 5);
  });

  it('does not schedule a recipe with enabled: false', async () => {
    const p = await setUp({ off: { enabled: false, triggers: [{ interval: 100 }] } });
    scheduler = new Scheduler({ runner: p.runner, store: p.store });
    await scheduler.start();
    expect(scheduler.status()).toEqual([]);
    await sleep(400);
    expect(await runsOf(p, 'off')).toEqual([]);
  });

  describe('missed runs after downtime', () => {
    it('run-once: one catch-up run at start when an interval fell due since the last run', async () => {
      const p = await setUp({
        sync: { triggers: [{ interval: '1h' }], policies: { missedRuns: 'run-once' } },
      });
      await p.runner.run('sync', { trigger: 'interval' });
      backdate(p, 'sync', 2 * 3_600_000);
      scheduler = new Scheduler({ runner: p.runner, store: p.store });
      await scheduler.start();
      const runs = await until(
        async () => (await runsOf(p, 'sync')).length === 2 && runsOf(p, 'sync'),
      );
      expect(runs[1]?.trigger).toBe('interval');
      expect(scheduler.status()[0]).toMatchObject({ catchUp: true, started: 1 });
      // The next tick is an hour after the catch-up, not at once.
      expect(Date.parse(scheduler.status()[0]?.nextRun as string)).toBeGreaterThan(
        Date.now() + 3_000_000,
      );
    });

    it('run-once: one catch-up run when a cron firing was missed', async () => {
      const p = await setUp({
        sync: {
          triggers: [{ cron: '0 3 * * *', timezone: 'Europe/Berlin' }],
          policies: { missedRuns: 'run-once' },
        },
      });
      await p.runner.run('sync', { trigger: 'cron' });
      backdate(p, 'sync', 2 * 86_400_000);
      scheduler = new Scheduler({ runner: p.runner, store: p.store });
      await scheduler.start();
      const runs = await until(
        async () => (await runsOf(p, 'sync')).length === 2 && runsOf(p, 'sync'),
      );
      expect(runs[1]?.trigger).toBe('cron');
    });

    it('skip (the default): no catch-up run; nor when nothing was missed, nor without any run', async () => {
      const p = await setUp({
        missed: { triggers: [{ interval: '1h' }] },
        recent: { triggers: [{ interval: '1h' }], policies: { missedRuns: 'run-once' } },
        never: { triggers: [{ cron: '0 3 * * *' }], policies: { missedRuns: 'run-once' } },
      });
      await p.runner.run('missed', { trigger: 'interval' });
      await p.runner.run('recent', { trigger: 'interval' });
      backdate(p, 'missed', 2 * 3_600_000);
      backdate(p, 'recent', 30 * 60_000);
      scheduler = new Scheduler({ runner: p.runner, store: p.store });
      await scheduler.start();
      await sleep(500);
      expect((await runsOf(p, 'missed')).length).toBe(1);
      expect((await runsOf(p, 'recent')).length).toBe(1);
      expect(await runsOf(p, 'never')).toEqual([]);
      expect(scheduler.status().map((s) => s.catchUp)).toEqual([false, false, false]);
      // An interval that was not missed keeps its rhythm: due an hour after the last run.
      const recent = scheduler.status().find((s) => s.recipe === 'recent');
      expect(Date.parse(recent?.nextRun as string)).toBeLessThan(Date.now() + 31 * 60_000);
    });
  });

  describe('checks triggers up front', () => {
    it('a bad cron expression is FERRY_SCHEDULE_CRON_INVALID at its JSON path', async () => {
      const p = await setUp({ a: { triggers: [{ interval: '5m' }, { cron: '61 * * * *' }] } });
      expect(
        () => new Scheduler({ runner: p.runner, store: p.store, projectFile: p.projectFile }),
      ).toThrow(
        expect.objectContaining({
          code: 'FERRY_SCHEDULE_CRON_INVALID',
          path: '$.recipes["a"].triggers[1].cron',
          file: p.projectFile,
          message: expect.stringContaining('61 is a invalid expression for minute'),
        }),
      );
    });

    it('reports every bad trigger: timezone and interval too, disabled recipes included', async () => {
      const p = await setUp({
        a: { triggers: [{ cron: '* * *' }] },
        b: {
          enabled: false,
          triggers: [{ cron: '0 3 * * *', timezone: 'Mars/Olympus' }, { interval: 0 }],
        },
      });
      let error: unknown;
      try {
        new Scheduler({ runner: p.runner, store: p.store });
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({
        code: 'FERRY_SCHEDULE_CRON_INVALID',
        details: {
          others: [
            {
              code: 'FERRY_SCHEDULE_TIMEZONE_INVALID',
              path: '$.recipes["b"].triggers[0].timezone',
            },
            {
              code: 'FERRY_SCHEDULE_INTERVAL_INVALID',
              path: '$.recipes["b"].triggers[1].interval',
            },
          ],
        },
      });
    });
  });
});
