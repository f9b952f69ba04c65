import { describe, expect, it } from 'vitest';
import { FaultState, latencyMs, triggerFires } from './faults.ts';
import { seededRandom } from './random.ts';

const fired = (trigger: Parameters<typeof triggerFires>[0], n: number, elapsed = 0) =>
  Array.from({ length: n }, (_, i) => i + 1).filter((k) => triggerFires(trigger, k, elapsed));

describe('fault triggers', () => {
  it('fire every Nth request, in bursts when asked', () => {
    expect(fired({ every: 3 }, 10)).toEqual([3, 6, 9]);
    expect(fired({ every: 4, burst: 2 }, 12)).toEqual([3, 4, 7, 8, 11, 12]);
    expect(fired({ every: 1 }, 3)).toEqual([1, 2, 3]);
  });

  it('fire for the next K requests', () => {
    expect(fired({ next: 2 }, 5)).toEqual([1, 2]);
    expect(fired({ next: 0 }, 5)).toEqual([]);
  });

  it('fire during a time window after they were set', () => {
    const window = { window: { fromMs: 100, durationMs: 50 } };
    expect(triggerFires(window, 1, 99)).toBe(false);
    expect(triggerFires(window, 1, 100)).toBe(true);
    expect(triggerFires(window, 1, 149)).toBe(true);
    expect(triggerFires(window, 1, 150)).toBe(false);
  });

  it('fire when any condition holds', () => {
    expect(fired({ next: 2, every: 5 }, 10)).toEqual([1, 2, 5, 10]);
  });
});

describe('fault state', () => {
  it('counts each fault from when it was set, apart from the others', () => {
    let now = 0;
    const faults = new FaultState({ errors: { every: 2 } }, () => now);
    expect([1, 2, 3, 4].map(() => faults.fires('errors'))).toEqual([false, true, false, true]);
    faults.set({ rateLimit: { every: 2 } });
    // errors keeps its count (4): the 5th request does not fire, the 6th does
    expect(faults.fires('errors')).toBe(false);
    expect(faults.fires('rateLimit')).toBe(false);
    expect(faults.fires('rateLimit')).toBe(true);
    faults.set({ errors: { every: 2 } });
    expect([faults.fires('errors'), faults.fires('errors')]).toEqual([false, true]);
    now = 1000;
    faults.set({ unauthorized: { window: { durationMs: 10 } } });
    expect(faults.fires('unauthorized')).toBe(true);
    now = 1010;
    expect(faults.fires('unauthorized')).toBe(false);
  });

  it('turns a fault off with undefined, and every fault with reset()', () => {
    const faults = new FaultState({ errors: { every: 1 }, reset: { every: 1 } });
    faults.set({ errors: undefined });
    expect(faults.fires('errors')).toBe(false);
    expect(faults.fires('reset')).toBe(true);
    faults.reset();
    expect(faults.current).toEqual({});
    expect(faults.fires('reset')).toBe(false);
  });

  it('refuses settings out of range with a coded error naming each problem', () => {
    const faults = new FaultState();
    expect(() =>
      faults.set({ errors: { every: 0, status: 200 }, rateLimit: { every: 2, burst: 3 } }),
    ).toThrow(
      expect.objectContaining({
        code: 'FERRY_SANDBOX_FAULT_INVALID',
        message: expect.stringMatching(/rateLimit\.burst is 3.*errors\.every is 0.*errors\.status/),
      }),
    );
    expect(() => faults.set({ latency: { ms: -1 } })).toThrow(/latency\.ms is -1/);
    expect(() => faults.set({ reset: { burst: 2 } })).toThrow(/reset\.burst needs reset\.every/);
    expect(faults.current).toEqual({});
  });
});

describe('latency and the seeded PRNG', () => {
  it('adds jitter from the PRNG: the same seed gives the same delays', () => {
    const delays = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 20 }, () => latencyMs({ ms: 10, jitterMs: 30 }, random));
    };
    expect(delays(7)).toEqual(delays(7));
    expect(delays(7)).not.toEqual(delays(8));
    for (const delay of delays(7)) expect(delay).toBeGreaterThanOrEqual(10);
    for (const delay of delays(7)) expect(delay).toBeLessThanOrEqual(40);
    expect(latencyMs(undefined, Math.random)).toBe(0);
  });

  it('draws numbers in [0, 1)', () => {
    const random = seededRandom(1);
    const values = Array.from({ length: 1000 }, random);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });
});
