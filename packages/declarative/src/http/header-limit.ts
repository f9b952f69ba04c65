import { sleep } from './abort.ts';

export interface HeaderLimitOptions {
  /** Lower-case header with the requests left in the API's window. */
  remaining: string;
  /** Lower-case header with the time until the window restarts (or the window's length). */
  resetAfter: string;
  /** Milliseconds per unit of `resetAfter`: 1 for ms, 1000 for seconds. */
  unitMs: number;
}

/**
 * The limit an API announces in its response headers (HubSpot's `X-HubSpot-RateLimit-Remaining`
 * with `-Interval-Milliseconds`, GitHub's `x-ratelimit-remaining` with `-reset`...). Every
 * response is observed; when one says no requests remain, requests wait until the announced
 * reset, so the client slows down before the API answers 429 rather than after. A missing or
 * unreadable header changes nothing: the retry on 429 stays the safety net.
 */
export class HeaderLimit {
  readonly #options: HeaderLimitOptions;
  #pausedUntil = 0;

  constructor(options: HeaderLimitOptions) {
    this.#options = options;
  }

  observe(headers: Record<string, string>): void {
    const remaining = Number(headers[this.#options.remaining]);
    if (!Number.isFinite(remaining) || remaining > 0) return;
    const reset = Number(headers[this.#options.resetAfter]);
    const waitMs = Number.isFinite(reset) && reset > 0 ? reset * this.#options.unitMs : 1000;
    this.#pausedUntil = Math.max(this.#pausedUntil, performance.now() + Math.min(waitMs, 600_000));
  }

  /** Resolves when the announced window has room again. */
  async wait(signal?: AbortSignal): Promise<void> {
    const waitMs = this.#pausedUntil - performance.now();
    if (waitMs > 0) await sleep(waitMs, signal);
  }
}
