// Benchmark: read N HubSpot contacts (default 20,000, so past the search API's 10,000-result cap)
// from the HubSpot sandbox (rate limits off, in its own process) through the connector
// (@ferry/connector-hubspot via openConnector) and through a hand-written fetch loop doing the
// same search pagination and restart (the baseline). Each variant runs in its own process,
// alternating, ROUNDS times; the median of each is reported with the ratio engine / fetch and
// the peak RSS of each process. Usage: npm run hubspot-read -w @ferry/bench [-- contacts rounds]
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const CONTACTS = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 3);
// every seeded contact has an email but one (the sandbox's curated walk-in customer)
const EXPECTED = CONTACTS >= 6 ? CONTACTS - 1 : CONTACTS;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const tsx = ['--conditions=@ferry/source', '--import', 'tsx'];

interface Result {
  variant: string;
  records: number;
  ms: number;
  openMs: number;
  maxRssMb: number;
}

const server: ChildProcess = spawn(
  process.execPath,
  [...tsx, here('./server.ts'), String(CONTACTS)],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
let serverRss = '';
server.stderr?.on('data', (chunk: Buffer) => {
  serverRss += chunk.toString();
});
try {
  const [chunk] = (await once(server.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  const [baseUrl, token] = chunk.toString().trim().split(' ') as [string, string];
  const measure = async (variant: string) => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...tsx, here('./client.ts'), variant, baseUrl, token, String(EXPECTED)],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Result;
  };
  // warm-up, not counted: the sandbox sorts a search's matches once and keeps them, so the
  // first run would pay for sorting that the others do not
  await measure('fetch');
  const results: Record<string, Result[]> = { fetch: [], engine: [] };
  for (let round = 0; round < ROUNDS; round++)
    for (const variant of Object.keys(results)) results[variant]?.push(await measure(variant));
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const summary = Object.entries(results).map(([variant, runs]) => {
    const ms = median(runs.map((r) => r.ms));
    return {
      variant,
      ms,
      openMs: median(runs.map((r) => r.openMs)),
      readMs: median(runs.map((r) => r.ms - r.openMs)),
      rate: EXPECTED / (ms / 1000),
      maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
    };
  });
  const base = summary.find((s) => s.variant === 'fetch') as (typeof summary)[number];
  const engine = summary.find((s) => s.variant === 'engine') as (typeof summary)[number];
  console.log(
    `hubspot read: ${EXPECTED} contacts through the search API (200 a page, one restart per 10,000), median of ${ROUNDS} runs each`,
  );
  for (const s of summary)
    console.log(
      `${s.variant.padEnd(7)} ${Math.round(s.rate).toLocaleString('en').padStart(9)} records/s  ${(s.ms / 1000).toFixed(2)} s${s.openMs ? ` (open ${s.openMs.toFixed(0)} ms)` : ''}  peak RSS ${s.maxRssMb.toFixed(0)} MB`,
    );
  const ratio = engine.rate / base.rate;
  // the engine's time includes loading and validating the connector (openMs); without it:
  const readOnly = base.readMs / engine.readMs;
  console.log(
    `target: engine >= 0.80 x fetch loop -> ${ratio.toFixed(2)} ${ratio >= 0.8 ? 'MET' : 'MISSED'} (reading alone, open excluded: ${readOnly.toFixed(2)})`,
  );
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
  const rss = /"serverMaxRssMb":([\d.]+)/.exec(serverRss)?.[1];
  if (rss) console.log(`sandbox  peak RSS ${Number(rss).toFixed(0)} MB`);
}
