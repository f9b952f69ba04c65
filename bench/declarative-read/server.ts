// A paginated JSON API for the read benchmark, run in its own process so that serving does not
// share the client's event loop. Every page body is built once up front, so both clients measure
// the same server work. Prints its URL on stdout, then serves until killed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const total = Number(process.argv[2] ?? 200_000);
const perPage = 100;
const pages: string[] = [];
for (let p = 0; p * perPage < total; p++) {
  const data = [];
  for (let i = p * perPage; i < Math.min(total, (p + 1) * perPage); i++) {
    data.push({
      id: i + 1,
      email: `user${i}@example.com`,
      first_name: `First${i % 997}`,
      last_name: `Last${i % 1009}`,
      company: `Company ${i % 211}`,
      amount: (i % 10_000) / 100,
      active: i % 3 !== 0,
      country: ['DE', 'FR', 'US', 'JP'][i % 4],
      created_at: new Date(1_700_000_000_000 + i * 1000).toISOString(),
      updated_at: new Date(1_710_000_000_000 + i * 1000).toISOString(),
    });
  }
  pages.push(JSON.stringify({ data, has_more: (p + 1) * perPage < total }));
}

const server = createServer((req, res) => {
  const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? 1);
  const body = pages[page - 1] ?? JSON.stringify({ data: [], has_more: false });
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
