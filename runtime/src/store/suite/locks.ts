import { expect, it } from 'vitest';
import { type SuiteContext, sleep } from './context.ts';

export function lockTests(ctx: SuiteContext): void {
  it('gives a free lock, again to the same owner, and to no other owner', async () => {
    expect(await ctx.store.acquireLock('recipe:crm-to-erp', 'daemon-1', 60_000)).toBe(true);
    expect(await ctx.store.acquireLock('recipe:crm-to-erp', 'daemon-1', 60_000)).toBe(true);
    expect(await ctx.store.acquireLock('recipe:crm-to-erp', 'daemon-2', 60_000)).toBe(false);
    expect(await ctx.store.acquireLock('recipe:other', 'daemon-2', 60_000)).toBe(true);
  });

  it('frees a lock when its owner releases it, not when another owner does', async () => {
    await ctx.store.acquireLock('l', 'daemon-1', 60_000);
    await ctx.store.releaseLock('l', 'daemon-2');
    expect(await ctx.store.acquireLock('l', 'daemon-2', 60_000)).toBe(false);
    await ctx.store.releaseLock('l', 'daemon-1');
    expect(await ctx.store.acquireLock('l', 'daemon-2', 60_000)).toBe(true);
    expect(await ctx.store.acquireLock('l', 'daemon-1', 60_000)).toBe(false);
    await ctx.store.releaseLock('never-taken', 'daemon-1');
  });

  it('lets another owner take a lock whose lease expired', async () => {
    expect(await ctx.store.acquireLock('l', 'daemon-1', 20)).toBe(true);
    await sleep(60);
    expect(await ctx.store.acquireLock('l', 'daemon-2', 60_000)).toBe(true);
    expect(await ctx.store.acquireLock('l', 'daemon-1', 60_000)).toBe(false);
  });

  it('extends the lease when the owner acquires again', async () => {
    expect(await ctx.store.acquireLock('l', 'daemon-1', 20)).toBe(true);
    expect(await ctx.store.acquireLock('l', 'daemon-1', 60_000)).toBe(true);
    await sleep(60);
    expect(await ctx.store.acquireLock('l', 'daemon-2', 60_000)).toBe(false);
  });

  it('tells who holds a lock, so a dead holder can be recognised', async () => {
    expect(await ctx.store.lockHolder('l')).toBeUndefined();
    await ctx.store.acquireLock('l', 'host-a:123:x', 60_000);
    const holder = await ctx.store.lockHolder('l');
    expect(holder?.owner).toBe('host-a:123:x');
    expect(Date.parse(holder?.expiresAt ?? '')).toBeGreaterThan(Date.now());
    await ctx.store.releaseLock('l', 'host-a:123:x');
    expect(await ctx.store.lockHolder('l')).toBeUndefined();
  });
}
