import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { FerryError } from '@ferry/manifest';
import { Piscina } from 'piscina';
import { pipelineErrors } from './errors.ts';
import type { RunOutcome, RunSink } from './execute-run.ts';
import type { PlanSpec } from './plan.ts';
import type { WorkerOutcome, WorkerTask } from './worker.ts';

export interface PoolOptions {
  /** Worker threads; default: the number of cores. */
  threads?: number;
  /** Old-generation heap limit of each worker in MB (FERRY_WORKER_MEMORY_MB, default 512). */
  memoryMb?: number;
}

// From the repository, workers run the TypeScript sources through tsx; published, dist/.
const fromSource = import.meta.url.endsWith('.ts');
const workerFile = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;

/** tsx's loader as an absolute URL: `--import tsx` would resolve from the working folder. */
function tsxLoader(): string {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(pkg), 'dist/loader.mjs')).href;
}

/**
 * Runs pipelines in worker threads (piscina). Each run has a timeout and each worker a memory
 * limit: a connector that loops forever or allocates without bound fails its own run with a
 * coded error, piscina replaces the worker, and the process goes on.
 */
export class RunPool {
  readonly #pool: Piscina;

  constructor(options: PoolOptions = {}) {
    const memoryMb = options.memoryMb ?? Number(process.env.FERRY_WORKER_MEMORY_MB ?? 512);
    this.#pool = new Piscina({
      filename: workerFile,
      ...(options.threads
        ? { maxThreads: options.threads, minThreads: Math.min(1, options.threads) }
        : {}),
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 },
      execArgv: fromSource ? ['--conditions=@ferry/source', '--import', tsxLoader()] : [],
    });
    // A worker that dies outside a task is replaced by piscina; never let it take the process down.
    this.#pool.on('error', () => {});
  }

  get utilization(): number {
    return this.#pool.utilization;
  }

  get threads(): number {
    return this.#pool.threads.length;
  }

  /**
   * Runs a plan in a worker. `signal` aborts the run at once (the worker is stopped); a sink
   * whose `stopRequested()` turns true makes the run stop cleanly after its next commit.
   */
  async run(
    plan: PlanSpec,
    sink: RunSink,
    options: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<RunOutcome> {
    const { port1, port2 } = new MessageChannel();
    let stopSent = false;
    port1.on(
      'message',
      async (message: { type: string; id?: number; checkpoint?: never; message?: never }) => {
        if (message.type === 'commit' && message.checkpoint) {
          await sink.commit(message.checkpoint);
          if (!stopSent && sink.stopRequested?.()) {
            stopSent = true;
            port1.postMessage({ type: 'stop' });
          }
          port1.postMessage({ type: 'ack', id: message.id });
        } else if (message.type === 'log' && message.message) {
          sink.log?.(message.message);
        }
      },
    );
    const timeout = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
    const signals = [timeout, options.signal].filter((s): s is AbortSignal => s !== undefined);
    const task: WorkerTask = { plan, port: port2 };
    try {
      const outcome = (await this.#pool.run(task, {
        transferList: [port2],
        ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}),
      })) as WorkerOutcome;
      if (outcome.ok) return outcome.counts;
      const { code, message, ...rest } = outcome.error;
      throw new FerryError(code, message, rest);
    } catch (error) {
      if (error instanceof FerryError) throw error;
      if (timeout?.aborted) {
        throw pipelineErrors.create(
          'FERRY_RUN_TIMEOUT',
          `recipe ${plan.recipe}: run ${plan.runId} did not finish within ${options.timeoutMs} ms; its worker was stopped`,
          {
            path: `$.recipes[${JSON.stringify(plan.recipe)}].policies.timeout`,
          },
        );
      }
      const code = (error as { code?: string }).code;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw pipelineErrors.create(
          'FERRY_RUN_OUT_OF_MEMORY',
          `recipe ${plan.recipe}: run ${plan.runId} exceeded the worker memory limit; its worker was stopped`,
          { cause: error },
        );
      }
      if (options.signal?.aborted) throw error;
      throw pipelineErrors.create(
        'FERRY_RUN_WORKER_CRASHED',
        `recipe ${plan.recipe}: the worker running ${plan.runId} died: ${(error as Error).message}`,
        { cause: error },
      );
    } finally {
      port1.close();
    }
  }

  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}
