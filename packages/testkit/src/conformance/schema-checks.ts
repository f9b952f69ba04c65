import type { StreamInfo } from '@ferry/declarative';
import { checkWithSchema, jsonPath } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import type { CheckOutcome } from '../contract.ts';
import { CHECKS, failed, passed } from './checks.ts';
import { keyOf, nullKeyField } from './records.ts';

/** The stream's schema compiles as a JSON Schema and names its primary key and cursor fields. */
export function checkSchema(stream: StreamInfo): CheckOutcome {
  const check = CHECKS.schemas;
  try {
    checkWithSchema(structuredClone(stream.schema), {});
  } catch (error) {
    return failed(
      check,
      `stream '${stream.name}': the schema is not a valid JSON Schema: ${(error as Error).message}`,
      stream.name,
    );
  }
  const properties = (stream.schema as { properties?: Record<string, unknown> }).properties ?? {};
  const missing = [
    ...stream.primaryKey.filter((field) => !(field in properties)).map((f) => `primary key '${f}'`),
    ...(stream.cursorField && !(stream.cursorField in properties)
      ? [`cursor field '${stream.cursorField}'`]
      : []),
  ];
  if (missing.length > 0)
    return failed(
      check,
      `stream '${stream.name}': ${missing.join(' and ')} not in the schema's properties`,
      stream.name,
    );
  return passed(check, stream.name);
}

const SHOWN = 3;

/** Every record matches the stream's schema and has a value for each primary key field. */
export function checkRecords(stream: StreamInfo, records: JsonObject[]): CheckOutcome {
  const check = CHECKS.records;
  const problems: string[] = [];
  // A copy: checkWithSchema caches a validator per schema object, with the options of its first use.
  const schema = structuredClone(stream.schema);
  let count = 0;
  for (const [index, record] of records.entries()) {
    const label = `record #${index} (key ${keyOf(record, stream.primaryKey)})`;
    const nullField = nullKeyField(record, stream.primaryKey);
    const schemaProblems = checkWithSchema(schema, record);
    if (nullField === undefined && schemaProblems.length === 0) continue;
    count++;
    if (problems.length >= SHOWN) continue;
    if (nullField !== undefined)
      problems.push(
        `${label} has a null primary key: '${nullField}' is ${String(record[nullField] ?? null)}`,
      );
    else
      problems.push(
        `${label} does not match its schema: ${schemaProblems
          .map((p) => `${jsonPath(p.segments)}: ${p.message}`)
          .join('; ')}`,
      );
  }
  if (count === 0) return passed(check, stream.name);
  const more = count > problems.length ? `\n  ... and ${count - problems.length} more` : '';
  return failed(
    check,
    `stream '${stream.name}': ${count} of ${records.length} records are not valid:\n  ${problems.join('\n  ')}${more}`,
    stream.name,
  );
}
