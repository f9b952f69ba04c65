import type { HttpClient } from './http.ts';
import type { Logger } from './logger.ts';
import type { JsonObject } from './messages.ts';

interface BaseContext<Config> {
  /** The connector name, the stream and the operation this context serves. */
  connector: string;
  config: Config;
  http: HttpClient;
  logger: Logger;
  signal: AbortSignal;
}

export interface ReadContext<Config, State> extends BaseContext<Config> {
  stream: string;
  /** The state saved by the last completed read, or undefined for a first read. */
  state: State | undefined;
  primaryKey: string[];
  cursorField: string | undefined;
}

/** What a read handler yields: a record, or a checkpoint covering every record yielded before it. */
export type ReadItem<State> = { record: JsonObject } | { state: State };

export type ReadHandler<Config = JsonObject, State = JsonObject> = (
  context: ReadContext<Config, State>,
) => AsyncIterable<ReadItem<State>>;

export interface WriteContext<Config> extends BaseContext<Config> {
  stream: string;
  primaryKey: string[];
}

/** The outcome of one record of a batch; `index` is its position in the batch. */
export interface WriteResult {
  index: number;
  status: 'accepted' | 'rejected';
  reason?: string;
  /** The id the destination gave the record, when it tells. */
  id?: string;
}

/** Writes one batch and reports every record's outcome; rejections are results, not throws. */
export type WriteHandler<Config = JsonObject> = (
  context: WriteContext<Config>,
  records: JsonObject[],
) => Promise<WriteResult[]>;

export type CheckResult = { ok: true } | { ok: false; message: string };

export type CheckHandler<Config = JsonObject> = (
  context: BaseContext<Config>,
) => Promise<CheckResult>;

/**
 * Typed helpers for a connector's handlers, bound to its config type. They return what they
 * are given (no runtime cost), like vite's defineConfig:
 *
 *   const connector = defineConnector<Config>();
 *   export const readRates = connector.read<State>(async function* (ctx) { ... });
 */
export function defineConnector<Config = JsonObject>() {
  return {
    read: <State = JsonObject>(handler: ReadHandler<Config, State>) => handler,
    write: (handler: WriteHandler<Config>) => handler,
    check: (handler: CheckHandler<Config>) => handler,
  };
}

export type { BaseContext as ConnectorContext };
