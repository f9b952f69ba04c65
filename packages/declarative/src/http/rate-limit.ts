import { abortReason } from './abort.ts';

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * A client-side limit: at most `requests` starts in any window of `perMs` milliseconds (a
 * sliding window). The start times of the last `requests` starts sit in a ring, so the check
 * is O(1): a start is allowed when the oldest of them is at least `perMs` old. Callers that
 * must wait are queued in order and woken by one timer set for the moment the oldest start
 * leaves the window; nothing polls. An aborted caller leaves the queue without using a slot.
 */
export class RateLimiter {
  readonly #perMs: number;
  readonly #starts: number[];
  #next = 0;
  readonly #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(limit: { requests: number; perMs: number }) {
    if (!(limit.requests >= 1) || !(limit.perMs >= 0)) {
      throw new RangeError(
        `rate limit needs requests >= 1 and perMs >= 0, got ${JSON.stringify(limit)}`,
      );
    }
    this.#perMs = limit.perMs;
    this.#starts = new Array<number>(Math.floor(limit.requests)).fill(Number.NEGATIVE_INFINITY);
  }

  /** Resolves when the caller may start a request; the start is counted then. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.#queue.length === 0 && this.#take()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal !== undefined) {
        waiter.onAbort = () => this.#leave(waiter);
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  /** Counts a start now if the window has room. */
  #take(): boolean {
    const now = performance.now();
    const oldest = this.#starts[this.#next] ?? Number.NEGATIVE_INFINITY;
    if (now - oldest < this.#perMs) return false;
    this.#starts[this.#next] = now;
    this.#next = (this.#next + 1) % this.#starts.length;
    return true;
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#queue.length === 0) return;
    const oldest = this.#starts[this.#next] ?? Number.NEGATIVE_INFINITY;
    const wait = Math.max(1, Math.ceil(oldest + this.#perMs - performance.now()));
    this.#timer = setTimeout(() => this.#drain(), wait);
  }

  #drain(): void {
    this.#timer = undefined;
    while (this.#queue.length > 0 && this.#take()) {
      const waiter = this.#queue.shift() as Waiter;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    this.#schedule();
  }

  #leave(waiter: Waiter): void {
    const index = this.#queue.indexOf(waiter);
    if (index !== -1) this.#queue.splice(index, 1);
    waiter.reject(abortReason(waiter.signal as AbortSignal));
    if (this.#queue.length === 0 && this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }
}
