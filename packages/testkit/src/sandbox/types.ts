import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Reply, SeenRequest } from '@ferry/declarative/testing';
import type { FaultSettings } from './fault-types.ts';

/** What a route handler sees of a request, and the helpers to answer it. */
export interface SandboxContext {
  method: string;
  path: string;
  /** The route's `:name` parameters, URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON; undefined when empty or not JSON. */
  body: unknown;
  /** The raw body. */
  text: string;
  /** The body parsed as a form (`application/x-www-form-urlencoded`, e.g. OAuth token requests). */
  form(): URLSearchParams;
  /** The 0-based index of the request in `sandbox.requests`. */
  index: number;
  /** A JSON answer. */
  json(body: unknown, status?: number, headers?: Record<string, string>): Reply;
  /** The reason the current faults refuse this record of a batch write, or undefined. */
  rejects(record: unknown): string | undefined;
  /** The sandbox's seeded PRNG: [0, 1), the same sequence for the same seed. */
  random(): number;
}

/** A handler answers with a Reply (`ctx.json(...)` makes one), or writes `response` itself. */
export type RouteHandler = (
  ctx: SandboxContext,
  response: ServerResponse,
) => Reply | undefined | Promise<Reply | undefined>;

export interface SandboxRoute {
  /** 'GET', 'POST'... (case-insensitive), or '*' for any. */
  method: string;
  /** '/crm/v3/objects/:type': literal text and `:name` parameters. */
  path: string;
  handler: RouteHandler;
  /** Skip the auth check (and the `unauthorized` fault): token endpoints, health checks. */
  public?: boolean;
}

/** The vendor's bodies for answers the sandbox makes itself. */
export interface SandboxBodies {
  rateLimited?: (ctx: SandboxContext) => unknown;
  serverError?: (ctx: SandboxContext, status: number) => unknown;
  unauthorized?: (ctx: SandboxContext) => unknown;
  notFound?: (ctx: SandboxContext) => unknown;
}

export interface SandboxAuth {
  /** True when the request's credentials are good. */
  check(ctx: SandboxContext): boolean | Promise<boolean>;
  /** Default 401. */
  status?: number;
  headers?: Record<string, string>;
}

export interface SandboxOptions {
  /** The vendor or API name, used in default bodies. */
  name: string;
  routes: SandboxRoute[];
  faults?: FaultSettings;
  auth?: SandboxAuth;
  bodies?: SandboxBodies;
  /** Seed of the PRNG behind latency jitter and `ctx.random()`. Default 1. */
  seed?: number;
}

/** What happened so far; a live object. */
export interface SandboxStats {
  requests: number;
  /** Answered by a route handler. */
  served: number;
  rateLimited: number;
  errors: number;
  resets: number;
  unauthorized: number;
  notFound: number;
  /** Records refused through `ctx.rejects`. */
  rejected: number;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>` */
  url: string;
  name: string;
  /** Every request received, faulted ones included. */
  requests: SeenRequest[];
  stats: SandboxStats;
  faults: {
    /** Changes some faults (an undefined value turns one off); their counters restart. */
    set(partial: FaultSettings): void;
    /** Turns every fault off and restarts every counter. */
    reset(): void;
    /** The faults in force. */
    readonly current: FaultSettings;
  };
  close(): Promise<void>;
}
