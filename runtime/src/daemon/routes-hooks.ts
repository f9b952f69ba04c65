import { isFerryError } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import type { FastifyInstance } from 'fastify';
import { signatureMatches } from './auth.ts';
import type { DaemonContext } from './context.ts';
import { daemonErrors } from './errors.ts';

/** Largest webhook body accepted (a records delivery). */
const HOOK_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * `POST /hooks/:recipe`, for recipes with a webhook trigger. The body is taken raw, so the
 * signature (`X-Ferry-Signature: sha256=<hex HMAC-SHA256>`) is checked over the exact bytes
 * before anything is parsed. `action: run` starts an incremental run, or reports the one that is
 * running (never a second); `action: records` runs the recipe over the posted records, and
 * answers 409 with Retry-After while the recipe is running, so that the sender delivers again
 * instead of the records being dropped.
 */
export async function hookRoutes(app: FastifyInstance, ctx: DaemonContext): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: HOOK_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.post('/:recipe', { bodyLimit: HOOK_BODY_LIMIT }, async (request, reply) => {
    const { recipe } = request.params as { recipe: string };
    const definition = ctx.runner.recipe(recipe);
    const webhook = ctx.webhooks.get(recipe);
    if (!webhook) {
      throw daemonErrors.create(
        'FERRY_WEBHOOK_NOT_CONFIGURED',
        `recipe ${recipe} has no webhook trigger`,
        {
          path: `$.recipes[${JSON.stringify(recipe)}].triggers`,
        },
      );
    }
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = request.headers['x-ferry-signature'];
    if (
      webhook.secret &&
      !signatureMatches(body, Array.isArray(signature) ? signature[0] : signature, webhook.secret)
    ) {
      ctx.logger.warn({ recipe, ip: request.ip }, 'webhook refused: bad or missing signature');
      throw daemonErrors.create(
        'FERRY_WEBHOOK_SIGNATURE_INVALID',
        `the delivery for recipe ${recipe} is not signed with its webhook secret`,
      );
    }
    if (definition.enabled === false) {
      throw daemonErrors.create(
        'FERRY_RECIPE_DISABLED',
        `recipe ${recipe} is disabled (enabled: false)`,
        {
          path: `$.recipes[${JSON.stringify(recipe)}].enabled`,
        },
      );
    }

    if (webhook.action === 'run') {
      if (ctx.launcher.busy(recipe)) return reply.code(202).send({ queued: false, running: true });
      try {
        const { run } = await ctx.launcher.start(recipe, { trigger: 'webhook' });
        return reply.code(202).send({ queued: true, run });
      } catch (error) {
        if (isFerryError(error) && error.code === 'FERRY_RUN_ALREADY_RUNNING') {
          return reply.code(202).send({ queued: false, running: true });
        }
        throw error;
      }
    }

    const records = parseRecords(body);
    if (records.length === 0) return reply.code(200).send({ queued: false, records: 0 });
    try {
      const { run } = await ctx.launcher.start(recipe, { trigger: 'webhook', records });
      return reply.code(202).send({ queued: true, records: records.length, run });
    } catch (error) {
      if (isFerryError(error) && error.code === 'FERRY_RUN_ALREADY_RUNNING')
        reply.header('retry-after', '5');
      throw error;
    }
  });
}

function parseRecords(body: Buffer): JsonObject[] {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw daemonErrors.create(
      'FERRY_WEBHOOK_BODY_INVALID',
      `the body is not JSON: ${(error as Error).message}`,
    );
  }
  const list = Array.isArray(value) ? value : (value as { records?: unknown } | null)?.records;
  if (!Array.isArray(list)) {
    throw daemonErrors.create(
      'FERRY_WEBHOOK_BODY_INVALID',
      'the body must be a JSON array of records, or { "records": [...] }',
      { path: '$' },
    );
  }
  const bad = list.findIndex((r) => typeof r !== 'object' || r === null || Array.isArray(r));
  if (bad >= 0) {
    throw daemonErrors.create('FERRY_WEBHOOK_BODY_INVALID', `record ${bad} is not a JSON object`, {
      path: Array.isArray(value) ? `$[${bad}]` : `$.records[${bad}]`,
    });
  }
  return list as JsonObject[];
}
