import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Connector, openConnector } from '@ferry/declarative';
import { collectUntilError, records, states } from '@ferry/declarative/testing';
import type { JsonObject, LogMessage, WriteResult } from '@ferry/sdk';
import { afterEach } from 'vitest';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

let opened: Promise<Connector> | undefined;
export const files = () => {
  opened ??= openConnector(packageDir);
  return opened;
};

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'ferry-files-'));
  folders.push(folder);
  return folder;
}

/** Reads the `records` stream through the engine, as the runtime does. */
export async function read(config: JsonObject, state?: JsonObject) {
  const connector = await files();
  const { messages, error } = await collectUntilError(
    connector.read(config, state ? { state: { records: state } } : {}),
  );
  return {
    records: records(messages),
    states: states(messages),
    state: states(messages).at(-1),
    logs: messages.filter((m): m is LogMessage => m.type === 'LOG'),
    error: error as { code?: string; message: string } | undefined,
  };
}

/** Writes batches to the `records` stream; one result per record. */
export async function write(config: JsonObject, ...batches: JsonObject[][]) {
  const connector = await files();
  const results: WriteResult[] = [];
  for await (const batch of connector.write(config, 'records', batches)) results.push(...batch);
  return results;
}
