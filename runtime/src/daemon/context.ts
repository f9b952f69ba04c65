import type { Recipe, Trigger } from '@ferry/manifest';
import type { Logger } from 'pino';
import type { Runner } from '../runner/runner.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import type { RunRecord, Store } from '../store/types.ts';
import type { RunLauncher } from './launcher.ts';
import type { DaemonMetrics } from './metrics.ts';
import type { Webhook } from './webhooks.ts';

/** What the daemon's routes share. */
export interface DaemonContext {
  runner: Runner;
  store: Store;
  launcher: RunLauncher;
  scheduler: Scheduler;
  metrics: DaemonMetrics;
  webhooks: Map<string, Webhook>;
  logger: Logger;
  token?: string;
  state: { ready: boolean; draining: boolean };
}

/** A recipe as `GET /api/recipes` and the dashboard show it. */
export interface RecipeSummary {
  id: string;
  description?: string;
  source: Recipe['source'];
  destination: Recipe['destination'];
  /** The triggers as written, webhook secrets left out. */
  triggers: Trigger[];
  enabled: boolean;
  running: boolean;
  nextRun?: string;
  lastRun?: RunRecord;
  /** Pending dead letters. */
  deadLetters: number;
}

export async function describeRecipes(ctx: DaemonContext): Promise<RecipeSummary[]> {
  const schedules = new Map(ctx.scheduler.status().map((s) => [s.recipe, s]));
  return Promise.all(
    ctx.runner.recipes().map(async ([id, recipe]) => {
      const [lastRun] = await ctx.store.listRuns({ recipe: id, limit: 1 });
      const nextRun = schedules.get(id)?.nextRun;
      return {
        id,
        ...(recipe.description ? { description: recipe.description } : {}),
        source: recipe.source,
        destination: recipe.destination,
        triggers: (recipe.triggers ?? []).map(withoutSecret),
        enabled: recipe.enabled !== false,
        running: ctx.launcher.busy(id),
        ...(nextRun ? { nextRun } : {}),
        ...(lastRun ? { lastRun } : {}),
        deadLetters: await ctx.store.countDeadLetters({ recipe: id, status: 'pending' }),
      };
    }),
  );
}

function withoutSecret(trigger: Trigger): Trigger {
  if (!trigger.webhook) return trigger;
  const { secret, ...webhook } = trigger.webhook;
  return {
    ...trigger,
    webhook: { ...webhook, ...(secret ? { signed: true } : {}) } as Trigger['webhook'],
  };
}
