import { isFerryError } from '@ferry/manifest';
import type { Logger } from 'pino';
import { pipelineErrors } from '../pipeline/errors.ts';
import type { Runner, RunOptions } from '../runner/runner.ts';
import type { RunRecord, Store } from '../store/types.ts';
import { daemonErrors } from './errors.ts';
import type { RunEventHub } from './run-events.ts';

export interface LaunchedRun {
  /** The run as created (status running), or finished already when it was that quick. */
  run: RunRecord;
  /** Settles when the run (with its retries) has finished. */
  done: Promise<RunRecord>;
}

export interface LauncherOptions {
  runner: Pick<Runner, 'run' | 'replay' | 'drain' | 'isRunning' | 'recipes' | 'recipe'>;
  store: Pick<Store, 'listRuns' | 'interruptRunning'>;
  /** The hub the runner emits to; without it, the created run is found by polling the store. */
  events?: RunEventHub;
  logger: Logger;
  /** Called with each finished run when there is no event hub (metrics). */
  onFinished?: (run: RunRecord) => void;
  /** How long to wait before trying a resume again when the recipe's lock is still held. */
  resumeRetryMs?: number;
}

/**
 * Starts runs in the background for the daemon (API, webhooks, schedules, resumes) and answers
 * as soon as the run exists. Starts of one recipe are serialised here, so two requests at the
 * same moment cannot both pass the runner's guard, and every run is tracked so that `drain()`
 * stops them all, including one that was still acquiring its lock when the drain began.
 */
export class RunLauncher {
  readonly #options: LauncherOptions;
  readonly #starting = new Set<string>();
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #draining = false;

  constructor(options: LauncherOptions) {
    this.#options = options;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** True when a run of the recipe is running or being started by this process. */
  busy(recipe: string): boolean {
    return this.#starting.has(recipe) || this.#options.runner.isRunning(recipe);
  }

  /**
   * Starts a run; resolves once it is created. Throws FERRY_RECIPE_NOT_FOUND,
   * FERRY_RUN_ALREADY_RUNNING or FERRY_DAEMON_DRAINING before anything started.
   */
  start(recipe: string, options: RunOptions = {}): Promise<LaunchedRun> {
    return this.#launch(recipe, () => this.#options.runner.run(recipe, options));
  }

  /** Replays a recipe's pending dead letters (all, or the given ids) as a run. */
  replay(recipe: string, ids: string[] | undefined, actor: string): Promise<LaunchedRun> {
    return this.#launch(recipe, () => this.#options.runner.replay(recipe, ids, actor));
  }

  /**
   * After a restart: runs left 'running' by a process that died become 'interrupted', and each
   * recipe whose last run was interrupted (killed, or drained on SIGTERM) gets a resume run,
   * which continues from the last committed state. While a dead process's lock on the recipe
   * has not expired yet, the resume is tried again later.
   */
  async resumeInterrupted(): Promise<string[]> {
    const killed = await this.#options.store.interruptRunning();
    if (killed.length > 0) {
      this.#options.logger.warn(
        { runs: killed.map((r) => r.id) },
        'runs left running by a stopped process were marked interrupted',
      );
    }
    const resumed: string[] = [];
    for (const [id] of this.#options.runner.recipes()) {
      const [last] = await this.#options.store.listRuns({ recipe: id, limit: 1 });
      if (last?.status !== 'interrupted') continue;
      resumed.push(id);
      this.#resume(id, last.id);
    }
    return resumed;
  }

  /** Refuses new runs, asks running ones to stop after their next commit, and waits for all. */
  async drain(): Promise<void> {
    this.#draining = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    while (this.#inFlight.size > 0 || this.#starting.size > 0) {
      await this.#options.runner.drain();
      if (this.#inFlight.size === 0 && this.#starting.size === 0) break;
      // A run still acquiring its lock registers with the runner in a moment: drain it then.
      await Promise.race([Promise.allSettled([...this.#inFlight]), sleep(20)]);
    }
  }

  async #launch(recipe: string, begin: () => Promise<RunRecord>): Promise<LaunchedRun> {
    const { runner, events, logger } = this.#options;
    runner.recipe(recipe);
    if (this.#draining) {
      throw daemonErrors.create(
        'FERRY_DAEMON_DRAINING',
        `the daemon is shutting down; recipe ${recipe} was not started`,
      );
    }
    if (this.busy(recipe)) {
      throw pipelineErrors.create(
        'FERRY_RUN_ALREADY_RUNNING',
        `recipe ${recipe} is already running`,
      );
    }
    this.#starting.add(recipe);
    let created: (run: RunRecord) => void = () => {};
    const started = new Promise<RunRecord>((resolve) => (created = resolve));
    const off = events?.on((event) => {
      if (event.type === 'started' && event.run.recipe === recipe) created(event.run);
    });
    const since = Date.now();
    const done = begin();
    const tracked = done.then(
      (run) => {
        if (!events) this.#options.onFinished?.(run);
        return run;
      },
      (error: unknown) => {
        if (!isFerryError(error) || error.code !== 'FERRY_RUN_ALREADY_RUNNING') {
          logger.error(
            { recipe, err: error },
            `run of ${recipe} failed to start: ${(error as Error)?.message ?? String(error)}`,
          );
        }
      },
    );
    this.#inFlight.add(tracked);
    void tracked.finally(() => this.#inFlight.delete(tracked));
    try {
      const run = await Promise.race([
        started,
        done,
        ...(events ? [] : [this.#created(recipe, since, done)]),
      ]);
      return { run, done };
    } finally {
      off?.();
      this.#starting.delete(recipe);
    }
  }

  /** Without events: the recipe's newest run started after `since` (the runner creates one right away). */
  async #created(recipe: string, since: number, done: Promise<unknown>): Promise<RunRecord> {
    let settled = false;
    void done.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      const [run] = await this.#options.store.listRuns({ recipe, limit: 1 });
      if (run && Date.parse(run.startedAt) >= since - 1000 && run.status === 'running') return run;
      await sleep(10);
    }
    return done as Promise<RunRecord>;
  }

  #resume(recipe: string, interruptedRun: string): void {
    const { logger, store } = this.#options;
    this.start(recipe, { trigger: 'resume' }).then(
      ({ run }) =>
        logger.info({ recipe, runId: run.id, interruptedRun }, 'resuming an interrupted run'),
      async (error: unknown) => {
        if (this.#draining) return;
        if (
          !isFerryError(error) ||
          error.code !== 'FERRY_RUN_ALREADY_RUNNING' ||
          this.#options.runner.isRunning(recipe)
        ) {
          if (!isFerryError(error) || error.code !== 'FERRY_RUN_ALREADY_RUNNING') {
            logger.error(
              { recipe, err: error },
              `cannot resume recipe ${recipe}: ${(error as Error)?.message}`,
            );
          }
          return;
        }
        // The lock of the process that died has not expired yet: try again while still needed.
        const [last] = await store.listRuns({ recipe, limit: 1 });
        if (last?.status !== 'interrupted' || this.#draining) return;
        const wait = this.#options.resumeRetryMs ?? 15_000;
        logger.info(
          { recipe, retryInMs: wait },
          'the recipe is still locked by a stopped process; resume retried later',
        );
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          this.#resume(recipe, interruptedRun);
        }, wait);
        this.#timers.add(timer);
      },
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
