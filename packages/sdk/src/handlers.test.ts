import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineConnector, type ReadContext, type ReadItem, type WriteResult } from './index.ts';

describe('defineConnector', () => {
  it('binds the config type to every handler and returns them unchanged', async () => {
    const connector = defineConnector<{ apiKey: string }>();
    const read = connector.read<{ page: number }>(async function* (ctx) {
      expectTypeOf(ctx).toEqualTypeOf<ReadContext<{ apiKey: string }, { page: number }>>();
      expectTypeOf(ctx.config.apiKey).toBeString();
      yield { record: { key: ctx.config.apiKey } };
      yield { state: { page: (ctx.state?.page ?? 0) + 1 } };
    });
    const write = connector.write(async (_ctx, records) =>
      records.map((_, index): WriteResult => ({ index, status: 'accepted' })),
    );
    expectTypeOf(write).returns.resolves.toEqualTypeOf<WriteResult[]>();
    const items: ReadItem<{ page: number }>[] = [];
    const ctx = {
      connector: 'c',
      stream: 's',
      config: { apiKey: 'k' },
      state: { page: 1 },
      primaryKey: ['key'],
      cursorField: undefined,
    } as unknown as ReadContext<{ apiKey: string }, { page: number }>;
    for await (const item of read(ctx)) items.push(item);
    expect(items).toEqual([{ record: { key: 'k' } }, { state: { page: 2 } }]);
  });
});
