export { bearerMatches, isLoopback, signatureMatches, signBody } from './auth.ts';
export type { RecipeSummary } from './context.ts';
export { type Daemon, type DaemonOptions, DEFAULT_PORT, startDaemon } from './daemon.ts';
export { type DaemonErrorCode, daemonErrors } from './errors.ts';
export { createDaemonLogger, type DaemonLoggerOptions, redactValues } from './logger.ts';
export { DaemonMetrics } from './metrics.ts';
export { RunEventHub, type RunEventListener } from './run-events.ts';
export { handleShutdownSignals, type SignalOptions } from './signals.ts';
