import { expect, it } from 'vitest';
import type { SuiteContext } from './context.ts';

export function secretTests(ctx: SuiteContext): void {
  it('puts, gets, lists, replaces and deletes secrets by name', async () => {
    expect(await ctx.store.listSecrets()).toEqual([]);
    await ctx.store.putSecret('hubspot.token', 'v1:aaa');
    await ctx.store.putSecret('erp.password', 'v1:bbb');
    expect(await ctx.store.getSecret('hubspot.token')).toBe('v1:aaa');
    expect(await ctx.store.listSecrets()).toEqual(['erp.password', 'hubspot.token']);

    await ctx.store.putSecret('hubspot.token', 'v1:ccc');
    expect(await ctx.store.getSecret('hubspot.token')).toBe('v1:ccc');
    expect(await ctx.store.listSecrets()).toEqual(['erp.password', 'hubspot.token']);

    expect(await ctx.store.deleteSecret('hubspot.token')).toBe(true);
    expect(await ctx.store.deleteSecret('hubspot.token')).toBe(false);
    expect(await ctx.store.getSecret('hubspot.token')).toBeUndefined();
    expect(await ctx.store.listSecrets()).toEqual(['erp.password']);
  });

  it('returns the ciphertext exactly as given (opaque text)', async () => {
    const ciphertext = `v1:${'Zm9v'.repeat(5000)}:ü€\n'"\\;--`;
    await ctx.store.putSecret("name with 'quotes'", ciphertext);
    expect(await ctx.store.getSecret("name with 'quotes'")).toBe(ciphertext);
  });
}
