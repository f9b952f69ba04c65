import type { StreamInfo } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import type { CheckOutcome } from '../contract.ts';
import { CHECKS, failed, passed } from './checks.ts';
import type { StreamRead } from './read-stream.ts';
import { brief, canonical, fieldChanges, keyOf, withoutFields } from './records.ts';

/** Two full reads return the same records (as a multiset), up to the volatile fields. */
export function checkFullReads(
  stream: StreamInfo,
  first: StreamRead,
  second: StreamRead,
  volatile: readonly string[],
): CheckOutcome {
  const check = CHECKS.fullReads;
  if (second.error)
    return failed(
      check,
      `stream '${stream.name}': the second full read failed: ${second.error}`,
      stream.name,
    );
  const strip = (r: JsonObject) => withoutFields(r, volatile);
  const counts = new Map<string, number>();
  for (const record of second.records) {
    const text = canonical(strip(record));
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const unmatched: JsonObject[] = [];
  for (const record of first.records) {
    const text = canonical(strip(record));
    const left = counts.get(text) ?? 0;
    if (left > 0) counts.set(text, left - 1);
    else unmatched.push(record);
  }
  const extra = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (unmatched.length === 0 && extra === 0) return passed(check, stream.name);
  const head = `stream '${stream.name}': two full reads differ (${first.records.length} and ${second.records.length} records; ${unmatched.length} record(s) of the first read are not in the second${volatile.length > 0 ? `, ignoring ${volatile.join(', ')}` : ''})`;
  const sample = unmatched[0];
  if (!sample)
    return failed(check, `${head}; the second read has ${extra} extra record(s)`, stream.name);
  const key = keyOf(sample, stream.primaryKey);
  const twin = second.records.find((r) => keyOf(r, stream.primaryKey) === key);
  const detail = twin
    ? `record ${key} differs: ${fieldChanges(strip(sample), strip(twin)).join('; ')}`
    : `record ${key} is missing from the second read: ${brief(sample)}`;
  return failed(
    check,
    `${head}\n  ${detail}\n  (list fields that change on every read in 'volatile')`,
    stream.name,
  );
}
