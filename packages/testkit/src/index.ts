export { describeConformance } from './conformance/describe.ts';
export { runConformance } from './conformance/run.ts';
export type * from './contract.ts';
export { type TestkitErrorCode, testkitErrors } from './errors.ts';
export { type RecordOptions, type RecordResult, record } from './replay/record.ts';
export { describeRegression, type RegressionOptions } from './replay/regression.ts';
export { type RegressionFile, writeRegressionTest } from './replay/regression-file.ts';
export { type ReplayedConformance, replayedConformance } from './replay/replay-conformance.ts';
export { type ReplayServer, replayServer } from './replay/server.ts';
export { type DiffOptions, diffVersions } from './replay/version-diff.ts';
export { type SandboxErrorCode, sandboxErrors } from './sandbox/errors.ts';
export type {
  ErrorFault,
  FaultSettings,
  LatencyFault,
  RateLimitFault,
  Trigger,
} from './sandbox/fault-types.ts';
export { createSandbox } from './sandbox/sandbox.ts';
export type {
  RouteHandler,
  Sandbox,
  SandboxAuth,
  SandboxBodies,
  SandboxContext,
  SandboxOptions,
  SandboxRoute,
  SandboxStats,
} from './sandbox/types.ts';
export * from './sandboxes/dataverse/index.ts';
export * from './sandboxes/hubspot/index.ts';
export * from './sandboxes/odoo/index.ts';
export * from './sandboxes/salesforce/index.ts';
export { type ServiceErrorCode, serviceErrors } from './services/errors.ts';
export { startPostgres } from './services/postgres.ts';
export type { PostgresProvider, PostgresService, StartPostgresOptions } from './services/types.ts';
