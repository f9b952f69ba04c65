import { type FerryError, isFerryError } from '@ferry/manifest';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  LogController,
} from 'fastify';
import { bearerMatches } from './auth.ts';
import { type DaemonContext, describeRecipes } from './context.ts';
import { renderDashboard } from './dashboard.ts';
import { daemonErrors } from './errors.ts';
import { apiRoutes } from './routes-api.ts';
import { hookRoutes } from './routes-hooks.ts';

const STATUS: Record<string, number> = {
  FERRY_API_BAD_REQUEST: 400,
  FERRY_WEBHOOK_BODY_INVALID: 400,
  FERRY_API_UNAUTHORIZED: 401,
  FERRY_WEBHOOK_SIGNATURE_INVALID: 401,
  FERRY_API_NOT_FOUND: 404,
  FERRY_RECIPE_NOT_FOUND: 404,
  FERRY_WEBHOOK_NOT_CONFIGURED: 404,
  FERRY_RUN_ALREADY_RUNNING: 409,
  FERRY_RECIPE_DISABLED: 409,
  FERRY_DAEMON_DRAINING: 503,
};

/**
 * The daemon's HTTP server: health, readiness, metrics and the dashboard without auth; /api and
 * /hooks behind the API token when one is set. Coded errors answer with their status and
 * `{ error: { code, message, path?, hint? } }`.
 */
export function buildServer(ctx: DaemonContext): FastifyInstance {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });
  const quiet = new Set(['/health', '/ready', '/metrics']);
  app.addHook('onResponse', async (request, reply) => {
    const details = {
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (quiet.has(request.routeOptions.url ?? '')) request.log.debug(details, 'request');
    else request.log.info(details, 'request');
  });
  app.setErrorHandler((error: FastifyError | FerryError, request, reply) => {
    if (isFerryError(error)) {
      return reply.code(STATUS[error.code] ?? 500).send({ error: publicError(error) });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ error: { code: 'FERRY_API_BAD_REQUEST', message: error.message } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: { code: 'FERRY_INTERNAL', message: error.message } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        code: 'FERRY_API_NOT_FOUND',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
      },
    }),
  );

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const { ready, draining } = ctx.state;
    return reply.code(ready ? 200 : 503).send({ ready, draining });
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(ctx.metrics.contentType).send(await ctx.metrics.text()),
  );
  app.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(renderDashboard(await describeRecipes(ctx), ctx.state)),
  );

  const authenticated = (
    prefix: string,
    routes: (scope: FastifyInstance, ctx: DaemonContext) => Promise<void>,
  ) =>
    app.register(
      async (scope) => {
        scope.addHook('onRequest', async (request) => {
          if (ctx.token && !bearerMatches(request.headers.authorization, ctx.token)) {
            throw daemonErrors.create(
              'FERRY_API_UNAUTHORIZED',
              'this request needs `Authorization: Bearer <FERRY_API_TOKEN>`',
            );
          }
        });
        await routes(scope, ctx);
      },
      { prefix },
    );
  authenticated('/api', apiRoutes);
  authenticated('/hooks', hookRoutes);
  return app;
}

function publicError(error: FerryError): Record<string, unknown> {
  return {
    code: error.code,
    message: error.message,
    ...(error.path ? { path: error.path } : {}),
    ...(error.hint ? { hint: error.hint } : {}),
  };
}
