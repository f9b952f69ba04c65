import type { DeclarativeRead, Stream } from '@ferry/manifest';
import type { HttpClient, HttpResponse, JsonObject, Message } from '@ferry/sdk';
import { durationMs } from '../duration.ts';
import { engineErrors } from '../errors.ts';
import { compileTemplate } from '../expression/template.ts';
import { type CursorState, CursorTracker } from './cursor.ts';
import { compileExtractor } from './extract.ts';
import { inject } from './inject.ts';
import { createPaginator } from './paginator.ts';
import { compilePartitions } from './partitions.ts';
import { compileRequest } from './request.ts';
import { compileTransforms } from './transforms.ts';

export interface StreamReadInput {
  file: string;
  /** The stream's JSON path in the manifest, e.g. `$.streams[1]`. */
  path: string;
  stream: Stream;
  read: DeclarativeRead;
  http: HttpClient;
  config: JsonObject;
  state: JsonObject | undefined;
  /** Reads another stream of the connector in full (for parent/child partitions). */
  readParent: (stream: string) => AsyncIterable<JsonObject[]>;
}

/** The state of a partitioned stream: one cursor state per partition, with its partition value. */
interface PartitionedState {
  partitions: Record<string, CursorState & { partition: unknown }>;
}

/**
 * A compiled declarative stream. `read` yields one batch of messages per page: the page's
 * records, then (for sorted incremental streams) a STATE that covers them; unsorted incremental
 * streams checkpoint when a partition is complete.
 */
export function compileStreamRead(
  input: Omit<StreamReadInput, 'http' | 'config' | 'state' | 'readParent'>,
) {
  const { file, path, stream, read } = input;
  const where = (sub: string) => ({ file, path: `${path}.read.${sub}` });
  const request = compileRequest(read.request, where('request'));
  const extract = compileExtractor(read.records?.path, where('records.path'));
  const filter = read.records?.filter
    ? compileTemplate(read.records.filter, where('records.filter'))
    : undefined;
  const transform = compileTransforms(read.transforms, where('transforms'));
  const partitions = compilePartitions(read.partitions, where('partitions'));
  const incremental = read.incremental;
  const start = incremental?.start
    ? compileTemplate(incremental.start, where('incremental.start'))
    : undefined;
  const primaryKey = Array.isArray(stream.primaryKey) ? stream.primaryKey : [stream.primaryKey];
  const keyOf = (record: JsonObject) => JSON.stringify(primaryKey.map((k) => record[k]));
  const name = stream.name;

  return async function* readStream(
    run: Pick<StreamReadInput, 'http' | 'config' | 'state' | 'readParent'>,
  ): AsyncGenerator<Message[]> {
    const partitioned = read.partitions !== undefined;
    const streamState: JsonObject = partitioned
      ? { partitions: { ...((run.state as PartitionedState | undefined)?.partitions ?? {}) } }
      : { ...run.state };
    let lastEmitted = '';
    const stateMessage = (): Message => {
      lastEmitted = JSON.stringify(streamState);
      return { type: 'STATE', stream: name, state: structuredClone(streamState) };
    };
    for await (const part of partitions(run)) {
      const previous = partitioned
        ? (streamState as unknown as PartitionedState).partitions[part.key]
        : (run.state as CursorState | undefined);
      const base: Record<string, unknown> = {
        config: run.config,
        state: previous,
        ...part.bindings,
      };
      const track = (from: CursorState | undefined, lookbackMs: number, configStart: unknown) =>
        incremental && stream.cursorField
          ? new CursorTracker({
              type: incremental.type,
              field: stream.cursorField,
              ...(incremental.format ? { format: incremental.format } : {}),
              ...(incremental.requestFormat ? { requestFormat: incremental.requestFormat } : {}),
              lookbackMs,
              start: configStart,
              previous: from,
              keyOf,
              stream: name,
            })
          : undefined;
      let tracker = track(
        previous,
        durationMs(incremental?.lookback, 0),
        start ? await start.render(base) : undefined,
      );
      base.cursor = { start: tracker?.start };
      const record = (checkpoint: CursorState | undefined) => {
        if (!checkpoint) return;
        if (partitioned)
          (streamState as unknown as PartitionedState).partitions[part.key] = {
            ...checkpoint,
            partition: part.value,
          };
        else Object.assign(streamState, checkpoint);
      };
      const paginator = createPaginator(read.pagination, where('pagination'));
      const firstPage = async () => {
        const first = paginator.first(await request.render(base));
        return incremental?.inject && tracker?.start !== undefined
          ? inject(first, incremental.inject, tracker.start)
          : first;
      };
      let next: Awaited<ReturnType<typeof request.render>> | undefined = await firstPage();
      let restartedAt: string | number | undefined;
      while (next) {
        const response = await run.http.request(next);
        const body = response.ignored ? undefined : bodyOf(response);
        const records = response.ignored ? [] : extract(body);
        const batch: Message[] = [];
        for (const data of records) {
          if (filter && !(await filter.render({ ...base, record: data }))) continue;
          if (transform) {
            const pending = transform(data, base);
            if (pending) await pending;
          }
          if (tracker) {
            if (!tracker.accept(data)) continue;
            tracker.observe(data);
          }
          batch.push({ type: 'RECORD', stream: name, data });
        }
        if (tracker && incremental?.sorted && batch.length > 0) {
          record(tracker.checkpoint());
          batch.push(stateMessage());
        }
        if (batch.length > 0) yield batch;
        const page = { response, body, records, context: base };
        if (tracker && (await paginator.restarts(page))) {
          // A capped search (HubSpot stops at 10,000 results): search again from the last
          // cursor, inclusive, skipping the keys already read at that value.
          const reached = tracker.checkpoint();
          if (reached?.cursor === undefined || reached.cursor === restartedAt)
            throw engineErrors.create(
              'FERRY_PAGINATION_RESTART_STUCK',
              `stream "${name}": the search reached its cap again at cursor ${String(reached?.cursor)}`,
              where('pagination.restart'),
            );
          restartedAt = reached.cursor;
          tracker = track(reached, 0, undefined);
          base.cursor = { start: tracker?.start };
          next = await firstPage();
          continue;
        }
        next = await paginator.next(next, page);
      }
      if (tracker) {
        record(tracker.checkpoint());
        if (JSON.stringify(streamState) !== lastEmitted) yield [stateMessage()];
      }
    }
  };
}

function bodyOf(response: HttpResponse): unknown {
  if (response.text === '') return undefined;
  try {
    return response.json();
  } catch {
    return response.text;
  }
}
