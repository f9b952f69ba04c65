import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { defineConnector } from '@ferry/sdk';
import type { Config } from './config.ts';
import { settings } from './config.ts';
import { csvEntries } from './csv-reader.ts';
import { formatOf } from './format.ts';
import { hasGlob } from './glob.ts';
import { jsonlEntries } from './jsonl-reader.ts';
import { listFiles } from './list-files.ts';

const connector = defineConnector<Config>();

/**
 * `ferry check`: the path can be listed and the first file's format is known and its first
 * record parses; a single file that does not exist yet passes when its folder is writable
 * (a destination creates it on first write).
 */
export const checkPath = connector.check(async (ctx) => {
  const { path } = ctx.config;
  try {
    if (!hasGlob(path) && !(await stat(path).catch(() => undefined))) {
      const folder = dirname(path);
      const writable = await access(folder, constants.W_OK).then(
        () => true,
        () => false,
      );
      return writable
        ? { ok: true }
        : { ok: false, message: `${path} does not exist and ${folder} is not a writable folder` };
    }
    const [first] = await listFiles(path);
    if (!first) return { ok: true };
    const format = formatOf(first.path, ctx.config);
    const start = { offset: 0, lines: 0 };
    const entries =
      format.format === 'csv'
        ? csvEntries(first.path, start, format, settings(ctx.config).types)
        : jsonlEntries(first.path, start);
    for await (const entry of entries) {
      if (entry.kind === 'malformed')
        return { ok: false, message: `${first.path}:${entry.line}: ${entry.reason}` };
      if (entry.kind === 'record') break;
    }
    return { ok: true };
  } catch (error) {
    const coded = error as { code?: string; message?: string };
    return { ok: false, message: `${coded.code ? `${coded.code}: ` : ''}${coded.message}` };
  }
});
