// What every object route does before its own work, in HubSpot's order as far as the docs tell:
// the object type (unknown: 400), the token's scope (403 MISSING_SCOPES), the rate limit (429;
// X-HubSpot-RateLimit-* headers on every answer but search's). Sources:
// https://developers.hubspot.com/docs/api-reference/error-handling (MISSING_SCOPES body),
// https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines (limits).
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext, SandboxRoute } from '../../sandbox/types.ts';
import { errorBody, rateLimitedBody } from './bodies.ts';
import type { TokenLimits } from './limits.ts';
import type { PropertyRegistry } from './properties.ts';
import { isObjectType, type ObjectStore } from './store.ts';
import type { HubspotObject, HubspotObjectType } from './types.ts';

/** The state the routes share. */
export interface HubspotApi {
  store: ObjectStore;
  registry: PropertyRegistry;
  limits: TokenLimits | undefined;
  scopes: Set<string> | undefined;
  indexLagMs: number;
  now: () => Date;
}

export type ObjectHandler = (
  ctx: SandboxContext,
  type: HubspotObjectType,
) => Reply | Promise<Reply>;

/** HubSpot's scope for an object type; products need `e-commerce`. */
function scopeOf(type: HubspotObjectType, access: 'read' | 'write'): string {
  return type === 'products' ? 'e-commerce' : `crm.objects.${type}.${access}`;
}

/** A route on `/crm/v3/objects/:type...` with HubSpot's checks before the handler. */
export function objectRoute(
  api: HubspotApi,
  method: string,
  path: string,
  options: { access: 'read' | 'write'; search?: boolean },
  handler: ObjectHandler,
): SandboxRoute {
  return {
    method,
    path: `/crm/v3/objects/:type${path}`,
    async handler(ctx) {
      const type = ctx.params.type;
      if (!isObjectType(type))
        return ctx.json(
          errorBody(ctx, 'VALIDATION_ERROR', `Unable to infer object type from: ${type}`),
          400,
        );
      const scope = scopeOf(type, options.access);
      if (api.scopes && !api.scopes.has(scope)) return missingScope(ctx, scope);
      const token = bearer(ctx);
      if (api.limits && options.search) {
        // search answers carry no rate-limit headers, 429s included; SECONDLY is a field report
        if (!api.limits.takeSearch(token)) return ctx.json(rateLimitedBody(ctx, 'SECONDLY'), 429);
        return handler(ctx, type);
      }
      const verdict = api.limits?.take(token);
      if (verdict && !verdict.ok)
        return ctx.json(rateLimitedBody(ctx, verdict.policyName), 429, verdict.headers);
      const reply = await handler(ctx, type);
      return verdict ? { ...reply, headers: { ...reply.headers, ...verdict.headers } } : reply;
    },
  };
}

function bearer(ctx: SandboxContext): string {
  return String(ctx.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
}

function missingScope(ctx: SandboxContext, scope: string): Reply {
  return ctx.json(
    errorBody(
      ctx,
      'MISSING_SCOPES',
      "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      {
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: [scope] },
          },
        ],
        links: { scopes: 'https://developers.hubspot.com/scopes' },
      },
    ),
    403,
  );
}

/** An object as the API returns it, with only the given properties (null when unset). */
export function present(object: HubspotObject, names: string[]): Record<string, unknown> {
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = object.properties[name] ?? null;
  return {
    id: object.id,
    properties,
    createdAt: object.createdAt,
    updatedAt: object.updatedAt,
    archived: object.archived,
    ...(object.archivedAt ? { archivedAt: object.archivedAt } : {}),
  };
}

/** The `inputs` of a batch body (at most 100), or the 400 HubSpot answers instead. */
export function batchInputs(
  ctx: SandboxContext,
): { inputs: Record<string, unknown>[] } | { refused: Reply } {
  const inputs = (ctx.body as { inputs?: unknown } | undefined)?.inputs;
  if (!Array.isArray(inputs) || inputs.some((i) => typeof i !== 'object' || i === null))
    return {
      refused: ctx.json(
        errorBody(ctx, 'VALIDATION_ERROR', 'Invalid input JSON: expected { "inputs": [ {...} ] }'),
        400,
      ),
    };
  // the limit is documented; the body of this answer is not (unverified)
  if (inputs.length > 100)
    return {
      refused: ctx.json(
        errorBody(ctx, 'VALIDATION_ERROR', `Batch input limit exceeded: ${inputs.length} > 100`),
        400,
      ),
    };
  return { inputs: inputs as Record<string, unknown>[] };
}
