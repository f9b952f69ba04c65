import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DeadLetter, RunStatus } from '../store/types.ts';
import { type DaemonContext, describeRecipes } from './context.ts';
import { daemonErrors } from './errors.ts';

const RUN_STATUSES: RunStatus[] = ['running', 'succeeded', 'failed', 'interrupted'];
const LETTER_STATUSES: DeadLetter['status'][] = ['pending', 'replayed', 'discarded'];

/**
 * The JSON API under /api: recipes, runs, a manual run, the dead-letter queue and its replay.
 * Starting a run answers 202 with the created run; the run goes on in the background and is
 * followed with `GET /api/runs/:id`.
 */
export async function apiRoutes(app: FastifyInstance, ctx: DaemonContext): Promise<void> {
  app.get('/recipes', async () => ({ recipes: await describeRecipes(ctx) }));

  app.get('/runs', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const runs = await ctx.store.listRuns({
      ...(query.recipe ? { recipe: query.recipe } : {}),
      ...(query.status ? { status: oneOf(query.status, RUN_STATUSES, 'status') } : {}),
      limit: integer(query.limit, 'limit', 50, 1, 1000),
    });
    return { runs };
  });

  app.get('/runs/:id', async (request) => {
    const { id } = request.params as { id: string };
    const run = await ctx.store.getRun(id);
    if (!run) throw daemonErrors.create('FERRY_API_NOT_FOUND', `no run ${id}`);
    return { run };
  });

  app.post('/recipes/:id/run', async (request, reply) => {
    const { id } = request.params as { id: string };
    const { run } = await ctx.launcher.start(id, { trigger: 'manual' });
    ctx.logger.info({ recipe: id, runId: run.id, by: 'api' }, 'run requested');
    return reply.code(202).header('location', `/api/runs/${run.id}`).send({ run });
  });

  app.get('/dlq', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const filter = {
      ...(query.recipe ? { recipe: query.recipe } : {}),
      ...(query.status ? { status: oneOf(query.status, LETTER_STATUSES, 'status') } : {}),
    };
    const [deadLetters, total] = await Promise.all([
      ctx.store.listDeadLetters({
        ...filter,
        limit: integer(query.limit, 'limit', 100, 1, 1000),
        offset: integer(query.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
      }),
      ctx.store.countDeadLetters(filter),
    ]);
    return { deadLetters, total };
  });

  app.post('/dlq/replay', async (request, reply) => {
    const { recipe, ids } = replayBody(request);
    ctx.runner.recipe(recipe);
    const pending = ids
      ? ids.length
      : await ctx.store.countDeadLetters({ recipe, status: 'pending' });
    if (pending === 0) return reply.code(200).send({ run: null, deadLetters: 0 });
    const { run } = await ctx.launcher.replay(recipe, ids, 'api');
    ctx.logger.info(
      { recipe, runId: run.id, deadLetters: pending, by: 'api' },
      'dead-letter replay requested',
    );
    return reply
      .code(202)
      .header('location', `/api/runs/${run.id}`)
      .send({ run, deadLetters: pending });
  });
}

function replayBody(request: FastifyRequest): { recipe: string; ids?: string[] } {
  const body = request.body as { recipe?: unknown; ids?: unknown } | undefined;
  if (!body || typeof body.recipe !== 'string' || body.recipe === '') {
    throw daemonErrors.create(
      'FERRY_API_BAD_REQUEST',
      'the body must be JSON: { "recipe": "<id>", "ids": ["<dead letter id>", ...] } (ids optional)',
      {
        path: '$.recipe',
      },
    );
  }
  if (
    body.ids !== undefined &&
    (!Array.isArray(body.ids) || !body.ids.every((i) => typeof i === 'string'))
  ) {
    throw daemonErrors.create(
      'FERRY_API_BAD_REQUEST',
      '`ids` must be a list of dead-letter ids (strings)',
      { path: '$.ids' },
    );
  }
  return { recipe: body.recipe, ...(body.ids ? { ids: body.ids as string[] } : {}) };
}

function oneOf<T extends string>(value: string, allowed: T[], name: string): T {
  if ((allowed as string[]).includes(value)) return value as T;
  throw daemonErrors.create(
    'FERRY_API_BAD_REQUEST',
    `${name} must be one of ${allowed.join(', ')}; got '${value}'`,
  );
}

function integer(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw daemonErrors.create(
      'FERRY_API_BAD_REQUEST',
      `${name} must be a whole number from ${min} to ${max}; got '${value}'`,
    );
  }
  return n;
}
