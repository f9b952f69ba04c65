// One measured pipeline run, in its own process so that its peak RSS is its own. Usage:
//   client.ts <loop|inline|pool> <count> <outFile>
// Prints one JSON line: { variant, count, ms, warmupMs, maxRssMb }.
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { executeRun, openPlan, type PlanSpec, RunPool } from '@ferry/runtime';
import type { JsonObject } from '@ferry/sdk';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { MAPPING, makePerson } from './person.ts';

const [variant, countText, out] = process.argv.slice(2) as [string, string, string];
const count = Number(countText);
const connector = fileURLToPath(new URL('./connector', import.meta.url));

/** The baseline: the loop an integrator would write by hand, doing the same work. */
function handWritten(): void {
  const manifest = parse(readFileSync(`${connector}/connector.yaml`, 'utf8')) as {
    streams: { schema: object }[];
  };
  const validate = new Ajv2020({ strict: false }).compile(manifest.streams[0]?.schema as object);
  const fields = Object.entries(MAPPING);
  const fd = openSync(out, 'a');
  let text = '';
  for (let i = 0; i < count; i++) {
    const record = makePerson(i);
    if (!validate(record)) throw new Error('invalid');
    const mapped: JsonObject = {};
    for (const [to, from] of fields) mapped[to] = record[from];
    text += `${JSON.stringify(mapped)}\n`;
    if ((i + 1) % 1000 === 0) {
      writeSync(fd, text);
      text = '';
    }
  }
  writeSync(fd, text);
  closeSync(fd);
}

const plan: PlanSpec = {
  runId: 'bench',
  recipe: 'bench',
  source: { target: connector, config: { count }, stream: 'people' },
  destination: { target: connector, config: { path: out }, stream: 'lines' },
  mapping: MAPPING,
};
const sink = { commit: async () => {} };

// The pipeline variants first sync one record (not timed): it starts the worker thread and
// loads and compiles the connectors, as a running daemon has already done. Its time is
// reported as warmupMs.
const warmup = {
  ...plan,
  source: { ...plan.source, config: { count: 1 } },
  destination: { ...plan.destination, config: { path: `${out}.warmup` } },
};
const pool = variant === 'pool' ? new RunPool({ threads: 1 }) : undefined;
let warmupMs = 0;
if (variant !== 'loop') {
  const warming = performance.now();
  if (pool) await pool.run(warmup, sink);
  else await executeRun(await openPlan(warmup), sink);
  warmupMs = performance.now() - warming;
}
const started = performance.now();
if (variant === 'loop') handWritten();
else if (pool) await pool.run(plan, sink);
else await executeRun(await openPlan(plan), sink);
const ms = performance.now() - started;
await pool?.close();
const lines = countLines(out);
if (lines !== count) throw new Error(`${variant} wrote ${lines} lines, expected ${count}`);
console.log(
  JSON.stringify({ variant, count, ms, warmupMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);

/** Counts the lines of a file in 1 MB chunks (reading it whole would inflate the peak RSS). */
function countLines(file: string): number {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
    for (let i = 0; i < n; i++) if (buffer[i] === 10) lines++;
  }
  closeSync(fd);
  return lines;
}
