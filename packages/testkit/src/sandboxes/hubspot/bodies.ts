// HubSpot's error bodies. The `Error` schema (category, correlationId, message; optional
// subCategory, context, links, errors[]) and the multi-status example come from
// https://developers.hubspot.com/docs/api-reference/error-handling; the 401, 404 and 429 texts
// are field reports (docs/vendor-apis.md 1.6 and 1.7), marked there.
import type { SandboxContext } from '../../sandbox/types.ts';
import { type PropertyProblem, validationMessage } from './properties.ts';

/** A UUID drawn from the sandbox's seeded PRNG, so bodies repeat from run to run. */
export function correlationId(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** `{ status: 'error', message, correlationId, category, ...extra }`. */
export function errorBody(
  ctx: Pick<SandboxContext, 'random'>,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { status: 'error', message, correlationId: correlationId(ctx.random), category, ...extra };
}

export function unauthorizedBody(ctx: SandboxContext): Record<string, unknown> {
  return errorBody(
    ctx,
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  );
}

/** The 429 body; `policyName` says which limit: TEN_SECONDLY_ROLLING, DAILY or SECONDLY. */
export function rateLimitedBody(ctx: SandboxContext, policyName: string): Record<string, unknown> {
  const which = policyName === 'DAILY' ? 'daily' : policyName.toLowerCase();
  return {
    status: 'error',
    message: `You have reached your ${which} limit.`,
    errorType: 'RATE_LIMIT',
    correlationId: correlationId(ctx.random),
    policyName,
    requestId: correlationId(ctx.random),
  };
}

/** 400 VALIDATION_ERROR for invalid property values, with one `errors[]` item per property. */
export function invalidPropertiesBody(
  ctx: SandboxContext,
  problems: PropertyProblem[],
): Record<string, unknown> {
  return errorBody(ctx, 'VALIDATION_ERROR', validationMessage(problems), {
    errors: problems.map((p) => ({
      message: p.message,
      code: p.error,
      context: { propertyName: [p.name] },
    })),
  });
}
