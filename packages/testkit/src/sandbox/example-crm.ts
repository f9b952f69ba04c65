import type { FaultSettings } from './fault-types.ts';
import { createSandbox } from './sandbox.ts';
import type { Sandbox, SandboxContext } from './types.ts';

/** A CRM object as the example API stores it. */
export interface CrmObject {
  id: string;
  properties: Record<string, string>;
  updatedAt: string;
}

/**
 * Test support and an example of a sandbox: a tiny CRM in the shape of HubSpot's v3 objects
 * API (bearer token, `limit`/`after` paging, batch upsert by id, HubSpot-style error bodies).
 * The vendor sandboxes follow the same pattern with the full wire format.
 */
export async function startExampleCrm(
  options: { token?: string; contacts?: number; faults?: FaultSettings; seed?: number } = {},
): Promise<{ sandbox: Sandbox; objects: Map<string, Map<string, CrmObject>>; token: string }> {
  const token = options.token ?? 'example-token';
  const contacts = new Map<string, CrmObject>();
  for (let i = 1; i <= (options.contacts ?? 50); i++)
    contacts.set(String(i), {
      id: String(i),
      properties: { email: `person${i}@example.com`, firstname: `Person ${i}` },
      updatedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString(),
    });
  const objects = new Map([['contacts', contacts]]);
  const error = (message: string, category: string) => ({ status: 'error', message, category });

  const list = (ctx: SandboxContext) => {
    const store = objects.get(ctx.params.type as string);
    if (!store)
      return ctx.json(error(`unknown object type ${ctx.params.type}`, 'OBJECT_NOT_FOUND'), 404);
    const limit = Math.min(Number(ctx.query.get('limit') ?? 10), 100);
    const after = Number(ctx.query.get('after') ?? 0);
    const page = [...store.values()].filter((o) => Number(o.id) > after).slice(0, limit);
    const last = page.at(-1);
    const more = last !== undefined && [...store.keys()].some((id) => Number(id) > Number(last.id));
    return ctx.json({ results: page, ...(more ? { paging: { next: { after: last.id } } } : {}) });
  };

  const upsert = (ctx: SandboxContext) => {
    const store = objects.get(ctx.params.type as string);
    const inputs = (ctx.body as { inputs?: { id: string; properties: Record<string, string> }[] })
      ?.inputs;
    if (!store || !Array.isArray(inputs))
      return ctx.json(
        error('expected { inputs: [...] } for a known type', 'VALIDATION_ERROR'),
        400,
      );
    const results = inputs.map((input) => {
      const reason = ctx.rejects(input);
      if (reason) return { id: input.id, status: 'error', message: reason };
      const updatedAt = new Date().toISOString();
      store.set(input.id, { id: input.id, properties: input.properties, updatedAt });
      return { id: input.id, status: 'ok' };
    });
    return ctx.json({ status: 'COMPLETE', results });
  };

  const sandbox = await createSandbox({
    name: 'example-crm',
    seed: options.seed,
    faults: options.faults,
    auth: { check: (ctx) => ctx.headers.authorization === `Bearer ${token}` },
    bodies: {
      rateLimited: () => error('You have reached your secondly limit.', 'RATE_LIMITS'),
      serverError: (_ctx, status) => ({
        ...error('internal error', 'INTERNAL_ERROR'),
        statusCode: status,
      }),
      unauthorized: () => error('Authentication credentials not found.', 'INVALID_AUTHENTICATION'),
      notFound: (ctx) => error(`no route for ${ctx.method} ${ctx.path}`, 'OBJECT_NOT_FOUND'),
    },
    routes: [
      { method: 'GET', path: '/crm/v3/objects/:type', handler: list },
      { method: 'POST', path: '/crm/v3/objects/:type/batch/upsert', handler: upsert },
    ],
  });
  return { sandbox, objects, token };
}
