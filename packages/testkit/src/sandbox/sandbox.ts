import { setTimeout as sleep } from 'node:timers/promises';
import { type Reply, startServer } from '@ferry/declarative/testing';
import { stopWhenTestEnds } from '../services/cleanup.ts';
import { answers } from './answers.ts';
import { createContext } from './context.ts';
import { FaultState, latencyMs } from './faults.ts';
import { seededRandom } from './random.ts';
import { compilePattern, findRoute } from './router.ts';
import type { Sandbox, SandboxContext, SandboxOptions, SandboxStats } from './types.ts';

/**
 * A local server that speaks a vendor's wire format through `routes`, with faults that tests
 * turn on and off at run time. A request meets, in order: latency, connection reset, the auth
 * check (and the `unauthorized` fault), the rate limit, server errors, then its route.
 * Inside a vitest test the sandbox closes when the test ends; `close()` may be called earlier
 * (and must be, when it was created outside a test, e.g. in `beforeAll`).
 */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const routes = options.routes.map((route) => ({
    ...route,
    method: route.method.toUpperCase(),
    pattern: compilePattern(route.path),
  }));
  const faults = new FaultState(options.faults);
  const random = seededRandom(options.seed ?? 1);
  const answer = answers(options.name, options.bodies);
  const stats: SandboxStats = {
    requests: 0,
    served: 0,
    rateLimited: 0,
    errors: 0,
    resets: 0,
    unauthorized: 0,
    notFound: 0,
    rejected: 0,
  };
  const closing = new AbortController();
  const rejects = (record: unknown, ctx: SandboxContext) => {
    const reason = faults.current.rejects?.(record, ctx);
    if (reason !== undefined) stats.rejected += 1;
    return reason;
  };

  const server = await startServer(async (request, response, index): Promise<Reply | undefined> => {
    stats.requests += 1;
    const ctx = createContext(request, index, { random, rejects });
    const delay = latencyMs(faults.current.latency, random);
    if (delay > 0) await sleep(delay, undefined, { signal: closing.signal });
    if (faults.fires('reset')) {
      stats.resets += 1;
      return { destroy: true };
    }
    const { route, params, methodNotAllowed } = findRoute(routes, ctx.method, ctx.path);
    ctx.params = params;
    if (!route?.public) {
      const denied =
        faults.fires('unauthorized') || (options.auth && !(await options.auth.check(ctx)));
      if (denied) {
        stats.unauthorized += 1;
        return answer.unauthorized(ctx, options.auth);
      }
    }
    const { rateLimit, errors } = faults.current;
    if (rateLimit && faults.fires('rateLimit')) {
      stats.rateLimited += 1;
      return answer.rateLimited(ctx, rateLimit);
    }
    if (errors && faults.fires('errors')) {
      stats.errors += 1;
      return answer.serverError(ctx, errors);
    }
    if (!route) {
      stats.notFound += 1;
      return answer.notFound(ctx, methodNotAllowed);
    }
    stats.served += 1;
    return route.handler(ctx, response);
  });

  const close = () => {
    closing.abort();
    return server.close();
  };
  // also ends the latency waits of requests in flight
  await stopWhenTestEnds(close);
  return {
    url: server.url,
    name: options.name,
    requests: server.requests,
    stats,
    faults: {
      set: (partial) => faults.set(partial),
      reset: () => faults.reset(),
      get current() {
        return faults.current;
      },
    },
    close,
  };
}
