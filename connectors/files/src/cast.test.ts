import { describe, expect, it } from 'vitest';
import { castRow } from './cast.ts';

const types = (entries: Record<string, string[]>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, new Set(v)]));

describe('casting CSV cells', () => {
  it('takes decimal numbers only, and keeps text for columns that allow strings', () => {
    const t = types({ n: ['number'], s: ['string', 'integer'], x: [] });
    expect(castRow(['-1.5e3', '42', 'as is'], ['n', 's', 'x'], t)).toEqual({
      record: { n: -1500, s: '42', x: 'as is' },
    });
    expect(castRow(['0x1F', '', ''], ['n', 's', 'x'], t)).toEqual({
      error: `column 'n': "0x1F" is not number`,
    });
    expect(castRow(['Infinity'], ['n'], t)).toHaveProperty('error');
  });

  it('tries each allowed type in turn, and keeps null cells null', () => {
    const t = types({ v: ['integer', 'boolean', 'object'] });
    expect(castRow(['3'], ['v'], t)).toEqual({ record: { v: 3 } });
    expect(castRow(['false'], ['v'], t)).toEqual({ record: { v: false } });
    expect(castRow(['{"a":1}'], ['v'], t)).toEqual({ record: { v: { a: 1 } } });
    expect(castRow([null], ['v'], t)).toEqual({ record: { v: null } });
    expect(castRow(['[1]'], ['v'], t)).toEqual({
      error: `column 'v': "[1]" is not integer or boolean or object`,
    });
  });
});
