import type {
  ConnectorManifest,
  DeclarativeRead,
  DeclarativeWrite,
  RecordSchema,
} from '@ferry/manifest';
import { type CompiledCanonical, compileCanonical } from '../canonical/compile-canonical.ts';
import { compileStreamRead } from '../read/stream-reader.ts';
import { compileStreamWrite } from '../write/stream-writer.ts';

/** A validated connector with its declarative streams compiled once, on first use. */
export class LoadedConnector {
  readonly #reads = new Map<number, ReturnType<typeof compileStreamRead>>();
  readonly #writes = new Map<number, ReturnType<typeof compileStreamWrite>>();
  readonly #canonical = new Map<number, CompiledCanonical | undefined>();

  constructor(
    readonly name: string,
    readonly version: string,
    readonly dir: string,
    readonly file: string,
    readonly manifest: ConnectorManifest,
    readonly schemas: Record<string, RecordSchema>,
  ) {}

  compiledRead(index: number): ReturnType<typeof compileStreamRead> {
    let compiled = this.#reads.get(index);
    if (!compiled) {
      const stream = this.manifest.streams[index];
      if (!stream) throw new RangeError(`no stream at index ${index}`);
      compiled = compileStreamRead({
        file: this.file,
        path: `$.streams[${index}]`,
        stream,
        read: stream.read as DeclarativeRead,
      });
      this.#reads.set(index, compiled);
    }
    return compiled;
  }

  compiledWrite(index: number): ReturnType<typeof compileStreamWrite> {
    let compiled = this.#writes.get(index);
    if (!compiled) {
      const stream = this.manifest.streams[index];
      if (!stream) throw new RangeError(`no stream at index ${index}`);
      compiled = compileStreamWrite({
        file: this.file,
        path: `$.streams[${index}]`,
        stream,
        write: stream.write as DeclarativeWrite,
      });
      this.#writes.set(index, compiled);
    }
    return compiled;
  }

  /** The stream's canonical mapping (undefined when it declares none), compiled on first use. */
  compiledCanonical(index: number): CompiledCanonical | undefined {
    if (this.#canonical.has(index)) return this.#canonical.get(index);
    const stream = this.manifest.streams[index];
    if (!stream) throw new RangeError(`no stream at index ${index}`);
    const compiled = compileCanonical(stream, { file: this.file, path: `$.streams[${index}]` });
    this.#canonical.set(index, compiled);
    return compiled;
  }
}
