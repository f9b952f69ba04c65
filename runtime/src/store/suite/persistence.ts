import { expect, it } from 'vitest';
import type { Store } from '../types.ts';
import { batch, counts, letter, type SuiteContext } from './context.ts';

/** Writes one of everything; `snapshot` reads it all back. */
async function fill(store: Store): Promise<string> {
  const run = await store.createRun({ recipe: 'crm-to-erp', trigger: 'cron' });
  await store.commitBatch(
    batch(
      run.id,
      { cursor: 5 },
      { counts: counts(5, 1), deadLetters: [letter(run.id, { id: 1 })] },
    ),
  );
  await store.updateRun(run.id, { status: 'succeeded', finishedAt: new Date().toISOString() });
  await store.audit({
    actor: 'cli',
    action: 'install',
    subject: 'github@1.0.0',
    details: { a: 1 },
  });
  const ferryId = await store.linkIdentity({ entity: 'contact', system: 'crm', externalId: '1' });
  await store.linkIdentity({ entity: 'contact', system: 'erp', externalId: 'E1', ferryId });
  await store.putSecret('crm.token', 'v1:secret');
  await store.acquireLock('scheduler', 'daemon-1', 60_000);
  return ferryId;
}

async function snapshot(store: Store, ferryId: string) {
  return {
    runs: await store.listRuns(),
    state: await store.getState('crm-to-erp'),
    deadLetters: await store.listDeadLetters(),
    audit: await store.listAudit(),
    identities: await store.identitiesOf('contact', ferryId),
    secrets: await store.listSecrets(),
    secret: await store.getSecret('crm.token'),
  };
}

export function persistenceTests(ctx: SuiteContext): void {
  it('migrates again without changing anything', async () => {
    const ferryId = await fill(ctx.store);
    const before = await snapshot(ctx.store, ferryId);
    await ctx.store.migrate();
    await ctx.store.migrate();
    expect(await snapshot(ctx.store, ferryId)).toEqual(before);
  });

  it('keeps everything across close and reopen', async () => {
    const ferryId = await fill(ctx.store);
    const before = await snapshot(ctx.store, ferryId);
    expect(before.runs).toHaveLength(1);
    await ctx.store.close();

    const reopened = await ctx.reopen();
    const after = await snapshot(reopened, ferryId);
    expect(after).toEqual(before);
    expect(await reopened.acquireLock('scheduler', 'daemon-2', 60_000)).toBe(false);
    expect(await reopened.acquireLock('scheduler', 'daemon-1', 60_000)).toBe(true);
  });

  it("shows a second store on the same storage (another daemon) the first one's commits and locks", async () => {
    const first = ctx.store;
    const second = await ctx.reopen();
    const run = await first.createRun({ recipe: 'crm-to-erp', trigger: 'cron' });
    await first.commitBatch(batch(run.id, { cursor: 1 }, { counts: counts(3) }));
    expect((await second.getRun(run.id))?.counts).toEqual(counts(3));
    expect(await second.getState('crm-to-erp')).toEqual({ contacts: { cursor: 1 } });

    await second.commitBatch(batch(run.id, { cursor: 2 }, { counts: counts(6) }));
    expect(await first.getState('crm-to-erp')).toEqual({ contacts: { cursor: 2 } });

    expect(await first.acquireLock('scheduler', 'daemon-1', 60_000)).toBe(true);
    expect(await second.acquireLock('scheduler', 'daemon-2', 60_000)).toBe(false);
    await first.releaseLock('scheduler', 'daemon-1');
    expect(await second.acquireLock('scheduler', 'daemon-2', 60_000)).toBe(true);
    expect(await first.acquireLock('scheduler', 'daemon-1', 60_000)).toBe(false);
  });
}
