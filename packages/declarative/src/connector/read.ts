import type { HandlerRef, Stream } from '@ferry/manifest';
import type { JsonObject, Message, ReadHandler, ReadItem } from '@ferry/sdk';
import { engineErrors } from '../errors.ts';
import { loadHandler } from '../handlers/load.ts';
import { createLogger } from '../handlers/logger.ts';
import { wrapError } from '../handlers/wrap.ts';
import type { LoadedConnector } from './loaded.ts';
import type { RunContext } from './runtime-context.ts';

export interface ReadOptions {
  /** Streams to read, in manifest order; default every readable stream. */
  streams?: string[];
  /** Stream name -> the state a previous read emitted last. */
  state?: Record<string, JsonObject>;
  signal?: AbortSignal;
}

const HANDLER_BATCH = 500;

/** Reads the selected streams; yields batches of messages (records, STATE and LOG). */
export async function* readStreams(
  connector: LoadedConnector,
  run: RunContext,
  options: ReadOptions,
): AsyncGenerator<Message[]> {
  const selected = selectStreams(connector, options.streams);
  for (const { stream, index } of selected) {
    const where = {
      connector: connector.name,
      stream: stream.name,
      operation: 'read' as const,
      file: connector.file,
      path: `$.streams[${index}].read`,
    };
    try {
      for await (const batch of readOne(
        connector,
        run,
        stream,
        index,
        options.state?.[stream.name],
        options.signal,
      )) {
        const logs = run.drainLogs();
        yield logs.length > 0 ? [...logs, ...batch] : batch;
      }
    } catch (error) {
      throw wrapError(error, where, run.secrets);
    }
  }
  const logs = run.drainLogs();
  if (logs.length > 0) yield logs;
}

function selectStreams(connector: LoadedConnector, names: string[] | undefined) {
  const all = connector.manifest.streams.map((stream, index) => ({ stream, index }));
  if (!names || names.length === 0) return all.filter(({ stream }) => stream.read);
  return names.map((name) => {
    const found = all.find(({ stream }) => stream.name === name);
    if (!found) {
      throw engineErrors.create(
        'FERRY_STREAM_NOT_FOUND',
        `${connector.name} has no stream '${name}'`,
        {
          file: connector.file,
          path: '$.streams',
          hint: `streams: ${all.map(({ stream }) => stream.name).join(', ')}`,
        },
      );
    }
    if (!found.stream.read) {
      throw engineErrors.create(
        'FERRY_STREAM_NOT_FOUND',
        `stream '${name}' of ${connector.name} cannot be read (it has no read definition)`,
        {
          file: connector.file,
          path: `$.streams[${found.index}]`,
        },
      );
    }
    return found;
  });
}

function readOne(
  connector: LoadedConnector,
  run: RunContext,
  stream: Stream,
  index: number,
  state: JsonObject | undefined,
  signal: AbortSignal | undefined,
): AsyncIterable<Message[]> {
  const read = stream.read as NonNullable<Stream['read']>;
  if ('handler' in read) return readWithHandler(connector, run, stream, index, read, state, signal);
  const compiled = connector.compiledRead(index);
  return (async function* () {
    const http = await run.client(read.http, `$.streams[${index}].read.http`);
    yield* compiled({
      http,
      config: run.config,
      state,
      readParent: (name) => parentRecords(connector, run, name, signal),
    });
  })();
}

async function* parentRecords(
  connector: LoadedConnector,
  run: RunContext,
  name: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<JsonObject[]> {
  for await (const batch of readStreams(connector, run, {
    streams: [name],
    ...(signal ? { signal } : {}),
  })) {
    const records = batch.flatMap((m) => (m.type === 'RECORD' ? [m.data] : []));
    if (records.length > 0) yield records;
  }
}

async function* readWithHandler(
  connector: LoadedConnector,
  run: RunContext,
  stream: Stream,
  index: number,
  ref: HandlerRef,
  state: JsonObject | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<Message[]> {
  const path = `$.streams[${index}].read.handler`;
  const handler = await loadHandler<ReadHandler>(connector.dir, ref.handler, {
    file: connector.file,
    path,
  });
  const http = await run.client(undefined);
  const items: AsyncIterable<ReadItem<JsonObject>> = handler({
    connector: connector.name,
    stream: stream.name,
    config: run.config,
    state,
    http,
    logger: createLogger((m) => run.logs.push(m), {
      stream: stream.name,
      secrets: run.secrets,
      debug: run.debug,
    }),
    signal: signal ?? new AbortController().signal,
    primaryKey: Array.isArray(stream.primaryKey) ? stream.primaryKey : [stream.primaryKey],
    cursorField: stream.cursorField,
  });
  let batch: Message[] = [];
  try {
    for await (const item of items) {
      if ('record' in item) {
        batch.push({ type: 'RECORD', stream: stream.name, data: item.record });
        if (batch.length < HANDLER_BATCH) continue;
      } else {
        batch.push({ type: 'STATE', stream: stream.name, state: item.state as JsonObject });
      }
      yield batch;
      batch = [];
    }
  } catch (error) {
    // Records the handler produced before it failed are still delivered; no STATE covers them.
    if (batch.length > 0) yield batch;
    throw error;
  }
  if (batch.length > 0) yield batch;
}
