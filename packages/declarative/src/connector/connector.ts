import type { ConfigSchema, RecordSchema } from '@ferry/manifest';
import type {
  CheckHandler,
  CheckResult,
  HttpClient,
  JsonObject,
  Message,
  WriteHandler,
  WriteResult,
} from '@ferry/sdk';
import type { CompiledCanonical } from '../canonical/compile-canonical.ts';
import { engineErrors } from '../errors.ts';
import { loadHandler } from '../handlers/load.ts';
import { createLogger, redactText } from '../handlers/logger.ts';
import { wrapError } from '../handlers/wrap.ts';
import type { HttpClientOptions } from '../http/types.ts';
import { compileRequest } from '../read/request.ts';
import { prepareConfig } from './config.ts';
import type { LoadedConnector } from './loaded.ts';
import { type ReadOptions, readStreams } from './read.ts';
import { RunContext } from './runtime-context.ts';

export interface ConnectorSpec {
  name: string;
  version: string;
  title: string;
  description?: string;
  runtime: string;
  config: ConfigSchema;
}

export interface StreamInfo {
  name: string;
  schema: RecordSchema;
  primaryKey: string[];
  cursorField?: string;
  syncModes: ('full' | 'incremental')[];
  writable: boolean;
  /** The canonical entity the stream's records map onto, when it declares one. */
  canonical?: string;
}

export interface UseOptions {
  /** Emit debug logs (requests, token refreshes). */
  debug?: boolean;
  /** Replaces the manifest's permissions: only these hosts may be reached (replay, sandboxes). */
  allowHosts?: string[];
  /** Sees every HTTP exchange (the testkit records cassettes with it). */
  onExchange?: HttpClientOptions['onExchange'];
}

/** A runnable connector: what `ferry spec|check|discover|read` and the runtime use. */
export interface Connector {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  readonly file: string;
  /** What it was opened from (a package folder or a manifest file): reopen it with this. */
  readonly target: string;
  spec(): ConnectorSpec;
  discover(): StreamInfo[];
  /**
   * How a stream's records map onto the canonical dictionary, compiled once; undefined when the
   * stream declares no `canonical` block or does not exist. A template that does not parse
   * throws FERRY_EXPRESSION_SYNTAX with the manifest file and the template's JSON path.
   */
  canonical(stream: string): CompiledCanonical | undefined;
  check(config: unknown, options?: UseOptions): Promise<CheckResult>;
  /** Batches of messages: RECORD and STATE (and LOG), in order. Throws a coded FerryError. */
  read(config: unknown, options?: ReadOptions & UseOptions): AsyncGenerator<Message[]>;
  /** Writes batches of records to a stream; yields one result per record, batch by batch. */
  write(
    config: unknown,
    stream: string,
    batches: AsyncIterable<JsonObject[]> | Iterable<JsonObject[]>,
    options?: UseOptions,
  ): AsyncGenerator<WriteResult[]>;
}

