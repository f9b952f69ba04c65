import { createTask } from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { cronFiredBetween, intervalElapsed } from './missed.ts';

const tasks: { destroy(): void }[] = [];
afterEach(() => {
  for (const task of tasks.splice(0)) task.destroy();
});

function fired(expression: string, after: string, now: string, timezone?: string): boolean {
  const task = createTask(expression, () => {}, timezone ? { timezone } : {});
  tasks.push(task);
  return cronFiredBetween(expression, (d) => task.match(d), new Date(after), new Date(now));
}

describe('cronFiredBetween', () => {
  it('finds a firing after the last run and up to now, not before or after', () => {
    expect(fired('0 * * * *', '2025-03-01T10:00:05Z', '2025-03-01T10:59:59Z')).toBe(false);
    expect(fired('0 * * * *', '2025-03-01T10:00:05Z', '2025-03-01T11:00:00Z')).toBe(true);
    expect(fired('0 3 * * 1', '2025-03-03T03:00:01Z', '2025-03-09T23:00:00Z')).toBe(false);
    expect(fired('0 3 * * 1', '2025-03-03T03:00:01Z', '2025-03-10T03:00:30Z')).toBe(true);
  });

  it('honours seconds fields and time zones', () => {
    expect(fired('30 * * * * *', '2025-03-01T10:00:31Z', '2025-03-01T10:01:29Z')).toBe(false);
    expect(fired('30 * * * * *', '2025-03-01T10:00:31Z', '2025-03-01T10:01:30Z')).toBe(true);
    // 03:00 in Berlin (UTC+1 in March) is 02:00 UTC.
    expect(
      fired('0 3 * * *', '2025-03-01T02:30:00Z', '2025-03-02T01:59:00Z', 'Europe/Berlin'),
    ).toBe(false);
    expect(
      fired('0 3 * * *', '2025-03-01T02:30:00Z', '2025-03-02T02:00:00Z', 'Europe/Berlin'),
    ).toBe(true);
  });

  it('takes a very long downtime with a rare schedule as missed', () => {
    expect(fired('0 0 1 1 *', '2025-01-01T00:00:01Z', '2025-06-01T00:00:00Z')).toBe(true);
  });
});

describe('intervalElapsed', () => {
  it('is true once a whole interval passed since the last run', () => {
    expect(
      intervalElapsed(60_000, new Date('2025-03-01T10:00:00Z'), new Date('2025-03-01T10:00:59Z')),
    ).toBe(false);
    expect(
      intervalElapsed(60_000, new Date('2025-03-01T10:00:00Z'), new Date('2025-03-01T10:01:00Z')),
    ).toBe(true);
  });
});
