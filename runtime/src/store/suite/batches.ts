import type { JsonObject } from '@ferry/sdk';
import { expect, it } from 'vitest';
import { batch, counts, letter, type SuiteContext } from './context.ts';

export function batchTests(ctx: SuiteContext): void {
  it('keeps the last committed state per recipe and stream', async () => {
    const run = await ctx.store.createRun({ recipe: 'crm-to-erp', trigger: 'manual' });
    expect(await ctx.store.getState('crm-to-erp')).toEqual({});

    await ctx.store.commitBatch(batch(run.id, { cursor: '2024-01-01' }));
    await ctx.store.commitBatch(batch(run.id, { cursor: '2024-02-01', keys: ['7'] }));
    await ctx.store.commitBatch(batch(run.id, { page: 3 }, { stream: 'deals' }));
    await ctx.store.commitBatch(batch(run.id, { cursor: 'x' }, { recipe: 'other' }));

    expect(await ctx.store.getState('crm-to-erp')).toEqual({
      contacts: { cursor: '2024-02-01', keys: ['7'] },
      deals: { page: 3 },
    });
    expect(await ctx.store.getState('other')).toEqual({ contacts: { cursor: 'x' } });
  });

  it("replaces the run's counts and stores the batch's dead letters", async () => {
    const run = await ctx.store.createRun({ recipe: 'crm-to-erp', trigger: 'manual' });
    await ctx.store.commitBatch(batch(run.id, { cursor: 1 }, { counts: counts(10) }));
    await ctx.store.commitBatch(
      batch(
        run.id,
        { cursor: 2 },
        {
          counts: counts(20, 2),
          deadLetters: [letter(run.id, { id: 1 }), letter(run.id, { id: 2, nested: { a: [1] } })],
        },
      ),
    );
    expect((await ctx.store.getRun(run.id))?.counts).toEqual(counts(20, 2));
    const letters = await ctx.store.listDeadLetters();
    expect(letters).toEqual([
      {
        ...letter(run.id, { id: 1 }),
        id: expect.any(String),
        status: 'pending',
        createdAt: expect.any(String),
      },
      {
        ...letter(run.id, { id: 2, nested: { a: [1] } }),
        id: expect.any(String),
        status: 'pending',
        createdAt: expect.any(String),
      },
    ]);
  });

  it('moves counts and dead letters without touching state when the batch has no stream', async () => {
    const run = await ctx.store.createRun({ recipe: 'crm-to-erp', trigger: 'manual' });
    await ctx.store.commitBatch(batch(run.id, { cursor: 1 }));
    await ctx.store.commitBatch({
      runId: run.id,
      recipe: 'crm-to-erp',
      counts: counts(30, 1),
      deadLetters: [letter(run.id, { id: 3 })],
    });
    expect(await ctx.store.getState('crm-to-erp')).toEqual({ contacts: { cursor: 1 } });
    expect((await ctx.store.getRun(run.id))?.counts).toEqual(counts(30, 1));
    expect(await ctx.store.countDeadLetters()).toBe(1);
  });

  async function expectUnchanged(runId: string, commit: Promise<void>, code: string) {
    await expect(commit).rejects.toMatchObject({ code });
    expect(await ctx.store.getState('crm-to-erp')).toEqual({ contacts: { cursor: 1 } });
    expect((await ctx.store.getRun(runId))?.counts).toEqual(counts(10, 1));
    expect((await ctx.store.listDeadLetters()).map((l) => l.record)).toEqual([{ id: 'first' }]);
  }

  async function committedOnce() {
    const run = await ctx.store.createRun({ recipe: 'crm-to-erp', trigger: 'manual' });
    const first = { counts: counts(10, 1), deadLetters: [letter(run.id, { id: 'first' })] };
    await ctx.store.commitBatch(batch(run.id, { cursor: 1 }, first));
    return run.id;
  }

  it('commits nothing when a dead letter cannot be stored as JSON', async () => {
    const runId = await committedOnce();
    const circular: JsonObject = { id: 'circular' };
    circular.self = circular;
    const commit = ctx.store.commitBatch(
      batch(
        runId,
        { cursor: 2 },
        {
          counts: counts(20, 3),
          deadLetters: [letter(runId, { id: 'fine' }), letter(runId, circular)],
        },
      ),
    );
    await expectUnchanged(runId, commit, 'FERRY_STORE_VALUE_INVALID');
  });

  it('commits nothing when a dead letter breaks a constraint (it names an unknown run)', async () => {
    const runId = await committedOnce();
    const commit = ctx.store.commitBatch(
      batch(
        runId,
        { cursor: 2 },
        {
          counts: counts(20, 3),
          deadLetters: [letter(runId, { id: 'fine' }), letter('no-such-run', { id: 'orphan' })],
        },
      ),
    );
    await expectUnchanged(runId, commit, 'FERRY_STORE_RUN_NOT_FOUND');
  });

  it('refuses a batch for a run it does not have, storing none of it', async () => {
    const runId = await committedOnce();
    const commit = ctx.store.commitBatch(
      batch('no-such-run', { cursor: 2 }, { deadLetters: [letter(runId, { id: 'x' })] }),
    );
    await expectUnchanged(runId, commit, 'FERRY_STORE_RUN_NOT_FOUND');
  });

  it("forgets one recipe's state on reset, and only that recipe's", async () => {
    const run = await ctx.store.createRun({ recipe: 'crm-to-erp', trigger: 'manual' });
    await ctx.store.commitBatch(batch(run.id, { cursor: 1 }));
    await ctx.store.commitBatch(batch(run.id, { cursor: 1 }, { stream: 'deals' }));
    await ctx.store.commitBatch(batch(run.id, { cursor: 9 }, { recipe: 'other' }));
    await ctx.store.resetState('crm-to-erp');
    expect(await ctx.store.getState('crm-to-erp')).toEqual({});
    expect(await ctx.store.getState('other')).toEqual({ contacts: { cursor: 9 } });
    await ctx.store.commitBatch(batch(run.id, { cursor: 2 }));
    expect(await ctx.store.getState('crm-to-erp')).toEqual({ contacts: { cursor: 2 } });
  });
}
