/**
 * Per-record checks of an upsert, with the status codes and messages Salesforce reports in
 * UpsertResult errors: unknown and read-only fields, text lengths, e-mail format, references,
 * required fields after the merge with the existing record, and validation rules. A value of the
 * wrong JSON type fails the whole request (JSON_PARSER_ERROR), as deserialization does.
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/object_ref/sforce_api_calls_upsert_upsertresult.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/responses_composite_sobject_tree.htm
 * The status codes are Salesforce's; the exact messages are from the field and unverified.
 */
import { formatDatetime, isDate, parseDatetime } from './datetime.ts';
import { SalesforceFault } from './errors.ts';
import { type FieldDef, findField, findSObject, kindOf, type SObjectDef } from './schema.ts';
import type { RecordStore, SRecord } from './store.ts';

export interface ItemError {
  statusCode: string;
  message: string;
  fields: string[];
}

const error = (statusCode: string, message: string, fields: string[] = []): ItemError => ({
  statusCode,
  message,
  fields,
});

/** Validation rules of the sandbox org, as an admin would have set them up. */
const RULES: Record<string, (r: SRecord) => ItemError | undefined> = {
  Account: (r) =>
    typeof r.AnnualRevenue === 'number' && r.AnnualRevenue < 0
      ? error('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Annual Revenue cannot be negative')
      : undefined,
  Opportunity: (r) =>
    typeof r.Probability === 'number' && (r.Probability < 0 || r.Probability > 100)
      ? error('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Probability must be between 0 and 100')
      : undefined,
};

/**
 * The record's fields under canonical names, converted to stored values; unknown and read-only
 * fields are item errors, a value of the wrong JSON type throws JSON_PARSER_ERROR.
 */
export function readFields(
  object: SObjectDef,
  input: Record<string, unknown>,
): { values: SRecord; errors: ItemError[] } {
  const values: SRecord = {};
  const errors: ItemError[] = [];
  const readonly: string[] = [];
  for (const [name, raw] of Object.entries(input)) {
    if (name === 'attributes') continue;
    const field = findField(object, name);
    if (!field) {
      errors.push(
        error('INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`),
      );
      continue;
    }
    if (field.readonly) readonly.push(field.name);
    else values[field.name] = convert(field, raw);
  }
  if (readonly.length > 0)
    errors.push(
      error(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${readonly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        readonly,
      ),
    );
  return { values, errors };
}

function convert(field: FieldDef, raw: unknown): SRecord[string] {
  if (raw === null) return null;
  const fail = (): never => {
    throw new SalesforceFault(
      400,
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${field.type} from ${typeof raw === 'string' ? 'VALUE_STRING' : 'VALUE'} value ${JSON.stringify(raw)} or request may be missing a required field`,
    );
  };
  switch (kindOf(field.type)) {
    case 'text':
      return typeof raw === 'object' ? fail() : String(raw);
    case 'number': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && raw.trim() !== ''
            ? Number(raw)
            : Number.NaN;
      if (!Number.isFinite(n)) return fail();
      return field.type === 'int' ? Math.trunc(n) : n;
    }
    case 'boolean':
      return typeof raw === 'boolean' ? raw : fail();
    case 'date':
      return typeof raw === 'string' && isDate(raw) ? raw : fail();
    case 'datetime': {
      const ms = typeof raw === 'string' ? parseDatetime(raw) : undefined;
      return ms === undefined ? fail() : formatDatetime(ms);
    }
  }
}

/** Item errors of the merged record (existing values overlaid with the written ones). */
export function checkMerged(
  object: SObjectDef,
  merged: SRecord,
  written: SRecord,
  store: RecordStore,
): ItemError[] {
  const errors: ItemError[] = [];
  for (const field of object.fields) {
    const value = written[field.name];
    if (typeof value === 'string' && field.length !== undefined && value.length > field.length)
      errors.push(
        error(
          'STRING_TOO_LONG',
          `${field.label}: data value too large: ${value.slice(0, 80)} (max length=${field.length})`,
          [field.name],
        ),
      );
    if (
      field.type === 'email' &&
      typeof value === 'string' &&
      !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
    )
      errors.push(
        error('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${value}`, [
          field.name,
        ]),
      );
    if (field.references && typeof value === 'string') {
      const target = findSObject(field.references);
      if (
        target &&
        !store.list(target).some((r) => (r.Id as string).slice(0, 15) === value.slice(0, 15))
      )
        errors.push(
          error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]),
        );
    }
  }
  const missing = object.fields
    .filter(
      (f) =>
        f.required &&
        (merged[f.name] === null || merged[f.name] === undefined || merged[f.name] === ''),
    )
    .map((f) => f.name);
  if (missing.length > 0)
    errors.push(
      error(
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${missing.join(', ')}]`,
        missing,
      ),
    );
  const rule = RULES[object.name]?.(merged);
  if (rule) errors.push(rule);
  return errors;
}

export { error as itemError };
