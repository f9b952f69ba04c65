import type { JsonObject } from '@ferry/sdk';
import { canonical, withoutFields } from '../conformance/records.ts';
import type { Golden } from '../contract.ts';
import { jsonDiff } from './json-diff.ts';

/** Golden output up to the volatile fields, keys sorted: what is compared. */
function comparable(output: Golden, volatile: readonly string[]): Golden {
  return {
    records: output.records.map((record) => withoutFields(record, volatile)),
    state: output.state,
  };
}

/** Fields present in one side's records and absent from the other's, by record position. */
function fieldShifts(golden: JsonObject[], actual: JsonObject[]): string[] {
  const lost = new Set<string>();
  const gained = new Set<string>();
  for (const [index, record] of golden.entries()) {
    const other = actual[index];
    if (!other) break;
    for (const key of Object.keys(record)) if (!(key in other)) lost.add(key);
    for (const key of Object.keys(other)) if (!(key in record)) gained.add(key);
  }
  return [
    ...(lost.size > 0
      ? [`field(s) missing from the replayed records: ${[...lost].join(', ')}`]
      : []),
    ...(gained.size > 0 ? [`field(s) new in the replayed records: ${[...gained].join(', ')}`] : []),
  ];
}

/**
 * Compares a replayed read with the golden file; undefined when equal, else a message with a
 * summary (counts, fields lost or gained, state) and a unified diff of the first differences.
 */
export async function compareWithGolden(
  stream: string,
  actual: Golden,
  golden: Golden,
  volatile: readonly string[] = [],
): Promise<string | undefined> {
  const want = comparable(golden, volatile);
  const got = comparable(actual, volatile);
  const recordsEqual = canonical(want.records) === canonical(got.records);
  const stateEqual = canonical(want.state) === canonical(got.state);
  if (recordsEqual && stateEqual) return undefined;
  const summary = [
    ...(want.records.length === got.records.length
      ? []
      : [`${want.records.length} records in the golden file, ${got.records.length} replayed`]),
    ...fieldShifts(want.records, got.records),
    ...(stateEqual ? [] : ['the final state differs']),
  ];
  const diff = await (recordsEqual
    ? jsonDiff(`golden/${stream}.json state`, 'replayed state', want.state, got.state)
    : jsonDiff(`golden/${stream}.json`, 'replay', want.records, got.records));
  return [
    `stream '${stream}': the replayed read differs from golden/${stream}.json`,
    ...summary.map((line) => `  ${line}`),
    '',
    diff,
  ].join('\n');
}
