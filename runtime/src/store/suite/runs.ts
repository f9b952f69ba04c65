import { expect, it } from 'vitest';
import { counts, type SuiteContext, sleep } from './context.ts';

export function runTests(ctx: SuiteContext): void {
  it('creates a running run with zero counts and reads it back by id', async () => {
    const run = await ctx.store.createRun({ recipe: 'crm-to-erp', trigger: 'manual' });
    expect(run).toMatchObject({
      recipe: 'crm-to-erp',
      status: 'running',
      trigger: 'manual',
      attempt: 1,
      counts: { read: 0, written: 0, failed: 0, deadLettered: 0 },
    });
    expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(run.startedAt).toISOString()).toBe(run.startedAt);
    expect(await ctx.store.getRun(run.id)).toEqual(run);
    expect(await ctx.store.getRun('no-such-run')).toBeUndefined();
    const retry = await ctx.store.createRun({
      recipe: 'crm-to-erp',
      trigger: 'resume',
      attempt: 3,
    });
    expect(retry.attempt).toBe(3);
    expect(retry.id).not.toBe(run.id);
  });

  it('updates status, finish time, counts and error, keeping what a patch leaves out', async () => {
    const run = await ctx.store.createRun({ recipe: 'r', trigger: 'cron' });
    await ctx.store.updateRun(run.id, { counts: counts(5, 1) });
    const finishedAt = new Date().toISOString();
    const error = { code: 'FERRY_HTTP_STATUS', message: 'the API answered 500' };
    await ctx.store.updateRun(run.id, { status: 'failed', finishedAt, error });
    expect(await ctx.store.getRun(run.id)).toEqual({
      ...run,
      status: 'failed',
      finishedAt,
      counts: counts(5, 1),
      error,
    });
    await ctx.store.updateRun(run.id, { status: 'succeeded', error: null });
    const after = await ctx.store.getRun(run.id);
    expect(after).toMatchObject({ status: 'succeeded', finishedAt, counts: counts(5, 1) });
    expect(after?.error).toBeUndefined();
  });

  it('refuses to update a run it does not have', async () => {
    await expect(ctx.store.updateRun('no-such-run', { status: 'failed' })).rejects.toMatchObject({
      code: 'FERRY_STORE_RUN_NOT_FOUND',
    });
  });

  it('lists runs newest first, filtered by recipe and status, up to a limit', async () => {
    const ids: string[] = [];
    for (const recipe of ['a', 'b', 'a', 'a', 'b']) {
      ids.push((await ctx.store.createRun({ recipe, trigger: 'interval' })).id);
    }
    const [a1, b1, a2, a3, b2] = ids as [string, string, string, string, string];
    await ctx.store.updateRun(a2, { status: 'succeeded' });
    const idsOf = async (filter?: Parameters<typeof ctx.store.listRuns>[0]) =>
      (await ctx.store.listRuns(filter)).map((run) => run.id);

    expect(await idsOf()).toEqual([b2, a3, a2, b1, a1]);
    expect(await idsOf({ recipe: 'a' })).toEqual([a3, a2, a1]);
    expect(await idsOf({ status: 'succeeded' })).toEqual([a2]);
    expect(await idsOf({ recipe: 'a', status: 'running' })).toEqual([a3, a1]);
    expect(await idsOf({ limit: 2 })).toEqual([b2, a3]);
    expect(await idsOf({ recipe: 'b', limit: 1 })).toEqual([b2]);
    expect(await idsOf({ recipe: 'none' })).toEqual([]);
  });

  it('marks only running runs as interrupted and returns them', async () => {
    const running = await ctx.store.createRun({ recipe: 'r', trigger: 'cron' });
    const done = await ctx.store.createRun({ recipe: 'r', trigger: 'cron' });
    await ctx.store.updateRun(done.id, { status: 'succeeded' });
    const failed = await ctx.store.createRun({ recipe: 's', trigger: 'webhook' });
    await ctx.store.updateRun(failed.id, { status: 'failed' });
    const alsoRunning = await ctx.store.createRun({ recipe: 's', trigger: 'manual' });

    const interrupted = await ctx.store.interruptRunning();
    expect(interrupted.map((run) => run.id).sort()).toEqual([running.id, alsoRunning.id].sort());
    expect(interrupted.every((run) => run.status === 'interrupted')).toBe(true);
    expect((await ctx.store.getRun(running.id))?.status).toBe('interrupted');
    expect((await ctx.store.getRun(done.id))?.status).toBe('succeeded');
    expect((await ctx.store.getRun(failed.id))?.status).toBe('failed');
    expect(await ctx.store.interruptRunning()).toEqual([]);
  });

  it('leaves runs started after `olderThan` running', async () => {
    const old = await ctx.store.createRun({ recipe: 'r', trigger: 'cron' });
    await sleep(20);
    const cutoff = new Date();
    await sleep(20);
    const recent = await ctx.store.createRun({ recipe: 'r', trigger: 'cron' });

    const interrupted = await ctx.store.interruptRunning(cutoff);
    expect(interrupted.map((run) => run.id)).toEqual([old.id]);
    expect((await ctx.store.getRun(recent.id))?.status).toBe('running');
  });
}
