import type { JsonObject, WriteResult } from '@ferry/sdk';

/** A reason to reject a record, or undefined when it may be written. */
export type Check = (record: JsonObject) => string | undefined;

/**
 * One result per record, in batch order: rejected with the first failing check's reason, or
 * accepted; `accepted` holds the records to write.
 */
export function validate(
  records: JsonObject[],
  checks: readonly Check[],
): { results: WriteResult[]; accepted: JsonObject[] } {
  const accepted: JsonObject[] = [];
  const results = records.map((record, index): WriteResult => {
    for (const check of checks) {
      const reason = check(record);
      if (reason !== undefined) return { index, status: 'rejected', reason };
    }
    accepted.push(record);
    return { index, status: 'accepted' };
  });
  return { results, accepted };
}
