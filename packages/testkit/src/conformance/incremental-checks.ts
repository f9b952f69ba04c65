import type { StreamInfo } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import type { CheckOutcome } from '../contract.ts';
import { CHECKS, failed, notApplicable, passed } from './checks.ts';
import { compareCursors, cursorFor, futureState, hasCursor } from './cursor.ts';
import type { StreamRead } from './read-stream.ts';
import { brief, keyOf } from './records.ts';

type Check = typeof CHECKS.incremental | typeof CHECKS.futureState;

/** Why a stream's incremental checks cannot run, or the state and cursor field they start from. */
export function incrementalStart(
  check: Check,
  stream: StreamInfo,
  full: StreamRead,
): { skip: CheckOutcome } | { state: JsonObject; cursorField: string } {
  const cursorField = stream.cursorField;
  if (!cursorField || !stream.syncModes.includes('incremental'))
    return {
      skip: notApplicable(check, `stream '${stream.name}' has no cursor field`, stream.name),
    };
  if (full.error)
    return {
      skip: failed(
        check,
        `stream '${stream.name}': the full read failed: ${full.error}`,
        stream.name,
      ),
    };
  if (full.records.length === 0)
    return {
      skip: notApplicable(
        check,
        `stream '${stream.name}': the full read returned no records`,
        stream.name,
      ),
    };
  if (!full.state)
    return {
      skip: failed(
        check,
        `stream '${stream.name}': the full read returned ${full.records.length} records but no STATE, so no later read can resume`,
        stream.name,
      ),
    };
  if (!hasCursor(full.state, cursorField))
    return {
      skip: notApplicable(
        check,
        `stream '${stream.name}': its state ${brief(full.state)} holds no cursor the suite can read ({ cursor }, { partitions } or { ${cursorField} })`,
        stream.name,
      ),
    };
  return { state: full.state, cursorField };
}

/**
 * Each record of the read from the last state is newer than the state's cursor, or at the
 * cursor with a key the full read had not returned at that cursor.
 */
export function checkIncremental(
  stream: StreamInfo,
  start: { state: JsonObject; cursorField: string },
  full: StreamRead,
  next: StreamRead,
): CheckOutcome {
  const check = CHECKS.incremental;
  const { state, cursorField } = start;
  if (next.error)
    return failed(
      check,
      `stream '${stream.name}': the read from state ${brief(state)} failed: ${next.error}`,
      stream.name,
    );
  const seen = new Set(
    full.records.map((r) => `${keyOf(r, stream.primaryKey)}@${JSON.stringify(r[cursorField])}`),
  );
  const offending: string[] = [];
  for (const record of next.records) {
    const key = keyOf(record, stream.primaryKey);
    const value = record[cursorField];
    const bound = cursorFor(state, cursorField, record);
    const order = compareCursors(value, bound);
    if (order < 0)
      offending.push(
        `record ${key} with ${cursorField} ${JSON.stringify(value)} is older than the state's cursor ${JSON.stringify(bound)}`,
      );
    else if (order === 0 && seen.has(`${key}@${JSON.stringify(value)}`))
      offending.push(
        `record ${key} at the state's cursor ${JSON.stringify(bound)} was already read`,
      );
  }
  if (offending.length === 0) return passed(check, stream.name);
  return failed(
    check,
    `stream '${stream.name}': the read from state ${brief(state)} returned ${offending.length} of ${next.records.length} records that are not newer:\n  ${offending.slice(0, 3).join('\n  ')}${offending.length > 3 ? `\n  ... and ${offending.length - 3} more` : ''}`,
    stream.name,
  );
}

/** The state to read from in the future-state check, or why there is none. */
export function futureStart(
  stream: StreamInfo,
  start: { state: JsonObject; cursorField: string },
): { skip: CheckOutcome } | { state: JsonObject } {
  const future = futureState(start.state, start.cursorField);
  if (future) return { state: future };
  return {
    skip: notApplicable(
      CHECKS.futureState,
      `stream '${stream.name}': no future value can be made for the cursor in ${brief(start.state)} (neither a number nor a date)`,
      stream.name,
    ),
  };
}

/** A read from a state whose cursor is far in the future returns no records. */
export function checkFutureState(
  stream: StreamInfo,
  state: JsonObject,
  read: StreamRead,
): CheckOutcome {
  const check = CHECKS.futureState;
  if (read.error)
    return failed(
      check,
      `stream '${stream.name}': the read from the future state ${brief(state)} failed: ${read.error}`,
      stream.name,
    );
  const first = read.records[0];
  if (!first) return passed(check, stream.name);
  return failed(
    check,
    `stream '${stream.name}': the read from the future state ${brief(state)} returned ${read.records.length} record(s), e.g. ${keyOf(first, stream.primaryKey)}: ${brief(first)}`,
    stream.name,
  );
}
