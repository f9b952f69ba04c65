import { isFerryError } from '@ferry/manifest';
import { createTask, type ScheduledTask } from 'node-cron';
import type { Runner } from '../runner/runner.ts';
import type { Store } from '../store/types.ts';
import { cronFiredBetween, intervalElapsed } from './missed.ts';
import { readSchedules, type Schedule, type ScheduledRecipe } from './schedules.ts';

export type ScheduleTrigger = 'cron' | 'interval';

/** pino-compatible: `logger.info({ recipe }, 'message')`. */
export interface SchedulerLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SchedulerOptions {
  runner: Pick<Runner, 'recipes' | 'isRunning' | 'run'>;
  store: Pick<Store, 'listRuns'>;
  /** Named in error messages. */
  projectFile?: string;
  /** Starts a run and settles when it ends; default `runner.run(recipe, { trigger })`. */
  start?: (recipe: string, trigger: ScheduleTrigger) => Promise<unknown>;
  logger?: SchedulerLogger;
  /** Called for each tick that was skipped because the recipe was still running. */
  onSkip?: (recipe: string, trigger: ScheduleTrigger) => void;
  /** [0, 1), for jitter; default Math.random. */
  random?: () => number;
}

/** What the scheduler did for a recipe, and when it fires next. */
export interface RecipeSchedule {
  recipe: string;
  schedules: { kind: ScheduleTrigger; cron?: string; timezone?: string; intervalMs?: number }[];
  nextRun?: string;
  started: number;
  skipped: number;
  catchUp: boolean;
}

const silent: SchedulerLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Starts recipes on their cron and interval triggers (node-cron for cron). A tick waits a random
 * delay in [0, policies.jitter) and then starts a run, unless the recipe is running (or about to):
 * that tick is skipped and counted, never queued. On start, a recipe whose schedule fell due
 * since its last run (downtime) gets one catch-up run when `policies.missedRuns` is `run-once`;
 * with `skip` (the default) it waits for its next tick. `stop()` leaves no timer behind; runs
 * already started go on (the daemon drains them through the runner).
 */
export class Scheduler {
  readonly #options: SchedulerOptions;
  readonly #recipes: ScheduledRecipe[];
  readonly #log: SchedulerLogger;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #tasks = new Map<Schedule, ScheduledTask>();
  readonly #nextInterval = new Map<Schedule, number>();
  /** Recipes with a scheduled start in flight: waiting out jitter, or running. */
  readonly #inFlight = new Set<string>();
  readonly #stats = new Map<string, { started: number; skipped: number; catchUp: boolean }>();
  #running = false;

  /** Checks every trigger up front: throws the first coded error (each lists the others). */
  constructor(options: SchedulerOptions) {
    this.#options = options;
    this.#log = options.logger ?? silent;
    const { recipes, errors } = readSchedules(options.runner.recipes(), options.projectFile);
    const [first, ...more] = errors;
    if (first) {
      if (more.length > 0) {
        Object.assign(first, {
          details: {
            ...first.details,
            others: more.map((e) => ({ code: e.code, path: e.path, message: e.message })),
          },
        });
      }
      throw first;
    }
    this.#recipes = recipes;
    for (const r of recipes) this.#stats.set(r.id, { started: 0, skipped: 0, catchUp: false });
  }

  get started(): boolean {
    return this.#running;
  }

  /** Starts catch-up runs where due, then arms every trigger. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    const now = new Date();
    for (const recipe of this.#recipes) {
      const [last] = await this.#options.store.listRuns({ recipe: recipe.id, limit: 1 });
      if (!this.#running) return;
      const tasks = recipe.schedules.map(
        (s) => [s, s.kind === 'cron' ? this.#cronTask(s) : undefined] as const,
      );
      const lastStart = last ? new Date(last.startedAt) : undefined;
      const missed = lastStart
        ? tasks.find(([s, task]) =>
            s.kind === 'cron'
              ? cronFiredBetween(s.cron, (d) => task?.match(d) ?? false, lastStart, now)
              : intervalElapsed(s.intervalMs, lastStart, now),
          )?.[0]
        : undefined;
      const catchUp =
        missed !== undefined && recipe.missedRuns === 'run-once' && last?.status !== 'running';
      if (missed) {
        this.#log.info(
          { recipe: recipe.id, lastRun: last?.startedAt, policy: recipe.missedRuns },
          catchUp
            ? 'schedule missed during downtime: starting a catch-up run'
            : 'schedule missed during downtime: skipped',
        );
      }
      for (const [schedule, task] of tasks) {
        if (task) {
          this.#tasks.set(schedule, task);
          task.start();
        } else if (schedule.kind === 'interval') {
          const due =
            !lastStart || missed
              ? now.getTime() + schedule.intervalMs
              : lastStart.getTime() + schedule.intervalMs;
          this.#armInterval(schedule, due);
        }
      }
      if (catchUp && missed) {
        const stats = this.#stats.get(recipe.id);
        if (stats) stats.catchUp = true;
        this.#launch(recipe, missed.kind);
      }
    }
  }

  /** Clears every timer and cron task; runs already started are not touched. */
  stop(): void {
    this.#running = false;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const task of this.#tasks.values()) task.destroy();
    this.#tasks.clear();
    this.#nextInterval.clear();
    this.#inFlight.clear();
  }

