/**
 * PATCH /services/data/vXX.X/composite/sobjects/{SObject}/{ExternalIdField} (v46.0+): up to 200
 * records of the URI's type, matched on the external id (case-insensitively); 200 with one
 * UpsertResult `{ id, success, errors[{ statusCode, message, fields }], created }` per record in
 * input order. `allOrNone: true` rolls everything back when one record fails.
 * Unverified in the docs, chosen here: the error for > 200 records, `created: false` on failed
 * items, the errors for a missing external id value and a non-external-id field.
 * https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-sobjects-collections-upsert.html
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/object_ref/sforce_api_calls_upsert_upsertresult.htm
 * https://developer.salesforce.com/docs/atlas.en-us.mobile_sdk.meta/mobile_sdk/ref_rest_apis_collection_response.htm
 */
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext } from '../../sandbox/types.ts';
import { errorReply, NOT_FOUND, SalesforceFault } from './errors.ts';
import { findField, findSObject, type SObjectDef } from './schema.ts';
import type { RecordStore, SRecord } from './store.ts';
import { checkMerged, type ItemError, itemError, readFields } from './validate.ts';

export const MAX_RECORDS = 200;

interface Planned {
  errors: ItemError[];
  values?: SRecord;
  existing?: SRecord;
}

export function upsertHandler(store: RecordStore) {
  return (ctx: SandboxContext): Reply => {
    if (apiVersion(ctx.params.version as string) < 46) return NOT_FOUND();
    const object = findSObject(ctx.params.sobject as string);
    if (!object) return NOT_FOUND();
    const field = findField(object, ctx.params.field as string);
    if (!field)
      return errorReply(
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${ctx.params.field}`,
      );
    if (!field.externalId)
      return errorReply(
        400,
        'INVALID_FIELD',
        `Field ${field.name} is not an External ID or indexed field for ${object.name}`,
      );
    const body = ctx.body as { allOrNone?: unknown; records?: unknown } | undefined;
    if (!body || typeof body !== 'object' || !Array.isArray(body.records))
      return errorReply(
        400,
        'JSON_PARSER_ERROR',
        'The request body must be a JSON object with a records array',
      );
    const inputs = body.records as unknown[];
    if (inputs.length > MAX_RECORDS)
      return errorReply(
        400,
        'EXCEEDED_ID_LIMIT',
        `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`,
      );
    let plans: Planned[];
    try {
      plans = inputs.map((input) => plan(ctx, store, object, field.name, input));
    } catch (error) {
      if (error instanceof SalesforceFault) return error.reply();
      throw error;
    }
    markDuplicates(plans, field.name);
    const failed = plans.some((p) => p.errors.length > 0);
    if (failed && body.allOrNone === true)
      return {
        status: 200,
        json: plans.map((p) => failure(p.errors.length > 0 ? p.errors : [rolledBack()])),
      };
    return {
      status: 200,
      json: plans.map((p) => {
        if (p.errors.length > 0 || !p.values) return failure(p.errors);
        const saved = p.existing
          ? store.update(object, p.existing.Id as string, p.values)
          : store.insert(object, p.values);
        return { id: saved?.Id ?? null, success: true, errors: [], created: !p.existing };
      }),
    };
  };
}

/** What one input record would do: its values and the record it updates, or its errors. */
function plan(
  ctx: SandboxContext,
  store: RecordStore,
  object: SObjectDef,
  key: string,
  input: unknown,
): Planned {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new SalesforceFault(400, 'JSON_PARSER_ERROR', 'Each record must be a JSON object');
  const record = input as Record<string, unknown>;
  const type = (record.attributes as { type?: unknown } | undefined)?.type;
  if (typeof type !== 'string')
    return { errors: [itemError('INVALID_TYPE', 'Must send a concrete entity type.')] };
  if (type.toLowerCase() !== object.name.toLowerCase())
    return {
      errors: [
        itemError('INVALID_TYPE', `Record type ${type} does not match the URI type ${object.name}`),
      ],
    };
  const { values, errors } = readFields(object, record);
  const external = values[key];
  if (typeof external !== 'string' || external === '')
    return { errors: [...errors, itemError('MISSING_ARGUMENT', `${key} not specified`)] };
  const found = store.findBy(object, key, external);
  if (found.length > 1)
    return {
      errors: [
        itemError(
          'DUPLICATE_EXTERNAL_ID',
          `${key} duplicates value on records with ids: ${found.map((r) => r.Id).join(', ')}`,
        ),
      ],
    };
  const existing = found[0];
  const merged: SRecord = { ...(existing ?? {}), ...values };
  errors.push(...checkMerged(object, merged, values, store));
  const rejected = ctx.rejects(record);
  if (rejected !== undefined) errors.push(itemError('FIELD_CUSTOM_VALIDATION_EXCEPTION', rejected));
  return existing ? { errors, values, existing } : { errors, values };
}

/** Two records of one request with the same external id both fail. */
function markDuplicates(plans: Planned[], key: string): void {
  const seen = new Map<string, Planned[]>();
  for (const p of plans) {
    const value = p.values?.[key];
    if (typeof value !== 'string') continue;
    const lower = value.toLowerCase();
    seen.set(lower, [...(seen.get(lower) ?? []), p]);
  }
  for (const [, group] of seen)
    if (group.length > 1)
      for (const p of group)
        p.errors.push(
          itemError('DUPLICATE_VALUE', `Duplicate external id specified: ${p.values?.[key]}`),
        );
}

const failure = (errors: ItemError[]) => ({ id: null, success: false, errors, created: false });

const rolledBack = () =>
  itemError(
    'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    'Record rolled back because not all records were valid and the request was using AllOrNone header',
  );

/** 60 for 'v60.0'; NaN for anything else. */
export function apiVersion(text: string): number {
  const match = /^v(\d+)\.0$/.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}
