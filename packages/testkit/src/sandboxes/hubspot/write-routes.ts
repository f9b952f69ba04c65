// POST /crm/v3/objects/{type}/batch/create | update | upsert | archive. Sources:
// https://developers.hubspot.com/docs/guides/crm/using-object-apis (at most 100 inputs, upsert by
// a unique idProperty per input), https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/contacts/batch/upsert-contacts
// (BatchResponseSimplePublicUpsertObject: status, results with `new`, startedAt, completedAt),
// https://developers.hubspot.com/docs/api-reference/error-handling (207 with results[] and
// errors[]). Choices (unverified): every failed input is an `errors[]` item and the answer is 207
// whenever one failed (the docs show 207 for create with trace ids only); create answers 201;
// the same id twice in one batch refuses the batch (400); results come back in a seeded shuffled
// order, since HubSpot does not document their order and clients must match by key.
import type { SandboxContext, SandboxRoute } from '../../sandbox/types.ts';
import { batchInputs, type HubspotApi, objectRoute, present } from './api.ts';
import { errorBody } from './bodies.ts';
import { modifiedProperty } from './properties.ts';
import type { HubspotObjectType } from './types.ts';
import { applyInput, type BatchError, type WriteKind } from './write-input.ts';

export function writeRoutes(api: HubspotApi): SandboxRoute[] {
  const write = (kind: WriteKind) => (ctx: SandboxContext, type: HubspotObjectType) => {
    const parsed = batchInputs(ctx);
    if ('refused' in parsed) return parsed.refused;
    if (kind !== 'create') {
      const ids = parsed.inputs.map((i) => String(i.id));
      const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
      if (twice.length > 0)
        return ctx.json(
          errorBody(
            ctx,
            'VALIDATION_ERROR',
            `Duplicate IDs found in batch input: [${[...new Set(twice)]}]`,
          ),
          400,
        );
    }
    const startedAt = api.now().toISOString();
    const results: Record<string, unknown>[] = [];
    const errors: BatchError[] = [];
    for (const input of parsed.inputs) {
      const outcome = applyInput(api, ctx, type, kind, input);
      if ('category' in outcome) {
        errors.push(outcome);
        continue;
      }
      const names = [
        ...new Set([...outcome.written, 'hs_object_id', 'createdate', modifiedProperty(type)]),
      ];
      results.push({
        ...present(outcome.object, names),
        ...(kind === 'upsert' ? { new: outcome.new } : {}),
        ...(typeof input.objectWriteTraceId === 'string'
          ? { objectWriteTraceId: input.objectWriteTraceId }
          : {}),
      });
    }
    const answer: Record<string, unknown> = {
      status: 'COMPLETE',
      results: shuffle(results, ctx.random),
      startedAt,
      completedAt: api.now().toISOString(),
    };
    if (errors.length > 0) Object.assign(answer, { numErrors: errors.length, errors });
    return ctx.json(answer, errors.length > 0 ? 207 : kind === 'create' ? 201 : 200);
  };

  const archive = (ctx: SandboxContext, type: HubspotObjectType) => {
    const parsed = batchInputs(ctx);
    if ('refused' in parsed) return parsed.refused;
    for (const input of parsed.inputs) api.store.archive(type, String(input.id));
    return { status: 204 };
  };

  return [
    objectRoute(api, 'POST', '/batch/create', { access: 'write' }, write('create')),
    objectRoute(api, 'POST', '/batch/update', { access: 'write' }, write('update')),
    objectRoute(api, 'POST', '/batch/upsert', { access: 'write' }, write('upsert')),
    objectRoute(api, 'POST', '/batch/archive', { access: 'write' }, archive),
  ];
}

/** A seeded Fisher-Yates shuffle (a copy). */
function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
