import { expect, it } from 'vitest';
import type { DeadLetter } from '../types.ts';
import { counts, letter, type SuiteContext } from './context.ts';

export function deadLetterTests(ctx: SuiteContext): void {
  /** 5 letters of recipe 'a' (n = 0..4) and 2 of recipe 'b' (n = 5, 6), in that order. */
  async function seed(): Promise<{ runA: string; runB: string }> {
    const runA = (await ctx.store.createRun({ recipe: 'a', trigger: 'manual' })).id;
    const runB = (await ctx.store.createRun({ recipe: 'b', trigger: 'manual' })).id;
    for (const [runId, recipe, from, to] of [
      [runA, 'a', 0, 5],
      [runB, 'b', 5, 7],
    ] as const) {
      const deadLetters = [];
      for (let n = from; n < to; n++) deadLetters.push(letter(runId, { n }, recipe));
      await ctx.store.commitBatch({ runId, recipe, counts: counts(to - from), deadLetters });
    }
    return { runA, runB };
  }
  const numbers = (letters: DeadLetter[]) => letters.map((l) => l.record.n);

  it('lists and counts dead letters oldest first, filtered by recipe and status', async () => {
    await seed();
    expect(numbers(await ctx.store.listDeadLetters())).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(numbers(await ctx.store.listDeadLetters({ recipe: 'b' }))).toEqual([5, 6]);
    expect(await ctx.store.countDeadLetters()).toBe(7);
    expect(await ctx.store.countDeadLetters({ recipe: 'a' })).toBe(5);
    expect(await ctx.store.countDeadLetters({ recipe: 'a', status: 'pending' })).toBe(5);
    expect(await ctx.store.countDeadLetters({ status: 'replayed' })).toBe(0);
    expect(await ctx.store.countDeadLetters({ recipe: 'none' })).toBe(0);
    expect(await ctx.store.countDeadLetters({ recipe: 'a', limit: 2, offset: 1 })).toBe(5);
  });

  it('pages through dead letters with limit and offset, each letter once', async () => {
    await seed();
    const pages: unknown[][] = [];
    for (let offset = 0; offset < 7; offset += 3) {
      pages.push(numbers(await ctx.store.listDeadLetters({ limit: 3, offset })));
    }
    expect(pages).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(numbers(await ctx.store.listDeadLetters({ recipe: 'a', limit: 2, offset: 2 }))).toEqual([
      2, 3,
    ]);
    expect(await ctx.store.listDeadLetters({ offset: 7 })).toEqual([]);
  });

  it('gets dead letters by id, ignoring unknown ids', async () => {
    await seed();
    const all = await ctx.store.listDeadLetters();
    const wanted = [all[4], all[1]].map((l) => l?.id ?? '');
    const got = await ctx.store.getDeadLetters([...wanted, 'no-such-letter']);
    expect(got.map((l) => l.id).sort()).toEqual([...wanted].sort());
    expect(got.find((l) => l.id === all[4]?.id)).toEqual(all[4]);
    expect(await ctx.store.getDeadLetters([])).toEqual([]);
  });

  it('marks dead letters replayed (with the replay run) or discarded', async () => {
    const { runA } = await seed();
    const letters = await ctx.store.listDeadLetters({ recipe: 'a' });
    const replay = await ctx.store.createRun({ recipe: 'a', trigger: 'replay' });
    const [l0, l1, l2] = letters.map((l) => l.id) as [string, string, string];

    await ctx.store.markDeadLetters([l0, l1], 'replayed', replay.id);
    await ctx.store.markDeadLetters([l2], 'discarded');

    const [got0, , got2] = await ctx.store.getDeadLetters([l0, l1, l2]);
    expect(got0).toMatchObject({ status: 'replayed', replayRunId: replay.id, runId: runA });
    expect(got2?.status).toBe('discarded');
    expect(got2?.replayRunId).toBeUndefined();
    expect(await ctx.store.countDeadLetters({ recipe: 'a', status: 'pending' })).toBe(2);
    expect(await ctx.store.countDeadLetters({ status: 'replayed' })).toBe(2);
    expect(numbers(await ctx.store.listDeadLetters({ status: 'discarded' }))).toEqual([2]);
    expect(numbers(await ctx.store.listDeadLetters({ recipe: 'a', status: 'pending' }))).toEqual([
      3, 4,
    ]);
  });
}
