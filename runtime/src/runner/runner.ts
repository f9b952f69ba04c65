import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Connector, durationMs } from '@ferry/declarative';
import { FerryError, type ProjectFile, type Recipe } from '@ferry/manifest';
import type { JsonObject, Message } from '@ferry/sdk';
import { pipelineErrors } from '../pipeline/errors.ts';
import { executeRun, type RunOutcome, type RunSink } from '../pipeline/execute-run.ts';
import { openPlan, type PlanSpec } from '../pipeline/plan.ts';
import type { RunPool } from '../pipeline/pool.ts';
import type { RunCounts, RunRecord, RunTrigger, Store } from '../store/types.ts';
import { runSyncCycle, type SyncSummary } from '../sync/cycle.ts';

/** What happens during runs, for progress lines, logs and metrics. */
export type RunEvent =
  | { type: 'started'; run: RunRecord }
  | { type: 'progress'; run: RunRecord; counts: RunCounts; deadLetters: number }
  | { type: 'log'; run: RunRecord; message: Message }
  | { type: 'finished'; run: RunRecord; durationMs: number };

export interface RunnerOptions {
  project: ProjectFile;
  projectFile: string;
  store: Store;
  /** Finds the connector a connection pins (`name@range`), e.g. from the installed connectors. */
  resolveConnector(spec: string): Promise<Connector>;
  /** Resolves a connection's config references (${env:...}, ${secret:...}). */
  resolveConfig(connection: string, config: JsonObject): Promise<JsonObject>;
  /** Worker threads for runs; without a pool, runs execute in this thread. */
  pool?: RunPool;
  /** Who holds recipe locks (one id per process); default a random id. */
  owner?: string;
  /** Default run timeout when a recipe sets none; default 1 hour. */
  timeoutMs?: number;
  onEvent?: (event: RunEvent) => void;
}

export interface RunOptions {
  trigger?: RunTrigger;
  /** Deliver these records instead of reading the source. */
  records?: JsonObject[];
  signal?: AbortSignal;
}

/**
 * Runs recipes: one at a time per recipe (a process-local guard plus a store lock, so a recipe
 * never runs twice across daemons sharing a store), from the last committed state, through the
 * worker pool or in this thread, committing every checkpoint to the store.
 */
export class Runner {
  readonly #options: RunnerOptions;
  readonly #owner: string;
  readonly #running = new Map<string, { stop: boolean; done: Promise<RunRecord> }>();

  constructor(options: RunnerOptions) {
    this.#options = options;
    this.#owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  get store(): Store {
    return this.#options.store;
  }

