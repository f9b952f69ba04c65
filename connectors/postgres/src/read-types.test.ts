import { describe, expect, it } from 'vitest';
import { floatToJson, int8ToJson, numericToJson, timestampToJson } from './read-types.ts';

describe('values read from PostgreSQL as JSON', () => {
  it('gives numeric as a number only when the number is exactly the value', () => {
    expect(numericToJson('12.50')).toBe(12.5);
    expect(numericToJson('-0.000')).toBe(0);
    expect(numericToJson('1000000000000000000000')).toBe(1e21);
    expect(numericToJson('0.1')).toBe(0.1);
    expect(numericToJson('12345678901234567890')).toBe('12345678901234567890');
    expect(numericToJson('0.12345678901234567890123')).toBe('0.12345678901234567890123');
    expect(numericToJson('NaN')).toBe('NaN');
    expect(numericToJson('Infinity')).toBe('Infinity');
  });

  it('gives int8 as a number within the safe range, else as text', () => {
    expect(int8ToJson('9007199254740991')).toBe(9007199254740991);
    expect(int8ToJson('9007199254740993')).toBe('9007199254740993');
    expect(int8ToJson('-42')).toBe(-42);
  });

  it('keeps NaN and infinite floats as text (JSON has no such numbers)', () => {
    expect(floatToJson('1.5')).toBe(1.5);
    expect(floatToJson('NaN')).toBe('NaN');
    expect(floatToJson('-Infinity')).toBe('-Infinity');
  });

  it('writes timestamps as ISO 8601 with every digit of the fraction', () => {
    expect(timestampToJson('2024-01-02 03:04:05.123456+00')).toBe('2024-01-02T03:04:05.123456Z');
    expect(timestampToJson('2024-01-02 03:04:05+02')).toBe('2024-01-02T03:04:05+02:00');
    expect(timestampToJson('2024-01-02 03:04:05')).toBe('2024-01-02T03:04:05');
    expect(timestampToJson('infinity')).toBe('infinity');
    expect(timestampToJson('0044-03-15 12:00:00+00 BC')).toBe('0044-03-15 12:00:00+00 BC');
  });
});
