import type { RetryPolicy } from './types.ts';

/** The longest wait a `Retry-After` header can impose: 10 minutes. */
export const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

/** How much of the backoff delay is random: the delay is 80 % to 100 % of the computed one. */
export const JITTER = 0.2;

/**
 * The delay before retry number `attempt + 1` (attempt counts from 0):
 * `initialDelayMs * factor ** attempt`, capped at `maxDelayMs`, minus up to 20 % jitter so
 * that clients that failed together do not retry together. The jitter only shortens the
 * delay, so the cap is never exceeded.
 */
export function backoffDelay(
  policy: Pick<RetryPolicy, 'initialDelayMs' | 'maxDelayMs' | 'factor'>,
  attempt: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** attempt);
  return Math.max(0, Math.round(base * (1 - JITTER * random())));
}

/**
 * Reads a `Retry-After` header as milliseconds to wait: delta-seconds (`120`, decimals
 * accepted) or an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`, a date in the past means 0).
 * Capped at 10 minutes; `undefined` when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    ms = Number(text) * 1000;
  } else if (/[a-z]{3}/i.test(text)) {
    // an HTTP-date names its month (IMF-fixdate, RFC 850 or asctime form)
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    ms = Math.max(0, date - now);
  } else {
    return undefined;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.ceil(ms));
}

/** The statuses `statuses: 'default'` retries: 408, 429 and every 5xx. */
export function isDefaultRetryStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Compiles a policy's `statuses` into a fast membership test. */
export function retryStatusTest(statuses: RetryPolicy['statuses']): (status: number) => boolean {
  if (statuses === 'default') return isDefaultRetryStatus;
  const set = new Set(statuses);
  return (status) => set.has(status);
}