  recipes(): [string, Recipe][] {
    return Object.entries(this.#options.project.recipes ?? {});
  }

  recipe(id: string): Recipe {
    const recipe = this.#options.project.recipes?.[id];
    if (!recipe) {
      throw pipelineErrors.create(
        'FERRY_RECIPE_NOT_FOUND',
        `${this.#options.projectFile} has no recipe '${id}'`,
        {
          file: this.#options.projectFile,
          path: '$.recipes',
          hint: `recipes: ${
            this.recipes()
              .map(([r]) => r)
              .join(', ') || '(none)'
          }`,
        },
      );
    }
    return recipe;
  }

  isRunning(recipe: string): boolean {
    return this.#running.has(recipe);
  }

  /** Runs a recipe once and resolves with its finished run (succeeded, failed or interrupted). */
  async run(recipeId: string, options: RunOptions = {}): Promise<RunRecord> {
    const recipe = this.recipe(recipeId);
    const entry = { stop: false, done: undefined as unknown as Promise<RunRecord> };
    if (this.#running.has(recipeId)) throw alreadyRunning(recipeId);
    this.#running.set(recipeId, entry);
    if (!(await this.#lock(recipeId, recipe).catch(() => false))) {
      this.#running.delete(recipeId);
      throw alreadyRunning(recipeId);
    }
    // Holding the lock, any run of this recipe still marked running belongs to a dead process.
    for (const stale of await this.store.listRuns({ recipe: recipeId, status: 'running' })) {
      await this.store.updateRun(stale.id, {
        status: 'interrupted',
        finishedAt: new Date().toISOString(),
      });
    }
    entry.done = this.#withRetries(recipeId, recipe, options, entry).finally(async () => {
      this.#running.delete(recipeId);
      await this.store.releaseLock(`recipe:${recipeId}`, this.#owner);
    });
    return entry.done;
  }

  /**
   * Takes the recipe's lock. A lock held by a process of this machine that no longer exists
   * (killed, crashed) is taken over at once instead of waiting for its lease to expire.
   */
  async #lock(recipeId: string, recipe: Recipe): Promise<boolean> {
    const name = `recipe:${recipeId}`;
    const ttl = this.#timeout(recipe) + 60_000;
    if (await this.store.acquireLock(name, this.#owner, ttl)) return true;
    const holder = await this.store.lockHolder(name);
    const [host, pid] = holder?.owner.split(':') ?? [];
    if (!holder || host !== hostname() || !pid || isAlive(Number(pid))) return false;
    await this.store.releaseLock(name, holder.owner);
    return this.store.acquireLock(name, this.#owner, ttl);
  }

  /** Asks every running run to stop after its next commit, and waits for them (SIGTERM). */
  async drain(): Promise<RunRecord[]> {
    const running = [...this.#running.values()];
    for (const entry of running) entry.stop = true;
    return Promise.all(running.map((e) => e.done.catch(() => undefined as unknown as RunRecord)));
  }

  /**
   * Dead letters of a recipe delivered again as a run (all pending ones, or the given ids). When
   * the run completes they are marked replayed; records that fail again are new dead letters.
   * A two-way recipe's dead letters name entities: they go back into the outbox (marked
   * replayed at once, since the outbox now holds them) and the next cycle pushes them again.
   */
  async replay(recipeId: string, ids?: string[], actor = 'cli'): Promise<RunRecord> {
    const twoWay = this.recipe(recipeId).twoWay !== undefined;
    const letters = (
      ids
        ? await this.store.getDeadLetters(ids)
        : await this.store.listDeadLetters({ recipe: recipeId, status: 'pending', limit: 100_000 })
    ).filter((l) => l.recipe === recipeId && l.status === 'pending');
    const letterIds = letters.map((l) => l.id);
    if (twoWay) {
      await this.store.markSyncPending(recipeId, [
        ...new Set(letters.map((l) => String(l.record.ferryId))),
      ]);
      await this.store.markDeadLetters(letterIds, 'replayed');
    }
    const run = await this.run(
      recipeId,
      twoWay ? { trigger: 'replay' } : { trigger: 'replay', records: letters.map((l) => l.record) },
    );
    if (!twoWay && run.status === 'succeeded')
      await this.store.markDeadLetters(letterIds, 'replayed', run.id);
    await this.store.audit({
      actor,
      action: 'dlq.replay',
      subject: recipeId,
      details: { runId: run.id, deadLetters: letters.length, status: run.status },
    });
    return run;
  }

  /** Runs, and runs again after a retryable failure, as the recipe's policies.retries say (default: once more after 30s). */
  async #withRetries(
    recipeId: string,
    recipe: Recipe,
    options: RunOptions,
    entry: { stop: boolean },
  ): Promise<RunRecord> {
    const max = recipe.policies?.retries?.max ?? 1;
    const backoff = durationMs(recipe.policies?.retries?.backoff, 30_000);
    let run = await this.#execute(recipeId, recipe, options, entry, 1);
    for (
      let attempt = 2;
      attempt <= max + 1 && run.status === 'failed' && isRetryable(run.error?.code) && !entry.stop;
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, backoff * 2 ** (attempt - 2)));
      if (entry.stop || options.signal?.aborted) break;
      run = await this.#execute(
        recipeId,
        recipe,
        { ...options, trigger: 'resume' },
        entry,
        attempt,
      );
    }
    return run;
  }

  async #execute(
    recipeId: string,
    recipe: Recipe,
    options: RunOptions,
    entry: { stop: boolean },
    attempt: number,
  ): Promise<RunRecord> {
    const { store, onEvent } = this.#options;
    let run = await store.createRun({
      recipe: recipeId,
      trigger: options.trigger ?? 'manual',
      attempt,
    });
    const started = performance.now();
    onEvent?.({ type: 'started', run });
    let deadLetters = 0;
    const sink: RunSink = {
      commit: async (checkpoint) => {
        await store.commitBatch({ runId: run.id, recipe: recipeId, ...checkpoint });
        deadLetters += checkpoint.deadLetters.length;
        onEvent?.({ type: 'progress', run, counts: checkpoint.counts, deadLetters });
      },
      log: (message) => onEvent?.({ type: 'log', run, message }),
      stopRequested: () => entry.stop,
    };
    let outcome: RunOutcome | undefined;
    let error: FerryError | undefined;
    try {
      if (recipe.twoWay) {
        const summary = await this.#syncCycle(run, recipeId, recipe, entry);
        outcome = { ...summary.counts, stopped: summary.stopped };
        await store.audit({
          actor: `recipe:${recipeId}`,
          action: 'sync.cycle',
          subject: recipeId,
          details: { runId: run.id, ...summary } as unknown as JsonObject,
        });
      } else {
        const plan = await this.#plan(run.id, recipeId, recipe, options.records);
        outcome = this.#options.pool
          ? await this.#options.pool.run(plan, sink, {
              timeoutMs: this.#timeout(recipe),
              ...(options.signal ? { signal: options.signal } : {}),
            })
          : await executeRun(await openPlan(plan), sink);
      }
    } catch (caught) {
      error =
        caught instanceof FerryError
          ? caught
          : new FerryError('FERRY_INTERNAL', (caught as Error)?.message ?? String(caught), {
              cause: caught,
            });
    }
    const finished = await store.getRun(run.id);
    const counts = outcome
      ? {
          read: outcome.read,
          written: outcome.written,
          failed: outcome.failed,
          deadLettered: outcome.deadLettered,
        }
      : (finished?.counts ?? run.counts);
    await store.updateRun(run.id, {
      status: error ? 'failed' : outcome?.stopped ? 'interrupted' : 'succeeded',
      finishedAt: new Date().toISOString(),
      counts,
      ...(error ? { error: { code: error.code, message: error.message } } : {}),
    });
    run = (await store.getRun(run.id)) as RunRecord;
    onEvent?.({ type: 'finished', run, durationMs: performance.now() - started });
    return run;
  }

  /**
   * One cycle of a two-way recipe (runtime/src/sync), in this thread: it reads and writes the
   * store all along (identity map, outbox), which a worker could only reach through messages.
   */
  async #syncCycle(
    run: RunRecord,
    recipeId: string,
    recipe: Recipe,
    entry: { stop: boolean },
  ): Promise<SyncSummary> {
    const endpoint = async (end: 'source' | 'destination') => {
      const { connection, stream } = recipe[end];
      const resolved = await this.#connection(recipeId, connection, end);
      return { connection, stream, ...resolved };
    };
    const { onEvent } = this.#options;
    return runSyncCycle({
      store: this.store,
      runId: run.id,
      recipeId,
      recipe,
      projectFile: this.#options.projectFile,
      source: await endpoint('source'),
      destination: await endpoint('destination'),
      stopRequested: () => entry.stop,
      log: (message) =>
        onEvent?.({ type: 'log', run, message: { type: 'LOG', level: 'warn', message } }),
      progress: (counts) =>
        onEvent?.({ type: 'progress', run, counts, deadLetters: counts.deadLettered }),
    });
  }

  async #connection(recipeId: string, id: string, end: 'source' | 'destination') {
    const { project, projectFile } = this.#options;
    const connection = project.connections?.[id];
    if (!connection) {
      throw pipelineErrors.create(
        'FERRY_RECIPE_NOT_FOUND',
        `recipe ${recipeId} uses connection '${id}', which ${projectFile} does not define`,
        { file: projectFile, path: `$.recipes[${JSON.stringify(recipeId)}].${end}.connection` },
      );
    }
    const connector = await this.#options.resolveConnector(connection.connector);
    const config = await this.#options.resolveConfig(id, (connection.config ?? {}) as JsonObject);
    return { connector, config };
  }

  async #plan(
    runId: string,
    recipeId: string,
    recipe: Recipe,
    records: JsonObject[] | undefined,
  ): Promise<PlanSpec> {
    const { projectFile } = this.#options;
    const endpoint = async (end: 'source' | 'destination') => {
      const { connection: id, stream } = recipe[end];
      const { connector, config } = await this.#connection(recipeId, id, end);
      return { target: connector.target, config, stream };
    };
    const [source, destination] = await Promise.all([endpoint('source'), endpoint('destination')]);
    const incremental = (recipe.mode?.read ?? 'incremental') === 'incremental';
    const state =
      incremental && !records ? (await this.store.getState(recipeId))[source.stream] : undefined;
    const tolerance = recipe.policies?.errorTolerance;
    return {
      runId,
      recipe: recipeId,
      projectFile,
      source: { ...source, ...(state ? { state } : {}) },
      destination,
      ...(recipe.mapping ? { mapping: recipe.mapping } : {}),
      ...(tolerance ? { tolerance } : {}),
      ...(records ? { records } : {}),
    };
  }

  #timeout(recipe: Recipe): number {
    return durationMs(recipe.policies?.timeout, this.#options.timeoutMs ?? 3_600_000);
  }
}

/** Failures a later attempt can overcome: not bad config, a missing recipe or too many bad records. */
function isRetryable(code: string | undefined): boolean {
  return ![
    'FERRY_RUN_TOLERANCE_EXCEEDED',
    'FERRY_CONFIG_INVALID',
    'FERRY_RECIPE_NOT_FOUND',
    'FERRY_CONNECTOR_INVALID',
    'FERRY_EXPRESSION_SYNTAX',
  ].includes(code ?? '');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function alreadyRunning(recipe: string) {
  return pipelineErrors.create('FERRY_RUN_ALREADY_RUNNING', `recipe ${recipe} is already running`);
}
