import type { JsonObject } from '@ferry/sdk';
import type { BatchCommit, NewDeadLetter, RunCounts, Store } from '../types.ts';

/** What a Store implementation's test gives the shared suite for each test. */
export interface StoreUnderTest {
  store: Store;
  /** Another Store on the same storage (see describeStore). */
  reopen(): Promise<Store>;
  /** Closes every store opened for the test and removes the storage. */
  cleanup(): Promise<void>;
}

/** The current test's store, for the suite's parts. */
export interface SuiteContext {
  readonly store: Store;
  reopen(): Promise<Store>;
}

export function counts(read: number, deadLettered = 0): RunCounts {
  return { read, written: read - deadLettered, failed: 0, deadLettered };
}

export function letter(runId: string, record: JsonObject, recipe = 'crm-to-erp'): NewDeadLetter {
  return {
    recipe,
    runId,
    stream: 'contacts',
    stage: 'map',
    reason: 'email is missing',
    code: 'FERRY_MAPPING_FAILED',
    record,
  };
}

export function batch(
  runId: string,
  state: JsonObject,
  more: Partial<BatchCommit> = {},
): BatchCommit {
  return {
    runId,
    recipe: 'crm-to-erp',
    stream: 'contacts',
    state,
    counts: counts(10),
    deadLetters: [],
    ...more,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
