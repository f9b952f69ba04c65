// HubSpot's API limits, enforced per token, so that a client that ignores them gets 429s.
// Source: https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
// (per-10-second and daily limits by tier, the X-HubSpot-RateLimit-* headers on every answer but
// search's, 5 search requests a second) and the raised Pro/Enterprise limits of
// https://developers.hubspot.com/changelog/increasing-our-api-limits.
// Choices (unverified): refused requests do not count; search requests count only towards the
// search limit; the day is the UTC day of the sandbox clock (HubSpot: the account's time zone).
import type { HubspotLimits } from './types.ts';

const TIERS = {
  free: { max: 100, daily: 250_000 },
  starter: { max: 100, daily: 250_000 },
  professional: { max: 190, daily: 650_000 },
  enterprise: { max: 190, daily: 650_000 },
};

export type LimitVerdict =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; policyName: 'TEN_SECONDLY_ROLLING' | 'DAILY'; headers: Record<string, string> };

interface TokenUse {
  starts: number[];
  searches: number[];
  day: string;
  daily: number;
}

export class TokenLimits {
  readonly max: number;
  readonly intervalMs: number;
  readonly daily: number;
  readonly searchPerSecond: number;
  readonly #use = new Map<string, TokenUse>();
  /** Requests refused so far, by policy. */
  readonly refused = { TEN_SECONDLY_ROLLING: 0, DAILY: 0, SECONDLY: 0 };

  constructor(
    limits: HubspotLimits,
    private readonly today: () => string,
  ) {
    const tier = TIERS[limits.tier ?? 'free'];
    this.max = limits.max ?? tier.max;
    this.intervalMs = limits.intervalMs ?? 10_000;
    this.daily = limits.daily ?? tier.daily;
    this.searchPerSecond = limits.searchPerSecond ?? 5;
  }

  /** Counts a (non-search) request of `token`, or refuses it with the limit it hit. */
  take(token: string): LimitVerdict {
    const use = this.#of(token);
    const now = performance.now();
    prune(use.starts, now - this.intervalMs);
    const policyName =
      use.daily >= this.daily
        ? 'DAILY'
        : use.starts.length >= this.max
          ? 'TEN_SECONDLY_ROLLING'
          : undefined;
    if (policyName) {
      this.refused[policyName] += 1;
      return { ok: false, policyName, headers: this.#headers(use, now) };
    }
    use.starts.push(now);
    use.daily += 1;
    return { ok: true, headers: this.#headers(use, now) };
  }

  /** Counts a search request of `token`; false when over the per-second search limit. */
  takeSearch(token: string): boolean {
    const use = this.#of(token);
    const now = performance.now();
    prune(use.searches, now - 1000);
    if (use.searches.length >= this.searchPerSecond) {
      this.refused.SECONDLY += 1;
      return false;
    }
    use.searches.push(now);
    return true;
  }

  #of(token: string): TokenUse {
    const day = this.today();
    const use = this.#use.get(token) ?? { starts: [], searches: [], day, daily: 0 };
    this.#use.set(token, use);
    if (use.day !== day) Object.assign(use, { day, daily: 0 });
    return use;
  }

  #headers(use: TokenUse, now: number): Record<string, string> {
    const secondly = Math.ceil((this.max * 1000) / Math.max(this.intervalMs, 1));
    const lastSecond = use.starts.filter((t) => t > now - 1000).length;
    return {
      'X-HubSpot-RateLimit-Daily': String(this.daily),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(this.daily - use.daily, 0)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(this.intervalMs),
      'X-HubSpot-RateLimit-Max': String(this.max),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(this.max - use.starts.length, 0)),
      // still sent by HubSpot, no longer enforced
      'X-HubSpot-RateLimit-Secondly': String(secondly),
      'X-HubSpot-RateLimit-Secondly-Remaining': String(Math.max(secondly - lastSecond, 0)),
    };
  }
}

/** Drops the times before `from` (the array is in time order). */
function prune(times: number[], from: number): void {
  let drop = 0;
  while (drop < times.length && (times[drop] as number) <= from) drop++;
  if (drop > 0) times.splice(0, drop);
}
