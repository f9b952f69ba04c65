import type { Connector } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import { readStream, type StreamRead } from '../conformance/read-stream.ts';
import type { Cassette } from '../contract.ts';
import { ORIGIN_PLACEHOLDER, replaceInStrings } from './fixtures.ts';
import { replayServer } from './server.ts';

/** The fixtures config made live for one replay server: its origin in place of the placeholder. */
export function replayConfig(config: JsonObject, serverUrl: string): JsonObject {
  return replaceInStrings(config, ORIGIN_PLACEHOLDER, serverUrl);
}

/**
 * Reads one stream offline: a replay server answers from the cassettes and it is the only host
 * the connector may reach (`allowHosts`). Records and state come back with the server's origin
 * put back to the placeholder, comparable with golden files; a failed read names the requests
 * the cassettes had no answer for.
 */
export async function replayRead(
  connector: Connector,
  fixturesConfig: JsonObject,
  stream: string,
  cassettes: Cassette[],
): Promise<StreamRead> {
  const server = await replayServer(cassettes);
  try {
    const read = await readStream(connector, replayConfig(fixturesConfig, server.url), stream, {
      allowHosts: [server.host],
    });
    const output = replaceInStrings(
      { records: read.records, state: read.state },
      server.url,
      ORIGIN_PLACEHOLDER,
    );
    if (read.error === undefined) return output;
    const unmatched = server.unmatched.length > 0 ? `\n${server.unmatched.join('\n')}` : '';
    return { ...output, error: `${read.error}${unmatched}`, cause: read.cause };
  } finally {
    await server.close();
  }
}
