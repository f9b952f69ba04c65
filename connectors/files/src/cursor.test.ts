import { describe, expect, it } from 'vitest';
import { CursorFilter, compareCursors } from './cursor.ts';

describe('cursors', () => {
  it('order numbers and numeric text numerically, dates by instant, other text as text', () => {
    expect(compareCursors('10', '9')).toBeGreaterThan(0);
    expect(compareCursors(10, '9.5')).toBeGreaterThan(0);
    expect(compareCursors('2024-01-01T10:00:00+02:00', '2024-01-01T09:00:00Z')).toBeLessThan(0);
    expect(compareCursors('b', 'a')).toBeGreaterThan(0);
    expect(compareCursors('2024-05-01', '2024-05-01')).toBe(0);
  });

  it('pass records newer than the boundary, or at it with a key not read there', () => {
    const filter = new CursorFilter(
      'at',
      ['id'],
      { cursor: '2024-01-02', keys: ['["b"]'] },
      undefined,
    );
    const passed = [
      { id: 'a', at: '2024-01-01' },
      { id: 'b', at: '2024-01-02' },
      { id: 'c', at: '2024-01-02' },
      { id: 'd', at: '2024-01-03' },
      { id: 'e', at: null },
    ].filter((record) => filter.accept(record));
    expect(passed.map((r) => r.id)).toEqual(['c', 'd', 'e']);
    expect(filter.mark).toEqual({ cursor: '2024-01-03', keys: ['["d"]'] });
  });

  it('keep the highest cursor of the read apart from the boundary until the read completes', () => {
    const filter = new CursorFilter(
      'n',
      ['id'],
      { cursor: 5, keys: [] },
      { cursor: 9, keys: ['[1]'] },
    );
    // A record below the pending mark but above the boundary is still read (it was not before).
    expect(filter.accept({ id: 2, n: 7 })).toBe(true);
    expect(filter.accept({ id: 3, n: 9 })).toBe(true);
    expect(filter.mark).toEqual({ cursor: 9, keys: ['[1]', '[3]'] });
  });
});
