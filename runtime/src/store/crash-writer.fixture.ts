// A daemon that dies mid-write, for sqlite-crash.test.ts: it commits batches in a loop and
// prints "committed <n>" after each commit returns, until the test kills it with SIGKILL.
// Usage: node --conditions=@ferry/source --import tsx crash-writer.fixture.ts <store file>
import { SqliteStore } from './sqlite-store.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-writer.fixture.ts <store file>');
const store = SqliteStore.open(file);
const run = await store.createRun({ recipe: 'crash', trigger: 'manual' });
process.stdout.write(`run ${run.id}\n`);

const start = Date.now();
for (let n = 1; Date.now() - start < 120_000; n++) {
  await store.commitBatch({
    runId: run.id,
    recipe: 'crash',
    stream: 'items',
    state: { batch: n },
    counts: { read: n * 10, written: n * 9, failed: 0, deadLettered: n },
    deadLetters: [
      {
        recipe: 'crash',
        runId: run.id,
        stream: 'items',
        stage: 'write',
        reason: `rejected in batch ${n}`,
        record: { batch: n, payload: 'x'.repeat(2000) },
      },
    ],
  });
  // Writes to a pipe are synchronous on Linux: the line is out before the next commit starts.
  process.stdout.write(`committed ${n}\n`);
}
process.exit(1); // never killed: the test failed to stop it
