/**
 * The org's API request limit. Every REST response carries `Sforce-Limit-Info: api-usage=n/limit`;
 * once the limit is used up, calls answer 403 REQUEST_LIMIT_EXCEEDED (the daily limit is a 403,
 * not a 429). The 403 message is unverified in the docs.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
import type { Reply } from '@ferry/declarative/testing';
import type { FaultSettings } from '../../sandbox/fault-types.ts';
import type { SandboxContext } from '../../sandbox/types.ts';
import { errorReply } from './errors.ts';

export const LIMIT_HEADER = 'sforce-limit-info';

export class ApiUsage {
  constructor(
    public used: number,
    public limit: number,
  ) {}

  get header(): string {
    return `api-usage=${this.used}/${this.limit}`;
  }

  /** Headers whose Sforce-Limit-Info is read when they are spread, so it is always current. */
  liveHeaders(extra: Record<string, string> = {}): Record<string, string> {
    const headers = { ...extra };
    Object.defineProperty(headers, LIMIT_HEADER, { enumerable: true, get: () => this.header });
    return headers;
  }

  /**
   * Wraps an API route: over the limit it answers 403 REQUEST_LIMIT_EXCEEDED; otherwise the call
   * counts and its answer gets the usage header.
   */
  guard(
    handler: (ctx: SandboxContext) => Reply | Promise<Reply>,
  ): (ctx: SandboxContext) => Promise<Reply> {
    return async (ctx) => {
      if (this.used >= this.limit) {
        const refused = errorReply(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        return { ...refused, headers: { [LIMIT_HEADER]: this.header } };
      }
      this.used += 1;
      const reply = await handler(ctx);
      return { ...reply, headers: { ...reply.headers, [LIMIT_HEADER]: this.header } };
    };
  }

  /** Fault settings whose injected 429 and 5xx answers carry the usage header too. */
  withHeaders(faults: FaultSettings): FaultSettings {
    const out: FaultSettings = { ...faults };
    if (faults.rateLimit)
      out.rateLimit = { ...faults.rateLimit, headers: this.liveHeaders(faults.rateLimit.headers) };
    if (faults.errors)
      out.errors = { ...faults.errors, headers: this.liveHeaders(faults.errors.headers) };
    return out;
  }
}
