// The HubSpot sandbox for the read benchmark, in its own process so that serving does not share
// the client's event loop. Rate limits off. Prints `<url> <token>` on stdout, then serves until
// killed. Usage: server.ts <contacts>
import { startHubspotSandbox } from '@ferry/testkit';

const contacts = Number(process.argv[2] ?? 20_000);
const sandbox = await startHubspotSandbox({
  limits: false,
  counts: { contacts, companies: 0, deals: 0, products: 0 },
});
console.log(`${sandbox.url} ${sandbox.token}`);
// the sandbox keeps every request it saw; report its peak RSS when asked to stop
process.on('SIGTERM', () => {
  console.error(JSON.stringify({ serverMaxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
});
