import type { EventEmitter } from 'node:events';
import type { Logger } from 'pino';

export interface SignalOptions {
  /** Drains and closes the daemon (`daemon.close`), then whatever else must close (store, pool). */
  shutdown(): Promise<void>;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Default process.exit. */
  exit?: (code: number) => void;
  /** Default process. */
  target?: Pick<EventEmitter, 'on' | 'off'>;
  signals?: NodeJS.Signals[];
}

/**
 * SIGTERM / SIGINT: the first one shuts down gracefully (not ready, scheduler stopped, runs
 * drained, server and store closed) and exits 0, or 1 if shutting down failed; a second one
 * exits 1 at once. Returns the function that removes the handlers.
 */
export function handleShutdownSignals(options: SignalOptions): () => void {
  const target = options.target ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.logger?.warn({ signal }, 'second signal: exiting now without draining');
      exit(1);
      return;
    }
    stopping = true;
    options.logger?.info(
      { signal },
      'shutting down: draining runs (send the signal again to exit at once)',
    );
    options.shutdown().then(
      () => exit(0),
      (error: unknown) => {
        options.logger?.error(
          { err: error },
          `shutdown failed: ${(error as Error)?.message ?? String(error)}`,
        );
        exit(1);
      },
    );
  };
  for (const signal of signals) target.on(signal, onSignal);
  return () => {
    for (const signal of signals) target.off(signal, onSignal);
  };
}
