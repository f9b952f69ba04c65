import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RunPool } from '../pipeline/pool.ts';
import type { RunEvent, Runner } from '../runner/runner.ts';
import type { RunCounts, Store } from '../store/types.ts';

export interface MetricsOptions {
  runner: Pick<Runner, 'recipes' | 'isRunning'>;
  store: Pick<Store, 'countDeadLetters'>;
  pool?: Pick<RunPool, 'utilization' | 'threads'>;
}

const COUNT_NAMES = {
  read: 'ferry_records_read_total',
  written: 'ferry_records_written_total',
  failed: 'ferry_records_failed_total',
  deadLettered: 'ferry_records_dead_lettered_total',
} as const;

/**
 * The daemon's Prometheus metrics, in a registry of its own (several daemons in one process
 * do not collide). Record counters grow with every committed batch (the runner's progress
 * events carry running totals per run; the difference is added), so a scrape during a run
 * already shows its records. `stream` is the recipe's source stream. Gauges that describe the
 * present (DLQ depth, runs in progress, worker utilisation) are read at scrape time.
 */
export class DaemonMetrics {
  readonly registry = new Registry();
  readonly #records: Record<keyof RunCounts, Counter<'recipe' | 'stream'>>;
  readonly #duration: Histogram<'recipe'>;
  readonly #outcomes: Counter<'recipe' | 'status'>;
  readonly #skipped: Counter<'recipe' | 'trigger'>;
  readonly #seen = new Map<string, RunCounts>();
  readonly #streams = new Map<string, string>();

  constructor(options: MetricsOptions) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const records = (key: keyof RunCounts, help: string) =>
      new Counter({
        name: COUNT_NAMES[key],
        help,
        labelNames: ['recipe', 'stream'] as const,
        registers,
      });
    this.#records = {
      read: records('read', 'Records read from the source'),
      written: records('written', 'Records the destination accepted'),
      failed: records('failed', 'Records that failed validation, mapping or writing'),
      deadLettered: records('deadLettered', 'Records put in the dead-letter queue'),
    };
    this.#duration = new Histogram({
      name: 'ferry_run_duration_seconds',
      help: 'How long runs took, from start to finish',
      labelNames: ['recipe'] as const,
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 14_400],
      registers,
    });
    this.#outcomes = new Counter({
      name: 'ferry_runs_total',
      help: 'Finished runs by outcome (succeeded, failed, interrupted)',
      labelNames: ['recipe', 'status'] as const,
      registers,
    });
    this.#skipped = new Counter({
      name: 'ferry_schedule_skipped_total',
      help: 'Scheduled ticks skipped because the recipe was still running',
      labelNames: ['recipe', 'trigger'] as const,
      registers,
    });
    const { runner, store, pool } = options;
    for (const [id, recipe] of runner.recipes()) {
      this.#streams.set(id, recipe.source.stream);
      for (const status of ['succeeded', 'failed', 'interrupted'])
        this.#outcomes.labels(id, status).inc(0);
      for (const counter of Object.values(this.#records))
        counter.labels(id, recipe.source.stream).inc(0);
    }
    new Gauge({
      name: 'ferry_dlq_depth',
      help: 'Pending dead letters',
      labelNames: ['recipe'] as const,
      registers,
      async collect() {
        for (const [id] of runner.recipes())
          this.set({ recipe: id }, await store.countDeadLetters({ recipe: id, status: 'pending' }));
      },
    });
    new Gauge({
      name: 'ferry_runs_in_progress',
      help: 'Runs in progress (0 or 1 per recipe)',
      labelNames: ['recipe'] as const,
      registers,
      collect() {
        for (const [id] of runner.recipes()) this.set({ recipe: id }, runner.isRunning(id) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'ferry_worker_utilization',
      help: 'Share of worker-thread capacity in use (0..1); 0 without a worker pool',
      registers,
      collect() {
        this.set(pool?.utilization ?? 0);
      },
    });
    new Gauge({
      name: 'ferry_worker_threads',
      help: 'Worker threads alive',
      registers,
      collect() {
        this.set(pool?.threads ?? 0);
      },
    });
  }

  /** Feeds a runner event (give it every event: `hub.on(metrics.observe)`). */
  readonly observe = (event: RunEvent): void => {
    if (event.type === 'progress') this.#add(event.run.id, event.run.recipe, event.counts);
    if (event.type !== 'finished') return;
    this.#add(event.run.id, event.run.recipe, event.run.counts);
    this.#seen.delete(event.run.id);
    this.#duration.labels(event.run.recipe).observe(event.durationMs / 1000);
    this.#outcomes.labels(event.run.recipe, event.run.status).inc();
  };

  readonly skipped = (recipe: string, trigger: string): void => {
    this.#skipped.labels(recipe, trigger).inc();
  };

  /** The Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  #add(runId: string, recipe: string, counts: RunCounts): void {
    const seen = this.#seen.get(runId) ?? { read: 0, written: 0, failed: 0, deadLettered: 0 };
    const stream = this.#streams.get(recipe) ?? '';
    for (const key of Object.keys(COUNT_NAMES) as (keyof RunCounts)[]) {
      const delta = counts[key] - seen[key];
      if (delta > 0) this.#records[key].labels(recipe, stream).inc(delta);
    }
    this.#seen.set(runId, {
      read: Math.max(seen.read, counts.read),
      written: Math.max(seen.written, counts.written),
      failed: Math.max(seen.failed, counts.failed),
      deadLettered: Math.max(seen.deadLettered, counts.deadLettered),
    });
  }
}
