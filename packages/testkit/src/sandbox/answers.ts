import type { Reply } from '@ferry/declarative/testing';
import type { ErrorFault, FaultBody, RateLimitFault } from './fault-types.ts';
import type { SandboxAuth, SandboxBodies, SandboxContext } from './types.ts';

/** The answers a sandbox makes itself (faults, auth, unknown routes), in the vendor's format. */
export function answers(name: string, bodies: SandboxBodies = {}) {
  return {
    rateLimited(ctx: SandboxContext, fault: RateLimitFault): Reply {
      const retryAfter = fault.retryAfter === undefined ? 1 : fault.retryAfter;
      return {
        status: fault.status ?? 429,
        json: bodyOf(fault.body, ctx, () =>
          bodies.rateLimited ? bodies.rateLimited(ctx) : { error: `${name}: rate limited` },
        ),
        headers: {
          ...(retryAfter === null ? {} : { 'retry-after': String(retryAfter) }),
          ...fault.headers,
        },
      };
    },

    serverError(ctx: SandboxContext, fault: ErrorFault): Reply {
      const status = fault.status ?? 500;
      return {
        status,
        json: bodyOf(fault.body, ctx, () =>
          bodies.serverError
            ? bodies.serverError(ctx, status)
            : { error: `${name}: internal error` },
        ),
        headers: { ...fault.headers },
      };
    },

    unauthorized(ctx: SandboxContext, auth: SandboxAuth | undefined): Reply {
      return {
        status: auth?.status ?? 401,
        json: bodies.unauthorized ? bodies.unauthorized(ctx) : { error: `${name}: unauthorized` },
        headers: { ...auth?.headers },
      };
    },

    notFound(ctx: SandboxContext, methodNotAllowed: boolean): Reply {
      return {
        status: methodNotAllowed ? 405 : 404,
        json: bodies.notFound
          ? bodies.notFound(ctx)
          : { error: `${name}: no route for ${ctx.method} ${ctx.path}` },
      };
    },
  };
}

function bodyOf(
  body: FaultBody | undefined,
  ctx: SandboxContext,
  fallback: () => unknown,
): unknown {
  if (body === undefined) return fallback();
  return typeof body === 'function' ? body(ctx) : body;
}
