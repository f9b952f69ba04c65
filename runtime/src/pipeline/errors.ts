import { defineErrors } from '@ferry/manifest';

/** The error table of the runtime's pipeline and runner. */
export const pipelineErrors = defineErrors({
  FERRY_RECIPE_NOT_FOUND: {
    title: 'A run was asked for a recipe the project does not define',
    hint: 'Use a recipe id listed under `recipes` in ferry.yaml (`ferry validate` lists problems).',
  },
  FERRY_RUN_TOLERANCE_EXCEEDED: {
    title: "More records failed than the recipe's error tolerance allows; the run stopped",
    hint: 'Inspect the dead-letter queue (`ferry dlq list`), fix the cause, then `ferry dlq replay`; or raise policies.errorTolerance.',
  },
  FERRY_RUN_TIMEOUT: {
    title: 'A run took longer than its timeout and its worker was stopped',
    hint: "Raise the recipe's policies.timeout, or find why the connector hangs (a loop, a stuck request).",
  },
  FERRY_RUN_OUT_OF_MEMORY: {
    title: "A run's worker used more memory than its limit and was stopped",
    hint: 'Raise the worker memory limit (FERRY_WORKER_MEMORY_MB), or fix the connector that accumulates records.',
  },
  FERRY_RUN_WORKER_CRASHED: {
    title: 'The worker thread running a sync died unexpectedly',
    hint: 'The run is retried; if it keeps happening, run it with FERRY_DEBUG=1 and report the error.',
  },
  FERRY_RUN_ALREADY_RUNNING: {
    title: 'A recipe was started while an earlier run of it is still running',
    hint: 'Wait for the running run to finish; runs of one recipe never overlap.',
  },
  FERRY_RECORD_INVALID: {
    title: "A source record does not match its stream's schema (dead-lettered)",
    hint: 'See the reason in the dead-letter entry; fix the source data or the connector schema, then replay.',
  },
  FERRY_MAPPING_FAILED: {
    title: "A recipe's mapping failed for a record (dead-lettered)",
    hint: 'Fix the mapping expression named in the reason, then replay the dead letters.',
  },
  FERRY_WRITE_REJECTED: {
    title: 'The destination rejected a record (dead-lettered)',
    hint: "The reason is the destination's own message; fix the data or the destination, then replay.",
  },
});
