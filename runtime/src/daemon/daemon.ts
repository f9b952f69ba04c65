import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { RunPool } from '../pipeline/pool.ts';
import type { Runner } from '../runner/runner.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import type { Store } from '../store/types.ts';
import { isLoopback } from './auth.ts';
import type { DaemonContext } from './context.ts';
import { daemonErrors } from './errors.ts';
import { RunLauncher } from './launcher.ts';
import { createDaemonLogger } from './logger.ts';
import { DaemonMetrics } from './metrics.ts';
import type { RunEventHub } from './run-events.ts';
import { finishedEvent, logRunEvent } from './run-log.ts';
import { buildServer } from './server.ts';
import { resolveWebhooks } from './webhooks.ts';

export const DEFAULT_PORT = 8350;

export interface DaemonOptions {
  runner: Runner;
  store: Store;
  /** Default 8350; 0 picks a free port (see `url`). */
  port?: number;
  /** Default 127.0.0.1. Any other address requires an API token. */
  host?: string;
  pool?: Pick<RunPool, 'utilization' | 'threads'>;
  /** The hub the runner was given as `onEvent` (live metrics, logs, run ids at once). */
  events?: RunEventHub;
  /** Default: a JSON logger on stdout (createDaemonLogger) redacting `secrets`. */
  logger?: Logger;
  /** Secret values to keep out of logs; the daemon adds the API token and webhook secrets. */
  secrets?: Set<string> | string[];
  /** Bearer token for /api and /hooks; default FERRY_API_TOKEN. */
  token?: string;
  /** For `${env:NAME}` webhook secrets; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Resolves `${secret:name}` webhook secrets. */
  resolveSecret?: (reference: string) => Promise<string | undefined>;
  /** Named in error messages. */
  projectFile?: string;
  /** How soon a resume blocked by a dead process's unexpired lock is tried again; default 15s. */
  resumeRetryMs?: number;
}

export interface Daemon {
  /** `http://host:port` */
  url: string;
  readonly ready: boolean;
  scheduler: Scheduler;
  metrics: DaemonMetrics;
  logger: Logger;
  /** Recipes that got a resume run at start. */
  resumed: string[];
  /** Not ready, scheduler stopped, runs drained (stopped after their next commit), server closed. The store stays open: its owner closes it. */
  close(): Promise<void>;
}

/**
 * Starts the daemon: checks the schedules and webhook secrets, listens, migrates the store,
 * marks runs a dead process left running as interrupted and resumes every interrupted recipe,
 * then starts the scheduler and reports ready.
 */
export async function startDaemon(options: DaemonOptions): Promise<Daemon> {
  const { runner, store, events } = options;
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? (process.env.FERRY_API_TOKEN || undefined);
  if (!token && !isLoopback(host)) {
    throw daemonErrors.create(
      'FERRY_DAEMON_TOKEN_REQUIRED',
      `the daemon would listen on ${host}, reachable from other machines, without an API token`,
    );
  }
  const secrets = options.secrets instanceof Set ? options.secrets : new Set(options.secrets ?? []);
  if (token) secrets.add(token);
  const webhooks = await resolveWebhooks(runner.recipes(), {
    ...(options.env ? { env: options.env } : {}),
    ...(options.resolveSecret ? { resolveSecret: options.resolveSecret } : {}),
    ...(options.projectFile ? { projectFile: options.projectFile } : {}),
  });
  for (const hook of webhooks.values()) if (hook.secret) secrets.add(hook.secret);
  const logger = options.logger ?? createDaemonLogger({ secrets });
  const metrics = new DaemonMetrics({
    runner,
    store,
    ...(options.pool ? { pool: options.pool } : {}),
  });
  const launcher = new RunLauncher({
    runner,
    store,
    logger,
    ...(options.resumeRetryMs !== undefined ? { resumeRetryMs: options.resumeRetryMs } : {}),
    ...(events ? { events } : { onFinished: (run) => metrics.observe(finishedEvent(run)) }),
  });
  const scheduler = new Scheduler({
    runner,
    store,
    ...(options.projectFile ? { projectFile: options.projectFile } : {}),
    start: async (recipe, trigger) => (await launcher.start(recipe, { trigger })).done,
    logger: logger.child({ component: 'scheduler' }),
    onSkip: metrics.skipped,
  });
  const offEvents = events?.on((event) => {
    metrics.observe(event);
    logRunEvent(logger, event);
  });
  const ctx: DaemonContext = {
    runner,
    store,
    launcher,
    scheduler,
    metrics,
    webhooks,
    logger,
    ...(token ? { token } : {}),
    state: { ready: false, draining: false },
  };
  const app = buildServer(ctx);
  try {
    await app.listen({ port: options.port ?? DEFAULT_PORT, host });
  } catch (error) {
    offEvents?.();
    await app.close();
    throw daemonErrors.create(
      'FERRY_DAEMON_LISTEN_FAILED',
      `cannot listen on ${host}:${options.port ?? DEFAULT_PORT}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const address = app.server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  let resumed: string[] = [];
  try {
    await store.migrate();
    resumed = await launcher.resumeInterrupted();
    await scheduler.start();
  } catch (error) {
    scheduler.stop();
    await launcher.drain();
    offEvents?.();
    await app.close();
    throw error;
  }
  ctx.state.ready = true;
  logger.info(
    { url, recipes: runner.recipes().length, resumed, auth: token ? 'token' : 'none' },
    'daemon ready',
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    get ready() {
      return ctx.state.ready;
    },
    scheduler,
    metrics,
    logger,
    resumed,
    close() {
      closing ??= (async () => {
        ctx.state.ready = false;
        ctx.state.draining = true;
        logger.info(
          'daemon draining: the scheduler is stopped, running runs stop after their next commit',
        );
        scheduler.stop();
        await launcher.drain();
        offEvents?.();
        await app.close();
        logger.info('daemon stopped');
      })();
      return closing;
    },
  };
}
