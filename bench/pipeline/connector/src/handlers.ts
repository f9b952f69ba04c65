import { closeSync, openSync, writeSync } from 'node:fs';
import { defineConnector, type JsonObject } from '@ferry/sdk';
import { makePerson } from '../../person.ts';

const connector = defineConnector<{ count: number; path: string }>();

/** Yields `count` synthetic people of about 1 KB each. */
export const generate = connector.read(async function* (ctx) {
  for (let i = 0; i < ctx.config.count; i++) yield { record: makePerson(i) };
});

const files = new Map<string, number>();
process.on('exit', () => {
  for (const fd of files.values()) closeSync(fd);
});

/** Appends each batch to a JSON Lines file in one write. */
export const appendLines = connector.write(async (ctx, records: JsonObject[]) => {
  let fd = files.get(ctx.config.path);
  if (fd === undefined) {
    fd = openSync(ctx.config.path, 'a');
    files.set(ctx.config.path, fd);
  }
  let text = '';
  for (const record of records) text += `${JSON.stringify(record)}\n`;
  writeSync(fd, text);
  return records.map((_, index) => ({ index, status: 'accepted' as const }));
});
