import type { RecordSchema } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Checks records against their stream's schema; returns why one does not match, or undefined. */
export type RecordValidator = (record: JsonObject) => string | undefined;

let ajv: Ajv2020 | undefined;

export function compileRecordValidator(schema: RecordSchema): RecordValidator {
  ajv ??= addFormats(new Ajv2020({ strict: false, allErrors: false, allowUnionTypes: true }));
  const validate = ajv.compile(schema);
  return (record) => {
    if (validate(record)) return undefined;
    const error = validate.errors?.[0];
    if (!error) return 'does not match the stream schema';
    return `${error.instancePath || '(record)'} ${error.message ?? 'is invalid'}${error.params && 'allowedValues' in error.params ? `: ${JSON.stringify(error.params.allowedValues)}` : ''}`;
  };
}
