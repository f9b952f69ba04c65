import { durationMs } from '@ferry/declarative';
import type { FerryError, Recipe } from '@ferry/manifest';
import { validateDetailed } from 'node-cron';
import { schedulerErrors } from './errors.ts';

/** One timed trigger of a recipe: a cron expression or an interval. */
export type Schedule =
  | { recipe: string; kind: 'cron'; cron: string; timezone?: string; path: string }
  | { recipe: string; kind: 'interval'; intervalMs: number; path: string };

/** What the scheduler needs to know about a recipe besides its schedules. */
export interface ScheduledRecipe {
  id: string;
  schedules: Schedule[];
  jitterMs: number;
  missedRuns: 'skip' | 'run-once';
}

/**
 * The timed triggers of every recipe, and a coded error for each one that cannot be scheduled
 * (all of them, not the first only). Recipes with `enabled: false` are checked but not returned.
 */
export function readSchedules(
  recipes: [string, Recipe][],
  projectFile?: string,
): { recipes: ScheduledRecipe[]; errors: FerryError[] } {
  const out: ScheduledRecipe[] = [];
  const errors: FerryError[] = [];
  for (const [id, recipe] of recipes) {
    const schedules: Schedule[] = [];
    for (const [index, trigger] of (recipe.triggers ?? []).entries()) {
      const at = `$.recipes[${JSON.stringify(id)}].triggers[${index}]`;
      const where = { ...(projectFile ? { file: projectFile } : {}) };
      if (trigger.cron !== undefined) {
        const problem = cronProblem(trigger.cron);
        const timezoneOk = trigger.timezone === undefined || isTimeZone(trigger.timezone);
        if (problem) {
          errors.push(
            schedulerErrors.create(
              'FERRY_SCHEDULE_CRON_INVALID',
              `recipe ${id}: cron "${trigger.cron}" is not valid: ${problem}`,
              { ...where, path: `${at}.cron` },
            ),
          );
        }
        if (!timezoneOk) {
          errors.push(
            schedulerErrors.create(
              'FERRY_SCHEDULE_TIMEZONE_INVALID',
              `recipe ${id}: "${trigger.timezone}" is not a time zone`,
              { ...where, path: `${at}.timezone` },
            ),
          );
        }
        if (!problem && timezoneOk) {
          schedules.push({
            recipe: id,
            kind: 'cron',
            cron: trigger.cron,
            ...(trigger.timezone ? { timezone: trigger.timezone } : {}),
            path: `${at}.cron`,
          });
        }
      }
      if (trigger.interval !== undefined) {
        const intervalMs = durationMs(trigger.interval, Number.NaN);
        if (Number.isFinite(intervalMs) && intervalMs > 0) {
          schedules.push({ recipe: id, kind: 'interval', intervalMs, path: `${at}.interval` });
        } else {
          errors.push(
            schedulerErrors.create(
              'FERRY_SCHEDULE_INTERVAL_INVALID',
              `recipe ${id}: interval ${JSON.stringify(trigger.interval)} is not a duration greater than zero`,
              { ...where, path: `${at}.interval` },
            ),
          );
        }
      }
    }
    if (recipe.enabled === false || schedules.length === 0) continue;
    out.push({
      id,
      schedules,
      jitterMs: durationMs(recipe.policies?.jitter, 0),
      missedRuns: recipe.policies?.missedRuns ?? 'skip',
    });
  }
  return { recipes: out, errors };
}

function cronProblem(expression: string): string | undefined {
  try {
    const result = validateDetailed(expression);
    if (result.valid) return undefined;
    return result.errors.map((e) => e.message).join('; ') || 'not a cron expression';
  } catch (error) {
    return (error as Error).message;
  }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
