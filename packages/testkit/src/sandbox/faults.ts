import { sandboxErrors } from './errors.ts';
import type { FaultSettings, LatencyFault, Trigger, TriggeredFault } from './fault-types.ts';

const TRIGGERED: TriggeredFault[] = ['reset', 'unauthorized', 'rateLimit', 'errors'];

/** Whether a trigger fires for the nth request (1-based) arriving `elapsedMs` after it was set. */
export function triggerFires(trigger: Trigger, n: number, elapsedMs: number): boolean {
  if (trigger.next !== undefined && n <= trigger.next) return true;
  if (trigger.every !== undefined) {
    const burst = trigger.burst ?? 1;
    if ((n - 1) % trigger.every >= trigger.every - burst) return true;
  }
  if (trigger.window) {
    const from = trigger.window.fromMs ?? 0;
    if (elapsedMs >= from && elapsedMs < from + trigger.window.durationMs) return true;
  }
  return false;
}

/** The latency of one request: `ms` plus up to `jitterMs` drawn from `random`. */
export function latencyMs(latency: LatencyFault | undefined, random: () => number): number {
  if (!latency) return 0;
  return latency.ms + Math.round(random() * (latency.jitterMs ?? 0));
}

/**
 * The faults in force and their counters. Each triggered fault counts the requests that reach
 * it from when it was set, so two faults with the same `every` do not hide each other.
 */
export class FaultState {
  current: FaultSettings = {};
  private readonly counters = new Map<TriggeredFault, { count: number; since: number }>();

  constructor(
    initial: FaultSettings = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.set(initial);
  }

  set(partial: FaultSettings): void {
    validateFaults(partial);
    this.current = { ...this.current, ...partial };
    for (const name of TRIGGERED)
      if (name in partial) this.counters.set(name, { count: 0, since: this.now() });
  }

  reset(): void {
    this.current = {};
    this.counters.clear();
  }

  /** Counts a request reaching `name` and says whether that fault fires for it. */
  fires(name: TriggeredFault): boolean {
    const trigger = this.current[name];
    if (!trigger) return false;
    const counter = this.counters.get(name) ?? { count: 0, since: this.now() };
    counter.count += 1;
    this.counters.set(name, counter);
    return triggerFires(trigger, counter.count, this.now() - counter.since);
  }
}

/** Throws FERRY_SANDBOX_FAULT_INVALID for the first setting out of range. */
export function validateFaults(faults: FaultSettings): void {
  const problems: string[] = [];
  for (const name of TRIGGERED) {
    const trigger = faults[name];
    if (trigger) problems.push(...triggerProblems(name, trigger));
  }
  const { latency, rateLimit, errors } = faults;
  if (latency) {
    if (!(latency.ms >= 0)) problems.push(`latency.ms is ${latency.ms}, expected >= 0`);
    if (latency.jitterMs !== undefined && !(latency.jitterMs >= 0))
      problems.push(`latency.jitterMs is ${latency.jitterMs}, expected >= 0`);
  }
  for (const [name, status] of [
    ['rateLimit', rateLimit?.status],
    ['errors', errors?.status],
  ] as const)
    if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599))
      problems.push(`${name}.status is ${status}, expected 400 to 599`);
  if (problems.length > 0)
    throw sandboxErrors.create('FERRY_SANDBOX_FAULT_INVALID', problems.join('; '));
}

function triggerProblems(name: string, trigger: Trigger): string[] {
  const problems: string[] = [];
  const whole = (value: number | undefined, min: number) =>
    value === undefined || (Number.isInteger(value) && value >= min);
  if (!whole(trigger.every, 1)) problems.push(`${name}.every is ${trigger.every}, expected >= 1`);
  if (!whole(trigger.next, 0)) problems.push(`${name}.next is ${trigger.next}, expected >= 0`);
  if (trigger.burst !== undefined) {
    if (trigger.every === undefined) problems.push(`${name}.burst needs ${name}.every`);
    else if (!whole(trigger.burst, 1) || trigger.burst > trigger.every)
      problems.push(`${name}.burst is ${trigger.burst}, expected 1 to every (${trigger.every})`);
  }
  const window = trigger.window;
  if (window && !(window.durationMs >= 0 && (window.fromMs ?? 0) >= 0))
    problems.push(`${name}.window needs durationMs >= 0 and fromMs >= 0`);
  return problems;
}
