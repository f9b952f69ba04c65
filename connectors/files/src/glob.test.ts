import { describe, expect, it } from 'vitest';
import { globToRegExp, hasGlob, splitGlob } from './glob.ts';

const matches = (pattern: string, path: string) => globToRegExp(pattern).test(path);

describe('globs', () => {
  it('split into the folder to walk and the pattern below it', () => {
    expect(splitGlob('data/in/*.csv')).toEqual({ root: 'data/in', pattern: '*.csv' });
    expect(splitGlob('/srv/**/x.jsonl')).toEqual({ root: '/srv', pattern: '**/x.jsonl' });
    expect(splitGlob('*.csv')).toEqual({ root: '.', pattern: '*.csv' });
    expect(hasGlob('data/in/a.csv')).toBe(false);
  });

  it('match * and ? inside one folder only', () => {
    expect(matches('*.csv', 'a.csv')).toBe(true);
    expect(matches('*.csv', 'sub/a.csv')).toBe(false);
    expect(matches('?.csv', 'ab.csv')).toBe(false);
    expect(matches('a.csv', 'aXcsv')).toBe(false);
  });

  it('match ** across any number of folders, including none', () => {
    expect(matches('**/*.csv', 'a.csv')).toBe(true);
    expect(matches('**/*.csv', 'x/y/a.csv')).toBe(true);
    expect(matches('x/**', 'x/y/z.jsonl')).toBe(true);
    expect(matches('**/*.csv', 'x/a.jsonl')).toBe(false);
  });

  it('match classes and alternatives', () => {
    expect(matches('day-[0-9].{csv,jsonl}', 'day-3.jsonl')).toBe(true);
    expect(matches('day-[!0-9].csv', 'day-3.csv')).toBe(false);
    expect(matches('{a,b}/*.csv', 'c/x.csv')).toBe(false);
  });
});
