// Run by large-file.test.ts in a child process started with --expose-gc: reads a large file
// through the connector keeping only a count, and every 50 batches collects garbage and measures
// what is still held (heap and buffers). Prints the most held above the level before the read:
// a streaming read holds a chunk and a page whatever the file's size; one that held the file
// would hold at least its size.
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';

const [path = ''] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc as () => void;
const held = () => {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
};

const connector = await openConnector(fileURLToPath(new URL('..', import.meta.url)));
await connector.check({ path }); // loads the handlers before the baseline
const baseline = held();
let records = 0;
let batches = 0;
let peak = 0;
for await (const batch of connector.read({ path })) {
  for (const message of batch) if (message.type === 'RECORD') records++;
  if (++batches % 50 === 0) peak = Math.max(peak, held() - baseline);
}
console.log(JSON.stringify({ records, batches, heldMb: +(peak / 2 ** 20).toFixed(1) }));
