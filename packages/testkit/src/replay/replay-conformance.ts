import type { ConformanceOptions } from '../contract.ts';
import { loadCassette, loadConfig, recordedStreams } from './fixtures.ts';
import { replayConfig } from './replay-read.ts';
import { replayServer } from './server.ts';

/** Conformance options that run offline against a replay server of the fixtures. */
export interface ReplayedConformance {
  options: ConformanceOptions;
  /** Requests the cassettes had no answer for, so far. */
  unmatched: string[];
  close(): Promise<void>;
}

/**
 * Serves every cassette of a fixtures folder and returns conformance options pointing at it:
 * the fixtures config (secrets `***`, base URL = the server), only the server reachable, and
 * the recorded streams. `ferry record` also records the suite's follow-up reads, so the
 * incremental checks have their answers. Close it when the checks are done.
 */
export async function replayedConformance(
  options: Omit<ConformanceOptions, 'config'> & { fixtures: string },
): Promise<ReplayedConformance> {
  const { fixtures, ...rest } = options;
  const streams = options.streams ?? recordedStreams(fixtures);
  const [config, cassettes] = await Promise.all([
    loadConfig(fixtures),
    Promise.all(recordedStreams(fixtures).map((stream) => loadCassette(fixtures, stream))),
  ]);
  const server = await replayServer(cassettes);
  return {
    options: {
      ...rest,
      streams,
      config: replayConfig(config, server.url),
      allowHosts: [server.host],
    },
    unmatched: server.unmatched,
    close: () => server.close(),
  };
}
