export * from './daemon/index.ts';
export * from './install/index.ts';
export { pipelineErrors } from './pipeline/errors.ts';
export {
  type Checkpoint,
  executeRun,
  type RunOutcome,
  type RunPlan,
  type RunSink,
} from './pipeline/execute-run.ts';
export { openPlan, type PlanSpec } from './pipeline/plan.ts';
export { type PoolOptions, RunPool } from './pipeline/pool.ts';
export * from './project/index.ts';
export { type OpenProject, type OpenProjectOptions, openProject } from './runner/open-project.ts';
export { type RunEvent, Runner, type RunnerOptions, type RunOptions } from './runner/runner.ts';
export * from './scheduler/index.ts';
export { SqliteStore, storeErrors } from './store/index.ts';
export type * from './store/sync-types.ts';
export type * from './store/types.ts';
export { syncErrors } from './sync/errors.ts';
