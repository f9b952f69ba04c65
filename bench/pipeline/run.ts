// Benchmark (issue: runtime): records of about 1 KB, validated against their schema, mapped
// (10 fields) and written as JSON Lines, through a hand-written loop (the baseline), the
// pipeline in-process, and the pipeline in the worker pool; at 100k and 1M records, each run in
// its own process. The pipeline variants are timed after a one-record warm-up (thread start,
// connector loading: what a running daemon has already done; its time is printed). Prints
// rates, ratios and peak RSS. Usage:
//   npm run pipeline -w @ferry/bench [-- sizes rounds]   (sizes comma-separated)
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const SIZES = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
const ROUNDS = Number(process.argv[3] ?? 1);
const client = fileURLToPath(new URL('./client.ts', import.meta.url));
const VARIANTS = ['loop', 'inline', 'pool'] as const;

interface Result {
  variant: string;
  count: number;
  ms: number;
  warmupMs: number;
  maxRssMb: number;
}

const dir = await mkdtemp(join(tmpdir(), 'ferry-bench-pipeline-'));
try {
  const rows: Record<string, Record<number, Result>> = { loop: {}, inline: {}, pool: {} };
  for (const size of SIZES) {
    const runs: Record<string, Result[]> = { loop: [], inline: [], pool: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const variant of VARIANTS) {
        const out = join(dir, `${variant}-${size}-${round}.jsonl`);
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ['--conditions=@ferry/source', '--import', 'tsx', client, variant, String(size), out],
          { maxBuffer: 1 << 20 },
        );
        runs[variant]?.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Result);
        await rm(out);
      }
    }
    for (const variant of VARIANTS) {
      const sorted = [...(runs[variant] ?? [])].sort((a, b) => a.ms - b.ms);
      const median = sorted[Math.floor(sorted.length / 2)] as Result;
      (rows[variant] as Record<number, Result>)[size] = {
        ...median,
        maxRssMb: Math.max(...sorted.map((r) => r.maxRssMb)),
      };
    }
  }
  console.log(
    `pipeline: ~1 KB records, validate + map 10 fields + JSON Lines; median of ${ROUNDS} run(s), one process each`,
  );
  for (const size of SIZES) {
    const rate = (v: string) => size / ((rows[v]?.[size]?.ms ?? 1) / 1000);
    for (const v of VARIANTS) {
      const r = rows[v]?.[size] as Result;
      console.log(
        `${String(size).padStart(8)} ${v.padEnd(6)} ${Math.round(rate(v)).toLocaleString('en').padStart(9)} records/s  ${(r.ms / 1000).toFixed(2)} s  peak RSS ${r.maxRssMb.toFixed(0)} MB${r.warmupMs ? `  (warm-up ${(r.warmupMs / 1000).toFixed(2)} s, not timed)` : ''}`,
      );
    }
    console.log(
      `${String(size).padStart(8)} ratios: inline/loop ${(rate('inline') / rate('loop')).toFixed(2)} (target 0.80), pool/inline ${(rate('pool') / rate('inline')).toFixed(2)} (target 0.90), pool ${Math.round(rate('pool')).toLocaleString('en')}/s (target 200,000)`,
    );
  }
  if (SIZES.length > 1) {
    const first = SIZES[0] as number;
    const last = SIZES.at(-1) as number;
    for (const v of VARIANTS)
      console.log(
        `peak RSS ${v}: ${rows[v]?.[first]?.maxRssMb.toFixed(0)} MB at ${first} -> ${rows[v]?.[last]?.maxRssMb.toFixed(0)} MB at ${last}`,
      );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
