/**
 * Service protection limits: Dataverse answers 429 with `Retry-After` (seconds) and one of three
 * error codes, per user and web server over a 5-minute sliding window. The sandbox does not count
 * requests itself; tests switch the answer on with `sandbox.faults.set({ rateLimit:
 * serviceProtection('requests', { every: 3 }) })`.
 *
 * Source: https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
 */
import type { RateLimitFault, Trigger } from '../../sandbox/fault-types.ts';
import { ODATA_HEADERS } from './odata.ts';

/** The three limits, with the codes and messages of the docs (the last one unverified). */
export const SERVICE_PROTECTION = {
  requests: {
    code: '0x80072322',
    message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
  },
  executionTime: {
    code: '0x80072321',
    message:
      'Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.',
  },
  concurrency: {
    code: '0x80072326',
    message:
      'Number of concurrent requests exceeded the limit of 52. Decrease number of concurrent requests and try again later.',
  },
} as const;

export type ServiceProtectionLimit = keyof typeof SERVICE_PROTECTION;

/** The error body of an exceeded limit. */
export function serviceProtectionBody(limit: ServiceProtectionLimit = 'requests') {
  return { error: { ...SERVICE_PROTECTION[limit] } };
}

/**
 * A rate-limit fault in Dataverse's shape: 429, `Retry-After` in seconds (default 1) and the
 * limit's error body.
 */
export function serviceProtection(
  limit: ServiceProtectionLimit,
  trigger: Trigger & { retryAfter?: number },
): RateLimitFault {
  return {
    ...trigger,
    retryAfter: trigger.retryAfter ?? 1,
    status: 429,
    body: serviceProtectionBody(limit),
    headers: { ...ODATA_HEADERS },
  };
}
