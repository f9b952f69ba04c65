import { basename } from 'node:path';
import type { CheckOutcome, ConformanceOptions } from '../contract.ts';
import { CHECK_ORDER } from './checks.ts';
import { runConformance } from './run.ts';
import { vitestApi } from './vitest-api.ts';

/**
 * The conformance suite as vitest tests, one per check: one line in a connector's test file.
 * The checks run once, in the first test; each test then reports its check's outcomes . `options` may be a function, called
 * inside that first test, so it can start a sandbox server first. A check that applies to no
 * stream passes when it says why (its outcome carries the reason).
 */
export function describeConformance(
  options: ConformanceOptions | (() => Promise<ConformanceOptions>),
): void {
  const { describe, it } = vitestApi('describeConformance');
  const label = typeof options === 'function' ? 'connector' : basename(options.connector);
  let results: Promise<CheckOutcome[]> | undefined;
  const outcomes = () => {
    results ??= (async () =>
      runConformance(typeof options === 'function' ? await options() : options))();
    return results;
  };
  describe(`conformance: ${label}`, () => {
    for (const check of CHECK_ORDER) {
      it(check, async () => {
        const mine = (await outcomes()).filter((outcome) => outcome.check === check);
        const failures = mine.filter((outcome) => outcome.status === 'failed');
        if (failures.length > 0)
          throw new Error(`${check}:\n${failures.map((f) => f.message).join('\n')}`);
        // A check that does not apply (no cursor, nothing writable) passes only with its reason.
        if (mine.length === 0) throw new Error(`${check}: the check did not run`);
        const unexplained = mine.filter((o) => o.status === 'not applicable' && !o.message);
        if (unexplained.length > 0) throw new Error(`${check}: not applicable without a reason`);
      });
    }
  });
}
