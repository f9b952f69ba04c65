import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The version of @ferry/cli, from its package.json. */
export const CLI_VERSION = pkg.version;
