import type { SandboxContext } from './types.ts';

/**
 * When a fault fires. Requests are counted from when the fault was set (`faults.set`), per
 * fault, among the requests that reach it; the fault fires when any of the conditions holds.
 */
export interface Trigger {
  /** Every Nth request: N, 2N, 3N... */
  every?: number;
  /** With `every`: each time, this many requests in a row (the last `burst` of every N). Default 1. */
  burst?: number;
  /** The next K requests. */
  next?: number;
  /** Requests that arrive during this window, in ms after the fault was set. */
  window?: { fromMs?: number; durationMs: number };
}

/** A body for an injected answer: a value, or a callback for the vendor's format. */
export type FaultBody =
  | ((ctx: SandboxContext) => unknown)
  | Record<string, unknown>
  | unknown[]
  | string
  | number
  | boolean
  | null;

/** 429 (or another status) with `Retry-After`. */
export interface RateLimitFault extends Trigger {
  /** Seconds (or an HTTP date) for `Retry-After`; default 1; null sends no header. */
  retryAfter?: number | string | null;
  /** Default 429. */
  status?: number;
  /** Default: the sandbox's `bodies.rateLimited`, else `{ error: 'rate limited' }`. */
  body?: FaultBody;
  headers?: Record<string, string>;
}

/** A server error answer. */
export interface ErrorFault extends Trigger {
  /** Default 500. */
  status?: number;
  /** Default: the sandbox's `bodies.serverError`, else `{ error: 'internal error' }`. */
  body?: FaultBody;
  headers?: Record<string, string>;
}

/** A delay before every request is handled: `ms`, plus up to `jitterMs` from the seeded PRNG. */
export interface LatencyFault {
  ms: number;
  jitterMs?: number;
}

/** The faults of a sandbox, changed at run time with `faults.set(partial)`. */
export interface FaultSettings {
  latency?: LatencyFault;
  /** Destroy the connection without answering (the client sees a reset / closed socket). */
  reset?: Trigger;
  /** Answer as a failed auth check would (a token that expired or was revoked). */
  unauthorized?: Trigger;
  rateLimit?: RateLimitFault;
  errors?: ErrorFault;
  /**
   * Per-record rejections: route handlers call `ctx.rejects(record)` for each record of a
   * batch write; a string is the reason the record is refused.
   */
  rejects?: (record: unknown, ctx: SandboxContext) => string | undefined;
}

/** The faults that fire by trigger, in the order a request meets them. */
export type TriggeredFault = 'reset' | 'unauthorized' | 'rateLimit' | 'errors';
