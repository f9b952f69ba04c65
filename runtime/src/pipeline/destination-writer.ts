import type { Connector } from '@ferry/declarative';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { Channel } from './channel.ts';

/**
 * One long-lived write to a destination stream: `write(records)` sends a batch and resolves
 * with one result per record once the destination has acknowledged all of them.
 */
export class DestinationWriter {
  readonly #input = new Channel<JsonObject[]>();
  readonly #results: AsyncGenerator<WriteResult[]>;

  constructor(connector: Connector, config: unknown, stream: string) {
    this.#results = connector.write(config, stream, this.#input);
  }

  async write(records: JsonObject[]): Promise<WriteResult[]> {
    if (records.length === 0) return [];
    this.#input.push(records);
    const out: WriteResult[] = [];
    while (out.length < records.length) {
      const next = await this.#results.next();
      if (next.done)
        throw new Error('the destination write ended before acknowledging every record');
      out.push(...next.value);
    }
    return out;
  }

  async close(): Promise<void> {
    this.#input.close();
    await this.#results.return(undefined);
  }
}
