import type { Connector, UseOptions } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';

/** What one read of one stream produced: its records, its last state, or how it failed. */
export interface StreamRead {
  records: JsonObject[];
  state: JsonObject | null;
  /** The read's error message, when it failed (records before the failure are kept). */
  error?: string;
  /** The error itself, for callers that rethrow it. */
  cause?: unknown;
}

/** Reads one stream (from a state, when given) and keeps its records and last STATE. */
export async function readStream(
  connector: Connector,
  config: JsonObject,
  stream: string,
  use: UseOptions,
  state?: JsonObject,
): Promise<StreamRead> {
  const records: JsonObject[] = [];
  let last: JsonObject | null = null;
  try {
    for await (const batch of connector.read(config, {
      ...use,
      streams: [stream],
      ...(state ? { state: { [stream]: state } } : {}),
    })) {
      for (const message of batch) {
        if (message.stream !== stream) continue;
        if (message.type === 'RECORD') records.push(message.data);
        else if (message.type === 'STATE') last = message.state;
      }
    }
  } catch (error) {
    const coded = error as { code?: string; message?: string };
    const message = coded.code ? `${coded.code}: ${coded.message}` : String(coded.message ?? error);
    return { records, state: last, error: message, cause: error };
  }
  return { records, state: last };
}
