import { expect, it } from 'vitest';
import { runConformance } from '../conformance/run.ts';
import { replayedConformance } from './replay-conformance.ts';
import { GITHUB, recordGitHub } from './test-support.ts';

it('runs the conformance suite offline on recorded fixtures: every applicable check passes', async () => {
  const { fixtures } = await recordGitHub();
  const replay = await replayedConformance({ connector: GITHUB, fixtures });
  try {
    const outcomes = await runConformance(replay.options);
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    expect(outcomes.filter((o) => o.status === 'passed')).toHaveLength(12);
    // the bad config (a wrong token) reached the replay server and matched nothing
    expect(
      replay.unmatched.some((line) =>
        line.startsWith('ferry replay: no recorded answer for GET /repos/acme/app;'),
      ),
    ).toBe(true);
  } finally {
    await replay.close();
  }
});
