import { expect, it } from 'vitest';
import type { SuiteContext } from './context.ts';

export function auditAndIdentityTests(ctx: SuiteContext): void {
  it('appends audit entries and lists them newest first, filtered and limited', async () => {
    await ctx.store.audit({ actor: 'cli', action: 'install', subject: 'github@1.0.0' });
    await ctx.store.audit({
      actor: 'api:ops',
      action: 'dlq.replay',
      subject: 'crm-to-erp',
      details: { ids: ['a', 'b'], dryRun: false },
    });
    await ctx.store.audit({ actor: 'cli', action: 'config.change', subject: 'crm-to-erp' });

    const all = await ctx.store.listAudit();
    expect(all.map((e) => e.action)).toEqual(['config.change', 'dlq.replay', 'install']);
    expect(all[1]).toEqual({
      id: expect.any(Number),
      at: expect.any(String),
      actor: 'api:ops',
      action: 'dlq.replay',
      subject: 'crm-to-erp',
      details: { ids: ['a', 'b'], dryRun: false },
    });
    expect(all[0]?.details).toBeUndefined();
    expect(new Date(all[0]?.at ?? '').toISOString()).toBe(all[0]?.at);
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(3);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const actions = async (filter: Parameters<typeof ctx.store.listAudit>[0]) =>
      (await ctx.store.listAudit(filter)).map((e) => e.action);
    expect(await actions({ subject: 'crm-to-erp' })).toEqual(['config.change', 'dlq.replay']);
    expect(await actions({ action: 'install' })).toEqual(['install']);
    expect(await actions({ subject: 'crm-to-erp', action: 'install' })).toEqual([]);
    expect(await actions({ limit: 1 })).toEqual(['config.change']);
  });

  it('creates a Ferry id for a new external record and finds it again', async () => {
    const id = await ctx.store.linkIdentity({
      entity: 'contact',
      system: 'hubspot',
      externalId: '42',
    });
    expect(id).toEqual(expect.any(String));
    expect(await ctx.store.findIdentity('contact', 'hubspot', '42')).toBe(id);
    expect(
      await ctx.store.linkIdentity({ entity: 'contact', system: 'hubspot', externalId: '42' }),
    ).toBe(id);
    expect(await ctx.store.findIdentity('contact', 'hubspot', '43')).toBeUndefined();
    expect(await ctx.store.findIdentity('company', 'hubspot', '42')).toBeUndefined();
    const other = await ctx.store.linkIdentity({
      entity: 'company',
      system: 'hubspot',
      externalId: '42',
    });
    expect(other).not.toBe(id);
  });

  it('links a second system to an existing Ferry id and lists the identities of that id', async () => {
    const ferryId = await ctx.store.linkIdentity({
      entity: 'contact',
      system: 'hubspot',
      externalId: '42',
    });
    const link = { entity: 'contact', system: 'erp', externalId: 'C-0042', ferryId };
    expect(await ctx.store.linkIdentity(link)).toBe(ferryId);
    expect(await ctx.store.linkIdentity(link)).toBe(ferryId);
    expect(await ctx.store.findIdentity('contact', 'erp', 'C-0042')).toBe(ferryId);
    const of = await ctx.store.identitiesOf('contact', ferryId);
    expect(of.sort((a, b) => a.system.localeCompare(b.system))).toEqual([
      { system: 'erp', externalId: 'C-0042' },
      { system: 'hubspot', externalId: '42' },
    ]);
    expect(await ctx.store.identitiesOf('company', ferryId)).toEqual([]);
    expect(await ctx.store.identitiesOf('contact', 'no-such-id')).toEqual([]);
  });

  it('keeps a given Ferry id, and refuses to move a linked record to another one', async () => {
    const link = { entity: 'contact', system: 'erp', externalId: 'C-1', ferryId: 'ferry-1' };
    expect(await ctx.store.linkIdentity(link)).toBe('ferry-1');
    await expect(ctx.store.linkIdentity({ ...link, ferryId: 'ferry-2' })).rejects.toMatchObject({
      code: 'FERRY_STORE_IDENTITY_CONFLICT',
    });
    expect(await ctx.store.findIdentity('contact', 'erp', 'C-1')).toBe('ferry-1');
    expect(await ctx.store.identitiesOf('contact', 'ferry-2')).toEqual([]);
  });
}
