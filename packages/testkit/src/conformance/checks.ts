import type { CheckOutcome } from '../contract.ts';

/** The conformance checks of DESIGN section 7, by their names in reports and test titles. */
export const CHECKS = {
  manifest: 'manifest is valid',
  spec: 'spec is valid',
  checkGood: 'check passes on a good config',
  checkBad: 'check fails on a bad config',
  schemas: 'discovered schemas are valid with keys present',
  records: 'records match their schema with non-null keys',
  fullReads: 'two full reads agree',
  incremental: 'incremental read returns only newer records',
  futureState: 'a future state returns no records',
  writes: 'writes are idempotent',
} as const;

export type CheckName = (typeof CHECKS)[keyof typeof CHECKS];

/** Every check, in the order they run and are reported. */
export const CHECK_ORDER: readonly CheckName[] = Object.values(CHECKS);

export const passed = (check: CheckName, stream?: string): CheckOutcome => ({
  check,
  status: 'passed',
  ...(stream === undefined ? {} : { stream }),
});

export const failed = (check: CheckName, message: string, stream?: string): CheckOutcome => ({
  check,
  status: 'failed',
  message,
  ...(stream === undefined ? {} : { stream }),
});

export const notApplicable = (check: CheckName, why: string, stream?: string): CheckOutcome => ({
  check,
  status: 'not applicable',
  message: why,
  ...(stream === undefined ? {} : { stream }),
});

/** Outcomes in check order (stable within a check, so streams keep their manifest order). */
export function inCheckOrder(outcomes: CheckOutcome[]): CheckOutcome[] {
  const rank = (o: CheckOutcome) => CHECK_ORDER.indexOf(o.check as CheckName);
  return outcomes
    .map((outcome, index) => ({ outcome, index }))
    .sort((x, y) => rank(x.outcome) - rank(y.outcome) || x.index - y.index)
    .map(({ outcome }) => outcome);
}