export function createConnector(loaded: LoadedConnector, target: string): Connector {
  const { manifest } = loaded;
  const context = (config: unknown, options: UseOptions = {}) => {
    const prepared = prepareConfig(manifest.config, config, { connector: loaded.name });
    return new RunContext(
      loaded.name,
      loaded.file,
      prepared.config,
      prepared.secrets,
      manifest.http,
      manifest.permissions,
      options,
    );
  };

  return {
    name: loaded.name,
    version: loaded.version,
    dir: loaded.dir,
    file: loaded.file,
    target,
    spec: () => ({
      name: loaded.name,
      version: loaded.version,
      title: manifest.title,
      ...(manifest.description ? { description: manifest.description } : {}),
      runtime: manifest.runtime,
      config: manifest.config,
    }),
    discover: () =>
      manifest.streams.map((stream) => ({
        name: stream.name,
        schema: loaded.schemas[stream.name] as RecordSchema,
        primaryKey: Array.isArray(stream.primaryKey) ? stream.primaryKey : [stream.primaryKey],
        ...(stream.cursorField ? { cursorField: stream.cursorField } : {}),
        syncModes: stream.read ? (stream.cursorField ? ['full', 'incremental'] : ['full']) : [],
        writable: stream.write !== undefined,
        ...(stream.canonical ? { canonical: stream.canonical.entity } : {}),
      })),
    canonical(name) {
      const index = manifest.streams.findIndex((s) => s.name === name);
      return index === -1 ? undefined : loaded.compiledCanonical(index);
    },

    async check(config, options) {
      let run: RunContext | undefined;
      try {
        run = context(config, options);
        const check = manifest.check ?? { stream: manifest.streams.find((s) => s.read)?.name };
        if (check.handler) {
          const handler = await loadHandler<CheckHandler>(loaded.dir, check.handler, {
            file: loaded.file,
            path: '$.check.handler',
          });
          return await handler(baseContext(run, await run.client()));
        }
        if (check.request) {
          const http = await run.client();
          await http.request(
            await compileRequest(check.request, {
              file: loaded.file,
              path: '$.check.request',
            }).render({ config: run.config }),
          );
          return { ok: true };
        }
        if (check.stream) {
          const pages = readStreams(loaded, run, { streams: [check.stream] });
          await pages.next();
          await pages.return(undefined);
        }
        return { ok: true };
      } catch (error) {
        const wrapped = wrapError(
          error,
          { connector: loaded.name, operation: 'check' },
          run?.secrets ?? [],
        );
        return {
          ok: false,
          message: `${wrapped.code}: ${redactText(wrapped.message, run?.secrets ?? [])}`,
        };
      } finally {
        await run?.close();
      }
    },

    async *read(config, options = {}) {
      const run = context(config, options);
      try {
        yield* readStreams(loaded, run, options);
      } finally {
        await run.close();
      }
    },

    async *write(config, streamName, batches, options) {
      const run = context(config, options);
      const index = manifest.streams.findIndex((s) => s.name === streamName);
      const stream = manifest.streams[index];
      try {
        if (!stream)
          throw engineErrors.create(
            'FERRY_STREAM_NOT_FOUND',
            `${loaded.name} has no stream '${streamName}'`,
            { file: loaded.file, path: '$.streams' },
          );
        if (!stream.write)
          throw engineErrors.create(
            'FERRY_STREAM_NOT_WRITABLE',
            `stream '${streamName}' of ${loaded.name} cannot be written`,
            { file: loaded.file, path: `$.streams[${index}]` },
          );
        const write = stream.write;
        const where = {
          connector: loaded.name,
          stream: streamName,
          operation: 'write' as const,
          file: loaded.file,
          path: `$.streams[${index}].write`,
        };
        let send: (records: JsonObject[]) => Promise<WriteResult[]>;
        let size: number;
        if ('handler' in write) {
          const handler = await loadHandler<WriteHandler>(loaded.dir, write.handler, {
            file: loaded.file,
            path: `${where.path}.handler`,
          });
          const http = await run.client();
          const ctx = {
            ...baseContext(run, http, streamName),
            stream: streamName,
            primaryKey: Array.isArray(stream.primaryKey) ? stream.primaryKey : [stream.primaryKey],
          };
          send = (records) => handler(ctx, records);
          size = write.batchSize ?? 100;
        } else {
          const compiled = loaded.compiledWrite(index);
          const http = await run.client(write.http, `${where.path}.http`);
          send = (records) => compiled.send({ http, config: run.config }, records);
          size = compiled.batchSize;
        }
        try {
          for await (const records of batches) {
            for (let start = 0; start < records.length; start += size) {
              const results = await send(
                start === 0 && records.length <= size
                  ? records
                  : records.slice(start, start + size),
              );
              if (start > 0) for (const result of results) result.index += start;
              yield results;
            }
          }
        } catch (error) {
          throw wrapError(error, where, run.secrets);
        }
      } finally {
        await run.close();
      }
    },
  };

  function baseContext(run: RunContext, http: HttpClient, stream?: string) {
    return {
      connector: loaded.name,
      config: run.config,
      http,
      logger: createLogger((m) => run.logs.push(m), {
        ...(stream ? { stream } : {}),
        secrets: run.secrets,
        debug: run.debug,
      }),
      signal: new AbortController().signal,
    };
  }
}
