// One measured read, in its own process so that its peak RSS is its own. Usage:
//   client.ts <engine|fetch|undici> <baseUrl> <expectedRecords>
// Prints one JSON line: { variant, records, ms, openMs, maxRssMb }; ms includes openMs, the time
// the engine takes to load and validate the connector.
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';
import { request } from 'undici';

const [variant, baseUrl, expected] = process.argv.slice(2) as [string, string, string];

let openMs = 0;

async function viaEngine(): Promise<number> {
  const opening = performance.now();
  const connector = await openConnector(
    fileURLToPath(new URL('./connector.yaml', import.meta.url)),
  );
  openMs = performance.now() - opening;
  let count = 0;
  for await (const batch of connector.read({ baseUrl })) {
    for (const message of batch) if (message.type === 'RECORD') count++;
  }
  return count;
}

/** The baseline: the minimal hand-written loop an integrator would write with fetch. */
async function viaFetch(): Promise<number> {
  let count = 0;
  for (let page = 1; ; page++) {
    const response = await fetch(`${baseUrl}/users?per_page=100&page=${page}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as { data: unknown[] };
    count += body.data.length;
    if (body.data.length < 100) return count;
  }
}

/** A second baseline: the same loop on undici's request, the fastest client Node has. */
async function viaUndici(): Promise<number> {
  let count = 0;
  for (let page = 1; ; page++) {
    const response = await request(`${baseUrl}/users?per_page=100&page=${page}`);
    const body = (await response.body.json()) as { data: unknown[] };
    count += body.data.length;
    if (body.data.length < 100) return count;
  }
}

const started = performance.now();
const records = await (variant === 'engine'
  ? viaEngine()
  : variant === 'fetch'
    ? viaFetch()
    : viaUndici());
const ms = performance.now() - started;
if (records !== Number(expected))
  throw new Error(`${variant} read ${records} records, expected ${expected}`);
console.log(
  JSON.stringify({ variant, records, ms, openMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
