import { expect, it } from 'vitest';
import type { SyncIngestCommit, SyncPushCommit } from '../sync-types.ts';
import { counts, type SuiteContext } from './context.ts';

/** The two-way sync tables: ingest and push commits, the outbox, match keys and lineage. */
export function syncTests(ctx: SuiteContext): void {
  const ingest = (runId: string, over: Partial<SyncIngestCommit> = {}): SyncIngestCommit => ({
    runId,
    recipe: 'customers',
    stream: 'crm.contacts',
    state: { cursor: '2024-01-02' },
    counts: counts(1),
    records: [
      {
        entity: 'Customer',
        ferryId: 'f1',
        system: 'crm',
        externalId: '101',
        values: { name: 'Acme', email: 'ann@acme.com' },
        key: 'ann@acme.com',
        modifiedAt: '2024-01-02T00:00:00.000Z',
      },
    ],
    links: [{ entity: 'Customer', system: 'crm', externalId: '101', ferryId: 'f1' }],
    matchKeys: [{ entity: 'Customer', key: 'email:ann@acme.com', ferryId: 'f1' }],
    pending: ['f1'],
    merges: [{ actor: 'recipe:customers', action: 'sync.merge', subject: 'Customer:f1' }],
    ...over,
  });

  it('commits a page of a change feed with its state, links, match keys and outbox entries', async () => {
    const run = await ctx.store.createRun({ recipe: 'customers', trigger: 'manual' });
    await ctx.store.commitSyncIngest(ingest(run.id));
    expect(await ctx.store.getState('customers')).toEqual({
      'crm.contacts': { cursor: '2024-01-02' },
    });
    expect(await ctx.store.findIdentity('Customer', 'crm', '101')).toBe('f1');
    expect(await ctx.store.syncMatches('Customer', ['email:ann@acme.com', 'name:acme'])).toEqual(
      new Map([['email:ann@acme.com', 'f1']]),
    );
    expect(await ctx.store.syncPending('customers', 10)).toEqual(['f1']);
    expect(await ctx.store.syncRecords('Customer', ['f1'])).toEqual([
      expect.objectContaining({
        system: 'crm',
        externalId: '101',
        key: 'ann@acme.com',
        values: { name: 'Acme', email: 'ann@acme.com' },
      }),
    ]);
    expect((await ctx.store.listAudit({ action: 'sync.merge' })).length).toBe(1);
  });

  it('keeps the first entity of a match key, and commits nothing of a page whose run is unknown', async () => {
    const run = await ctx.store.createRun({ recipe: 'customers', trigger: 'manual' });
    await ctx.store.commitSyncIngest(ingest(run.id));
    await ctx.store.commitSyncIngest(
      ingest(run.id, {
        records: [],
        links: [],
        pending: [],
        merges: [],
        matchKeys: [{ entity: 'Customer', key: 'email:ann@acme.com', ferryId: 'f2' }],
      }),
    );
    expect(
      (await ctx.store.syncMatches('Customer', ['email:ann@acme.com'])).get('email:ann@acme.com'),
    ).toBe('f1');
    await expect(
      ctx.store.commitSyncIngest(
        ingest('no-such-run', { stream: 'erp.partners', pending: ['f9'] }),
      ),
    ).rejects.toMatchObject({ code: 'FERRY_STORE_RUN_NOT_FOUND' });
    expect(await ctx.store.syncPending('customers', 10)).toEqual(['f1']);
    expect(Object.keys(await ctx.store.getState('customers'))).toEqual(['crm.contacts']);
  });

  it('commits a push: written values, lineage by Ferry or external id, links, and the outbox emptied', async () => {
    const run = await ctx.store.createRun({ recipe: 'customers', trigger: 'manual' });
    await ctx.store.commitSyncIngest(ingest(run.id));
    const push: SyncPushCommit = {
      runId: run.id,
      recipe: 'customers',
      counts: counts(1),
      records: [
        {
          entity: 'Customer',
          ferryId: 'f1',
          system: 'erp',
          externalId: '7',
          values: { name: 'Acme' },
          key: 'ferry:f1',
        },
      ],
      links: [{ entity: 'Customer', system: 'erp', externalId: '7', ferryId: 'f1' }],
      fields: [
        {
          entity: 'Customer',
          ferryId: 'f1',
          field: 'name',
          agreed: 'Acme',
          written: { erp: 'Acme' },
        },
      ],
      lineage: [
        {
          entity: 'Customer',
          ferryId: 'f1',
          field: 'name',
          system: 'erp',
          value: 'Acme',
          runId: run.id,
          recipe: 'customers',
          sourceSystem: 'crm',
          sourceId: '101',
          at: '2024-01-03T00:00:00.000Z',
        },
      ],
      done: ['f1'],
      deadLetters: [],
    };
    await ctx.store.commitSyncPush(push);
    expect(await ctx.store.syncPending('customers', 10)).toEqual([]);
    expect(await ctx.store.syncFields('Customer', ['f1'])).toEqual([
      {
        entity: 'Customer',
        ferryId: 'f1',
        field: 'name',
        agreed: 'Acme',
        written: { erp: 'Acme' },
      },
    ]);
    const byErpId = await ctx.store.lineage('Customer', '7');
    expect(byErpId).toEqual([
      expect.objectContaining({
        field: 'name',
        system: 'erp',
        sourceSystem: 'crm',
        sourceId: '101',
        runId: run.id,
      }),
    ]);
    expect(await ctx.store.lineage('Customer', 'f1')).toEqual(byErpId);
    await ctx.store.markSyncPending('customers', ['f1']);
    expect(await ctx.store.syncPending('customers', 10)).toEqual(['f1']);
  });
}
