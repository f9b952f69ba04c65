// One input of a batch create, update or upsert: validated, checked for unique values, and
// applied, or turned into an `errors[]` item. The item's shape ({ status: 'error', category,
// message, context }) is HubSpot's multi-status example
// (https://developers.hubspot.com/docs/api-reference/error-handling); its `context` keys are
// documented only for objectWriteTraceId, so `ids` (the input's id: a record id, or the
// idProperty value for upserts) and `existingId` are choices (unverified).
import type { SandboxContext } from '../../sandbox/types.ts';
import type { HubspotApi } from './api.ts';
import { validationMessage } from './properties.ts';
import type { HubspotObject, HubspotObjectType } from './types.ts';

export interface BatchError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
}

export type InputOutcome = { object: HubspotObject; written: string[]; new?: boolean } | BatchError;

export type WriteKind = 'create' | 'update' | 'upsert';

const CONFLICT_LABEL: Record<HubspotObjectType, string> = {
  contacts: 'Contact',
  companies: 'Company',
  deals: 'Deal',
  products: 'Product',
};

export function applyInput(
  api: HubspotApi,
  ctx: SandboxContext,
  type: HubspotObjectType,
  kind: WriteKind,
  input: Record<string, unknown>,
): InputOutcome {
  const { store, registry } = api;
  const id = input.id === undefined || input.id === null ? undefined : String(input.id);
  const context: Record<string, string[]> = {};
  if (kind !== 'create' && id !== undefined) context.ids = [id];
  if (typeof input.objectWriteTraceId === 'string')
    context.objectWriteTraceId = [input.objectWriteTraceId];
  const fail = (category: string, message: string, extra: Record<string, string[]> = {}) =>
    ({ status: 'error', category, message, context: { ...context, ...extra } }) as BatchError;

  const properties = input.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties))
    return fail('VALIDATION_ERROR', 'Invalid input JSON: "properties" must be an object');
  const injected = ctx.rejects(input);
  if (injected !== undefined) return fail('VALIDATION_ERROR', injected);
  const { values, problems } = registry.validate(type, properties as Record<string, unknown>);
  if (problems.length > 0)
    return fail('VALIDATION_ERROR', validationMessage(problems), {
      propertyName: problems.map((p) => p.name),
    });

  let target: HubspotObject | undefined;
  if (kind === 'update' || kind === 'upsert') {
    if (id === undefined || id === '') return fail('VALIDATION_ERROR', 'Input is missing "id"');
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id';
    if (idProperty !== 'hs_object_id' && !registry.get(type, idProperty)?.unique)
      return fail(
        'VALIDATION_ERROR',
        `${idProperty} is not a unique property of ${type} and cannot be used as idProperty`,
      );
    target = store.findBy(type, idProperty, id);
    if (!target && (kind === 'update' || idProperty === 'hs_object_id'))
      return fail('OBJECT_NOT_FOUND', `Could not find a ${type} object with ${idProperty} ${id}`);
    // an upsert creates the object with the idProperty set to the input's id
    if (!target) values[idProperty] = id;
  }
  const conflict = store.conflict(type, values, target?.id);
  if (conflict)
    return fail(
      'CONFLICT',
      `${CONFLICT_LABEL[type]} already exists. Existing ID: ${conflict.existingId}`,
      { existingId: [conflict.existingId] },
    );
  // upsert results echo the idProperty, as the documented example does
  const written = Object.keys(values);
  if (kind === 'upsert' && typeof input.idProperty === 'string') written.push(input.idProperty);
  if (target) return { object: store.update(type, target, values), written, new: false };
  return { object: store.create(type, values), written, new: true };
}
