// Benchmark (issue: low-code engine): read 200,000 records of 10 fields, 100 per page, from a
// local paginated API, through the declarative engine and through a minimal hand-written fetch
// loop (the baseline), plus an undici loop for reference. Each variant runs in its own process,
// alternating, ROUNDS times; the median of each is reported with the ratio engine / fetch and
// the peak RSS. Usage: npm run declarative-read -w @ferry/bench [-- records rounds]
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const RECORDS = Number(process.argv[2] ?? 200_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const tsx = ['--conditions=@ferry/source', '--import', 'tsx'];

interface Result {
  variant: string;
  records: number;
  ms: number;
  maxRssMb: number;
}

const server: ChildProcess = spawn(
  process.execPath,
  [...tsx, here('./server.ts'), String(RECORDS)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
try {
  const [chunk] = (await once(server.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  const baseUrl = chunk.toString().trim();
  const results: Record<string, Result[]> = { fetch: [], engine: [], undici: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of Object.keys(results)) {
      const { stdout } = await promisify(execFile)(process.execPath, [
        ...tsx,
        here('./client.ts'),
        variant,
        baseUrl,
        String(RECORDS),
      ]);
      results[variant]?.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Result);
    }
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const summary = Object.entries(results).map(([variant, runs]) => {
    const ms = median(runs.map((r) => r.ms));
    return {
      variant,
      ms,
      rate: RECORDS / (ms / 1000),
      maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
    };
  });
  const base = summary.find((s) => s.variant === 'fetch') as (typeof summary)[number];
  console.log(
    `declarative read: ${RECORDS} records, 10 fields, 100 per page, median of ${ROUNDS} runs each`,
  );
  for (const s of summary) {
    console.log(
      `${s.variant.padEnd(7)} ${Math.round(s.rate).toLocaleString('en').padStart(9)} records/s  ${(s.ms / 1000).toFixed(2)} s  ratio vs fetch ${(s.rate / base.rate).toFixed(2)}  peak RSS ${s.maxRssMb.toFixed(0)} MB`,
    );
  }
  const engine = summary.find((s) => s.variant === 'engine') as (typeof summary)[number];
  console.log(
    `target: engine >= 0.80 x fetch loop -> ${(engine.rate / base.rate).toFixed(2)} ${engine.rate / base.rate >= 0.8 ? 'MET' : 'MISSED'}`,
  );
} finally {
  server.kill();
}
