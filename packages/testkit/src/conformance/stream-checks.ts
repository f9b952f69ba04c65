import type { Connector, StreamInfo, UseOptions } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import type { CheckOutcome } from '../contract.ts';
import { CHECKS, failed } from './checks.ts';
import { checkFullReads } from './full-read-check.ts';
import {
  checkFutureState,
  checkIncremental,
  futureStart,
  incrementalStart,
} from './incremental-checks.ts';
import { readStream } from './read-stream.ts';
import { checkRecords } from './schema-checks.ts';

/**
 * The read checks of one stream, on the same reads: a full read (records valid), a second full
 * read (the same records), a read from the first read's last state (only newer records) and a
 * read from a state moved far into the future (no records).
 */
export async function checkStreamReads(
  connector: Connector,
  stream: StreamInfo,
  config: JsonObject,
  use: UseOptions,
  volatile: readonly string[],
): Promise<CheckOutcome[]> {
  const read = (state?: JsonObject) => readStream(connector, config, stream.name, use, state);
  const full = await read();
  if (full.error) {
    const why = `stream '${stream.name}': the full read failed: ${full.error}`;
    return [
      failed(CHECKS.records, why, stream.name),
      failed(CHECKS.fullReads, why, stream.name),
      ...incrementalOutcomes(stream, full),
    ];
  }
  const outcomes = [
    checkRecords(stream, full.records),
    checkFullReads(stream, full, await read(), volatile),
  ];
  const start = incrementalStart(CHECKS.incremental, stream, full);
  if ('skip' in start) return [...outcomes, ...incrementalOutcomes(stream, full)];
  outcomes.push(checkIncremental(stream, start, full, await read(start.state)));
  const future = futureStart(stream, start);
  if ('skip' in future) return [...outcomes, future.skip];
  outcomes.push(checkFutureState(stream, future.state, await read(future.state)));
  return outcomes;
}

/** Both incremental checks, when they cannot run (no cursor, no records, no state). */
function incrementalOutcomes(
  stream: StreamInfo,
  full: Awaited<ReturnType<typeof readStream>>,
): CheckOutcome[] {
  return [CHECKS.incremental, CHECKS.futureState].map((check) => {
    const start = incrementalStart(check, stream, full);
    return 'skip' in start
      ? start.skip
      : failed(check, 'internal: the check could not start', stream.name);
  });
}
