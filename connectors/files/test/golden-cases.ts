// The golden-file cases of test/regression.test.ts, shared with test/record-fixtures.ts, which
// writes their output to fixtures/golden/<case>.json. The connector makes no HTTP requests, so
// there are no cassettes to replay: each case copies fixtures/input to a temporary folder (with
// fixed modification times, so the state is reproducible) and reads it through the engine.
import { appendFile, cp, mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Connector, openConnector } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';

export const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const FIXED_TIME = new Date('2024-03-05T12:00:00Z');
const APPENDED_TIME = new Date('2024-03-06T12:00:00Z');

/** What a case produced (the testkit's golden format): its records and the last state. */
export interface Golden {
  records: JsonObject[];
  state: JsonObject | null;
}

interface GoldenCase {
  name: string;
  run(input: string, read: Reader): Promise<Golden>;
}

type Reader = (config: JsonObject, state?: JsonObject | null) => Promise<Golden>;

const TYPED = {
  properties: {
    id: { type: 'integer' },
    vip: { type: ['boolean', 'null'] },
    score: { type: ['number', 'null'] },
    tags: { type: ['array', 'null'] },
  },
};

export const CASES: GoldenCase[] = [
  {
    // BOM, CRLF, quotes, an embedded line break, unicode, '' vs null, casting by the schema.
    name: 'customers-typed',
    run: (input, read) => read({ path: join(input, 'customers.csv'), schema: TYPED }),
  },
  {
    // A folder: CSV, JSON Lines and TSV in name order, checkpoints every 3 lines.
    name: 'folder-paged',
    run: (input, read) => read({ path: input, pageSize: 3 }),
  },
  {
    // A cursor column: the final state holds the highest updated_at and the keys read at it.
    name: 'customers-cursor',
    run: (input, read) =>
      read({ path: join(input, 'customers.csv'), cursorField: 'updated_at', schema: TYPED }),
  },
  {
    // Lines appended after a read are all the next read returns.
    name: 'events-appended',
    async run(input, read) {
      const config = { path: join(input, 'events.jsonl') };
      const first = await read(config);
      await appendFile(config.path, await readFile(join(fixtures, 'append', 'events.jsonl')));
      await utimes(config.path, APPENDED_TIME, APPENDED_TIME);
      return read(config, first.state);
    },
  },
];

let opened: Promise<Connector> | undefined;

/** Runs one case on a fresh copy of fixtures/input. */
export async function runCase(golden: GoldenCase): Promise<Golden> {
  const input = await mkdtemp(join(tmpdir(), 'ferry-files-golden-'));
  try {
    await cp(join(fixtures, 'input'), input, { recursive: true });
    for (const name of await readdir(input))
      await utimes(join(input, name), FIXED_TIME, FIXED_TIME);
    opened ??= openConnector(packageDir);
    const connector = await opened;
    const read: Reader = async (config, state) => {
      const out: Golden = { records: [], state: null };
      const options = state ? { state: { records: state } } : {};
      for await (const batch of connector.read(config, options))
        for (const message of batch)
          if (message.type === 'RECORD') out.records.push(message.data);
          else if (message.type === 'STATE') out.state = message.state;
      return out;
    };
    return await golden.run(input, read);
  } finally {
    await rm(input, { recursive: true, force: true });
  }
}

export const goldenFile = (name: string) => join(fixtures, 'golden', `${name}.json`);
