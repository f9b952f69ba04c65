#!/usr/bin/env node
// The `ferry` binary. Inside the Ferry repository (src/ is present) it runs the TypeScript
// sources through tsx, resolving workspace packages to their sources with the
// `@ferry/source` condition, so no build step is needed; a published package runs dist/.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const fromSource = existsSync(new URL('../src/main.ts', import.meta.url));
if (fromSource) {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  register('./source-condition.js', import.meta.url);
}
const { main } = await import(fromSource ? '../src/main.ts' : '../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
