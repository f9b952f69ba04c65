import type { Connector, StreamInfo, UseOptions } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import { CHECKS } from '../conformance/checks.ts';
import { futureStart, incrementalStart } from '../conformance/incremental-checks.ts';
import { readStream, type StreamRead } from '../conformance/read-stream.ts';

/**
 * The reads the conformance suite makes after a full read of an incremental stream: from its
 * last state, and from that state moved into the future. Recording them lets the suite run
 * against the replay server. Their failures are left for the suite to report.
 */
export async function followUpReads(
  connector: Connector,
  config: JsonObject,
  stream: StreamInfo,
  full: StreamRead,
  use: UseOptions,
): Promise<void> {
  const start = incrementalStart(CHECKS.incremental, stream, full);
  if ('skip' in start) return;
  await readStream(connector, config, stream.name, use, start.state);
  const future = futureStart(stream, start);
  if ('skip' in future) return;
  await readStream(connector, config, stream.name, use, future.state);
}
