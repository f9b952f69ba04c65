import { defineErrors } from '@ferry/manifest';

/** The error table of the scheduler (@ferry/runtime): recipe triggers that cannot be scheduled. */
export const schedulerErrors = defineErrors({
  FERRY_SCHEDULE_CRON_INVALID: {
    title: "A recipe's cron trigger is not a valid cron expression",
    hint: 'Write five fields (minute hour day-of-month month day-of-week) or six with seconds first, e.g. "*/5 * * * *".',
  },
  FERRY_SCHEDULE_TIMEZONE_INVALID: {
    title: "A cron trigger's timezone is not an IANA time zone name",
    hint: 'Use a name such as "Europe/Berlin", "America/New_York" or "UTC".',
  },
  FERRY_SCHEDULE_INTERVAL_INVALID: {
    title: "A recipe's interval trigger is not a positive duration",
    hint: 'Write a duration greater than zero: milliseconds, or a string such as "30s", "5m", "1h".',
  },
});

export type SchedulerErrorCode = keyof typeof schedulerErrors.codes;
