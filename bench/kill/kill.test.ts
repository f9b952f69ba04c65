import { expect, it } from 'vitest';
import { runKillTest } from './harness.ts';

it('kill -9 at random points of a sync, restarting each time, ends with exactly the source set and its last cursor', async () => {
  const result = await runKillTest({
    records: 20_000,
    kills: 3,
    pageDelayMs: 25,
    killAfterMs: [0, 400],
  });
  expect(result).toMatchObject({
    kills: 3,
    rows: 20_000,
    distinct: 20_000,
    missing: 0,
    cursor: 20_000,
    deadLetters: 0,
    exact: true,
  });
}, 240_000);
