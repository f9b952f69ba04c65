import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  isDefaultRetryStatus,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryStatusTest,
} from './retry.ts';

const policy = { initialDelayMs: 100, maxDelayMs: 1_000, factor: 2 };

describe('backoffDelay', () => {
  it('grows by the factor and stops at maxDelayMs', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(policy, a, noJitter))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('takes off up to 20 % as jitter, never exceeding the cap', () => {
    expect(backoffDelay(policy, 0, () => 1)).toBe(80);
    expect(backoffDelay(policy, 10, () => 0.5)).toBe(900);
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelay(policy, 3);
      expect(delay).toBeGreaterThanOrEqual(640);
      expect(delay).toBeLessThanOrEqual(800);
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1_000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP-date; a past date means no wait', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
  });

  it('caps the wait at 10 minutes', () => {
    expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Thu, 02 Jan 2025 00:00:00 GMT', now)).toBe(600_000);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('retry statuses', () => {
  it("'default' means 408, 429 and every 5xx", () => {
    expect([408, 429, 500, 503, 599].every(isDefaultRetryStatus)).toBe(true);
    expect([400, 401, 404, 409, 600].some(isDefaultRetryStatus)).toBe(false);
    expect(retryStatusTest('default')(502)).toBe(true);
  });

  it('a list retries exactly its statuses', () => {
    const test = retryStatusTest([409, 503]);
    expect([409, 503].every(test)).toBe(true);
    expect(test(500)).toBe(false);
  });
});