  /** Per scheduled recipe: its triggers, the next firing and what happened so far. */
  status(): RecipeSchedule[] {
    return this.#recipes.map((recipe) => {
      const next = recipe.schedules
        .map((s) =>
          s.kind === 'cron'
            ? this.#tasks.get(s)?.getNextRun()?.getTime()
            : this.#nextInterval.get(s),
        )
        .filter((t): t is number => t !== undefined)
        .sort((a, b) => a - b)[0];
      const stats = this.#stats.get(recipe.id) ?? { started: 0, skipped: 0, catchUp: false };
      return {
        recipe: recipe.id,
        schedules: recipe.schedules.map((s) =>
          s.kind === 'cron'
            ? { kind: s.kind, cron: s.cron, ...(s.timezone ? { timezone: s.timezone } : {}) }
            : { kind: s.kind, intervalMs: s.intervalMs },
        ),
        ...(next !== undefined ? { nextRun: new Date(next).toISOString() } : {}),
        ...stats,
      };
    });
  }

  #cronTask(schedule: Extract<Schedule, { kind: 'cron' }>): ScheduledTask {
    const recipe = this.#recipes.find((r) => r.id === schedule.recipe) as ScheduledRecipe;
    return createTask(schedule.cron, () => this.#tick(recipe, 'cron'), {
      name: `ferry:${schedule.recipe}:${schedule.path}`,
      ...(schedule.timezone ? { timezone: schedule.timezone } : {}),
      logger: {
        info: (m) => this.#log.debug({ recipe: schedule.recipe }, String(m)),
        warn: (m) => this.#log.warn({ recipe: schedule.recipe }, String(m)),
        error: (m) => this.#log.error({ recipe: schedule.recipe }, String(m)),
        debug: (m) => this.#log.debug({ recipe: schedule.recipe }, String(m)),
      },
    });
  }

  #armInterval(schedule: Extract<Schedule, { kind: 'interval' }>, due: number): void {
    if (!this.#running) return;
    this.#nextInterval.set(schedule, due);
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        const recipe = this.#recipes.find((r) => r.id === schedule.recipe) as ScheduledRecipe;
        let next = due + schedule.intervalMs;
        while (next <= Date.now()) next += schedule.intervalMs;
        this.#armInterval(schedule, next);
        this.#tick(recipe, 'interval');
      },
      Math.max(0, due - Date.now()),
    );
    this.#timers.add(timer);
  }

  #tick(recipe: ScheduledRecipe, trigger: ScheduleTrigger): void {
    if (!this.#running) return;
    if (this.#busy(recipe.id)) {
      this.#skip(recipe.id, trigger);
      return;
    }
    const delay =
      recipe.jitterMs > 0
        ? Math.floor((this.#options.random ?? Math.random)() * recipe.jitterMs)
        : 0;
    this.#inFlight.add(recipe.id);
    if (delay === 0) {
      this.#launch(recipe, trigger, true);
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#launch(recipe, trigger, true);
    }, delay);
    this.#timers.add(timer);
  }

  #busy(recipe: string): boolean {
    return this.#inFlight.has(recipe) || this.#options.runner.isRunning(recipe);
  }

  #skip(recipe: string, trigger: ScheduleTrigger): void {
    const stats = this.#stats.get(recipe);
    if (stats) stats.skipped++;
    this.#options.onSkip?.(recipe, trigger);
    this.#log.info({ recipe, trigger }, 'scheduled run skipped: the recipe is still running');
  }

  /** Starts a run; `reserved` says the tick already marked the recipe in flight. */
  #launch(recipe: ScheduledRecipe, trigger: ScheduleTrigger, reserved = false): void {
    if (
      !this.#running ||
      (reserved ? this.#options.runner.isRunning(recipe.id) : this.#busy(recipe.id))
    ) {
      if (reserved) this.#inFlight.delete(recipe.id);
      if (this.#running) this.#skip(recipe.id, trigger);
      return;
    }
    this.#inFlight.add(recipe.id);
    const stats = this.#stats.get(recipe.id);
    if (stats) stats.started++;
    this.#log.debug({ recipe: recipe.id, trigger }, 'scheduled run starting');
    const start = this.#options.start ?? ((id, t) => this.#options.runner.run(id, { trigger: t }));
    let run: Promise<unknown>;
    try {
      run = Promise.resolve(start(recipe.id, trigger));
    } catch (error) {
      run = Promise.reject(error);
    }
    run
      .catch((error: unknown) => {
        if (isFerryError(error) && error.code === 'FERRY_RUN_ALREADY_RUNNING') {
          if (stats) stats.started--;
          this.#skip(recipe.id, trigger);
        } else {
          this.#log.error(
            { recipe: recipe.id, trigger, err: error },
            `scheduled run could not start: ${(error as Error)?.message ?? String(error)}`,
          );
        }
      })
      .finally(() => this.#inFlight.delete(recipe.id));
  }
}
