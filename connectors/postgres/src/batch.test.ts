import { describe, expect, it } from 'vitest';
import { prepareBatch } from './batch.ts';

describe('preparing a batch', () => {
  it('merges the versions of a key in order, later fields winning, and remembers every record', () => {
    const { rows, refused } = prepareBatch(
      [
        { id: 1, name: 'Ada', city: 'London' },
        { id: 2, name: 'Grace' },
        { id: 1, name: 'Ada Lovelace', vip: true },
      ],
      ['id'],
    );
    expect(refused.size).toBe(0);
    expect(rows).toEqual([
      {
        id: '1',
        row: { id: 1, name: 'Ada Lovelace', city: 'London', vip: true },
        indexes: [0, 2],
      },
      { id: '2', row: { id: 2, name: 'Grace' }, indexes: [1] },
    ]);
  });

  it('keys on every key column', () => {
    const { rows } = prepareBatch(
      [
        { org: 'a', id: 1 },
        { org: 'b', id: 1 },
      ],
      ['org', 'id'],
    );
    expect(rows.map((r) => r.id)).toEqual(['["a",1]', '["b",1]']);
  });

  it('refuses records without a key value and fields that cannot be column names', () => {
    const { rows, refused } = prepareBatch(
      [
        { name: 'no key' },
        { id: null },
        { id: 3, '': 1 },
        { id: 4, ['x'.repeat(64)]: 1 },
        { id: 5 },
      ],
      ['id'],
    );
    expect(rows.map((r) => r.id)).toEqual(['5']);
    expect([...refused.keys()]).toEqual([0, 1, 2, 3]);
    expect(refused.get(0)).toBe("the record has no 'id' (the key column id)");
    expect(refused.get(2)).toContain('empty field name');
    expect(refused.get(3)).toContain('longer than 63 bytes');
  });
});
