import { type Connector, openConnector } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import type { StreamRead } from '../conformance/read-stream.ts';
import { canonical, fieldChanges, keyOf, withoutFields } from '../conformance/records.ts';
import type { Cassette, VersionDiff } from '../contract.ts';
import { loadCassette, loadConfig, recordedStreams } from './fixtures.ts';
import { replayRead } from './replay-read.ts';
import { schemaChanges } from './schema-diff.ts';

export interface DiffOptions {
  /** Version a (usually the released one): a connector package folder or manifest file. */
  a: string;
  /** Version b (usually the candidate). */
  b: string;
  /** The fixtures both versions are replayed on. */
  fixtures: string;
  volatile?: string[];
}

/** Changed records listed at most (the counts and missing keys still cover all of them). */
const MAX_CHANGED = 100;

type StreamDiff = VersionDiff['streams'][number];

/**
 * Replays both versions of a connector on the same cassettes and compares, per recorded
 * stream: record counts, primary keys one version lost, schema changes, records that changed
 * (up to volatile fields) and the final state.
 */
export async function diffVersions(options: DiffOptions): Promise<VersionDiff> {
  const [a, b] = await Promise.all([openConnector(options.a), openConnector(options.b)]);
  const config = await loadConfig(options.fixtures);
  const streams: StreamDiff[] = [];
  for (const stream of recordedStreams(options.fixtures)) {
    const cassette = await loadCassette(options.fixtures, stream);
    const infoA = a.discover().find((s) => s.name === stream);
    const infoB = b.discover().find((s) => s.name === stream);
    const readA = await replayIfPresent(a, config, stream, cassette, infoA !== undefined);
    const readB = await replayIfPresent(b, config, stream, cassette, infoB !== undefined);
    const primaryKey = (infoB ?? infoA)?.primaryKey ?? [];
    streams.push({
      stream,
      ...compareReads(readA, readB, primaryKey, options.volatile ?? []),
      schemaChanges: schemaChanges(infoA, infoB),
      ...errorsOf(readA, readB),
    });
  }
  const equal = streams.every(
    (s) =>
      s.counts.a === s.counts.b &&
      s.missingKeys.a === 0 &&
      s.missingKeys.b === 0 &&
      s.schemaChanges.length === 0 &&
      s.changedRecords.length === 0 &&
      s.stateEqual &&
      s.errors === undefined,
  );
  return { streams, equal };
}

async function replayIfPresent(
  connector: Connector,
  config: JsonObject,
  stream: string,
  cassette: Cassette,
  present: boolean,
): Promise<StreamRead> {
  if (!present)
    return { records: [], state: null, error: `${connector.name} has no stream '${stream}'` };
  return replayRead(connector, config, stream, [cassette]);
}

function errorsOf(a: StreamRead, b: StreamRead): Pick<StreamDiff, 'errors'> {
  if (!a.error && !b.error) return {};
  return { errors: { ...(a.error ? { a: a.error } : {}), ...(b.error ? { b: b.error } : {}) } };
}

function compareReads(
  a: StreamRead,
  b: StreamRead,
  primaryKey: string[],
  volatile: string[],
): Omit<StreamDiff, 'stream' | 'schemaChanges' | 'errors'> {
  const byKey = (records: JsonObject[]) => {
    const map = new Map<string, JsonObject>();
    for (const [index, record] of records.entries()) {
      const key = primaryKey.length > 0 ? keyOf(record, primaryKey) : `#${index}`;
      if (!map.has(key)) map.set(key, withoutFields(record, volatile));
    }
    return map;
  };
  const [left, right] = [byKey(a.records), byKey(b.records)];
  const changedRecords: StreamDiff['changedRecords'] = [];
  for (const [key, record] of left) {
    const other = right.get(key);
    if (!other) changedRecords.push({ key, diff: 'only in a' });
    else if (canonical(record) !== canonical(other))
      changedRecords.push({ key, diff: fieldChanges(record, other).join('; ') });
  }
  for (const key of right.keys())
    if (!left.has(key)) changedRecords.push({ key, diff: 'only in b' });
  return {
    counts: { a: a.records.length, b: b.records.length },
    missingKeys: {
      a: [...right.keys()].filter((key) => !left.has(key)).length,
      b: [...left.keys()].filter((key) => !right.has(key)).length,
    },
    changedRecords: changedRecords.slice(0, MAX_CHANGED),
    stateEqual: canonical(a.state) === canonical(b.state),
  };
}
