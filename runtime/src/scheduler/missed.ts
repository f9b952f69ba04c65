import { parse } from 'node-cron';

/** How far ahead of the last run a missed cron firing is looked for (the rest counts as missed). */
const CRON_LOOKAHEAD_MS = 32 * 86_400_000;

/**
 * True when a cron expression fired in (after, now]: the schedule was due while nothing ran.
 * `matches` is node-cron's own matcher (timezone included). Minutes are stepped and each is tested
 * at its first allowed second (the other fields do not depend on the second), so a month of
 * downtime costs about 45,000 tests; past 32 days without finding a firing, a rare schedule
 * (yearly) is taken as missed.
 */
export function cronFiredBetween(
  expression: string,
  matches: (date: Date) => boolean,
  after: Date,
  now: Date,
): boolean {
  const seconds = parse(expression).second;
  const from = after.getTime();
  const until = Math.min(now.getTime(), from + CRON_LOOKAHEAD_MS);
  for (let minute = Math.floor(from / 60_000) * 60_000; minute <= until; minute += 60_000) {
    const second = seconds.find((s) => minute + s * 1000 > from && minute + s * 1000 <= until);
    if (second !== undefined && matches(new Date(minute + second * 1000))) return true;
  }
  return now.getTime() > until;
}

/** True when an interval was due in (after, now]. */
export function intervalElapsed(intervalMs: number, after: Date, now: Date): boolean {
  return now.getTime() - after.getTime() >= intervalMs;
}
