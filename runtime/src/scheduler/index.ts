export { type SchedulerErrorCode, schedulerErrors } from './errors.ts';
export { cronFiredBetween, intervalElapsed } from './missed.ts';
export {
  type RecipeSchedule,
  Scheduler,
  type SchedulerLogger,
  type SchedulerOptions,
  type ScheduleTrigger,
} from './scheduler.ts';
export { readSchedules, type Schedule, type ScheduledRecipe } from './schedules.ts';
